// Database errors the services turn into field errors instead of 500s.

/** A unique constraint refused the write (Prisma's P2002), e.g. a name or number that exists already. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
