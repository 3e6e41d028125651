// The login throttle's counters live in the database (table "RateLimit"), so
// they hold across several app instances and restarts. rate-limiter-flexible's
// PostgreSQL store does the counting: one atomic
// `INSERT … ON CONFLICT DO UPDATE … RETURNING` per attempt and counter. It is
// given a small client over our Prisma connection, so the same code runs on the
// embedded PGlite and on a PostgreSQL server. The rules are in
// ~/domain/login-throttle.
import { createHash } from "node:crypto";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import {
  ipCountingKey,
  KNOWN_DEVICE_DAYS,
  LOGIN_LIMITS,
  limitersFor,
  secondsToWait,
  type LimiterCount,
  type LoginLimiter,
} from "~/domain/login-throttle";
import { prisma } from "~/utils/db.server";

interface StoreQuery {
  text: string;
  values?: unknown[];
}

// Epoch milliseconds do not fit a 32-bit parameter: send them as bigint.
function parameter(value: unknown): unknown {
  return typeof value === "number" && Number.isInteger(value) && Math.abs(value) > 2 ** 31 - 1 ? BigInt(value) : value;
}

// The store reads `points` and `expire` as numbers; bigint columns come back as BigInt.
function row(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]));
}

/** The node-postgres-like client the store expects, over the app's Prisma client. */
const storeClient = {
  async query({ text, values = [] }: StoreQuery): Promise<{ rows: Record<string, unknown>[]; rowCount: number }> {
    const params = values.map(parameter);
    if (/^\s*(SELECT|INSERT)/i.test(text)) {
      const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params);
      return { rows: rows.map(row), rowCount: rows.length };
    }
    const rowCount = await prisma.$executeRawUnsafe(text, ...params);
    return { rows: [], rowCount };
  },
};

let limiters: Record<LoginLimiter, RateLimiterPostgres> | undefined;
function limiter(name: LoginLimiter): RateLimiterPostgres {
  limiters ??= Object.fromEntries(
    (Object.keys(LOGIN_LIMITS) as LoginLimiter[]).map((n) => [
      n,
      new RateLimiterPostgres({
        storeClient,
        storeType: "pool",
        tableName: "RateLimit",
        tableCreated: true, // by the migration
        keyPrefix: `login-${n}`,
        points: LOGIN_LIMITS[n].points,
        duration: LOGIN_LIMITS[n].durationSeconds,
      }),
    ]),
  ) as Record<LoginLimiter, RateLimiterPostgres>;
  return limiters[name];
}

/** The counter's key: a hash, so the table holds neither addresses nor IPs. */
function keyOf(name: LoginLimiter, email: string, ip: string, deviceHash: string): string {
  const client = ipCountingKey(ip);
  const parts = name === "device" ? [email, deviceHash] : name === "pair" ? [email, client] : name === "ip" ? [client] : [email];
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}

/** The hash under which a device cookie's token is kept. */
export function deviceHashOf(token: string | null | undefined): string {
  return token ? createHash("sha256").update(`device\n${token}`).digest("hex") : "";
}

export interface LoginGate {
  /** Seconds to wait; 0 = the password may be checked. */
  waitSeconds: number;
  /** Call after a successful login: clears the pair, takes the attempt back from the others. */
  succeeded(): Promise<void>;
}

/** Whether this browser's device cookie came from a successful login of the account recently (its usual browser). */
export async function isKnownDevice(email: string, deviceHash: string): Promise<boolean> {
  if (!deviceHash) return false;
  const since = new Date(Date.now() - KNOWN_DEVICE_DAYS * 24 * 60 * 60 * 1000);
  const success = await prisma.loginAttempt.findFirst({ where: { email, deviceHash, success: true, at: { gte: since } }, select: { id: true } });
  return success !== null;
}

/** Counts a login attempt (before the password is checked) and says whether it may go on. */
export async function admitLoginAttempt(email: string, ip: string, deviceHash = ""): Promise<LoginGate> {
  const known = await isKnownDevice(email, deviceHash);
  const names = limitersFor(known);
  const counts: LimiterCount[] = [];
  for (const name of names) {
    const res = await limiter(name).penalty(keyOf(name, email, ip, deviceHash), 1);
    counts.push({ limiter: name, consumed: res.consumedPoints, msBeforeReset: res.msBeforeNext });
  }
  return {
    waitSeconds: secondsToWait(counts),
    async succeeded() {
      for (const name of names) {
        if (name === "pair" || name === "device") await limiter(name).delete(keyOf(name, email, ip, deviceHash));
        else await limiter(name).reward(keyOf(name, email, ip, deviceHash), 1);
      }
    },
  };
}
