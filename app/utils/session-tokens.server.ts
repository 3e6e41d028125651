// Session tokens and their lifetime, without the request: the cookie holds a
// random token whose sha256 is the session id. Used by the login service and by
// session.server.ts, which reads the cookie.
import { createHash } from "node:crypto";
import { env } from "./env.server";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * When a session used at `now` expires: SESSION_HOURS after its last use, but
 * never later than SESSION_ABSOLUTE_HOURS after it was created (login).
 */
export function sessionExpiry(createdAt: Date, now: Date = new Date()): Date {
  const sliding = now.getTime() + env().SESSION_HOURS * HOUR_MS;
  return new Date(Math.min(sliding, absoluteEnd(createdAt)));
}

/** The latest moment (ms) a session created at `createdAt` may live. */
export function absoluteEnd(createdAt: Date): number {
  return createdAt.getTime() + env().SESSION_ABSOLUTE_HOURS * HOUR_MS;
}
