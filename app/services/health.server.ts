// The health check's one question to the database.
import { prisma } from "~/utils/db.server";

/** Resolves when the database answers a trivial query; rejects otherwise. */
export async function checkDatabase(): Promise<void> {
  await prisma.$queryRaw`SELECT 1`;
}
