// Row and advisory locks for use inside a mutation's transaction. They are held
// until the transaction ends, so concurrent changes of the same thing (a pool
// year's money, an application, a round's ranking) run one at a time, also
// across several app instances on PostgreSQL. Always pass the transaction's tx.
import type { Tx } from "~/utils/db.server";

/** Locks the pool-year row: every change of a year's money or plan takes this lock first. */
export async function lockPoolYear(tx: Tx, poolYearId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "PoolYear" WHERE id = ${poolYearId} FOR UPDATE`;
}

/** Locks one application row. */
export async function lockApplication(tx: Tx, applicationId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${applicationId} FOR UPDATE`;
}

/** A transaction-scoped advisory lock on a text key (for things without a row of their own, e.g. a round's ranking in one area). */
export async function lockKey(tx: Tx, key: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${key}::text))`;
}
