// "The prioritisation in force" for a pool year: its newest revision. One
// definition for every query that needs it (screening, forms, pages).

/** Prisma arguments for a year's prioritisations that pick the one in force: `prioritisations: { ...IN_FORCE, select }`. */
export const IN_FORCE = { orderBy: { revision: "desc" }, take: 1 } as const;
