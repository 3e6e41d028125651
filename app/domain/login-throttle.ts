// Guessing passwords is slowed down by three counters of login attempts, each
// over a fixed window:
//   - pair:    one account from one IP address. Strict: it stops guessing at one
//              account from one machine, and it is the only counter for the
//              owner's usual machine (an IP address with a successful login for
//              the account within KNOWN_DEVICE_DAYS).
//   - ip:      one IP address across all accounts. It stops "spraying" a common
//              password over every account.
//   - account: one account across all IP addresses. Looser: it stops guessing
//              at one account from many machines.
// The ip and account counters do not apply to the owner's usual machine, so an
// attacker who hammers an account (admin) slows themselves, not the owner.
// Every attempt is counted before the password is checked (atomically, in the
// database), so parallel guesses cannot pass the limit; a successful login
// takes its attempt back from the ip and account counters and clears its pair.

export type LoginLimiter = "pair" | "ip" | "account";

export interface LimitRule {
  /** Attempts allowed within the window. */
  points: number;
  /** Length of the window, from its first attempt. */
  durationSeconds: number;
}

export const LOGIN_LIMITS: Readonly<Record<LoginLimiter, LimitRule>> = {
  pair: { points: 5, durationSeconds: 15 * 60 },
  ip: { points: 50, durationSeconds: 60 * 60 },
  account: { points: 20, durationSeconds: 60 * 60 },
};

/** How long a successful login makes an IP address the account's usual machine. */
export const KNOWN_DEVICE_DAYS = 30;

/** The counters an attempt is counted against. */
export function limitersFor(knownDevice: boolean): LoginLimiter[] {
  return knownDevice ? ["pair"] : ["pair", "ip", "account"];
}

export interface LimiterCount {
  limiter: LoginLimiter;
  /** Attempts in the current window, this one included. */
  consumed: number;
  /** Milliseconds until the window ends. */
  msBeforeReset: number;
}

/**
 * Seconds the attempt must wait (0 = it may go on): until the last window over
 * its limit ends, rounded up to whole seconds.
 */
export function secondsToWait(counts: readonly LimiterCount[]): number {
  let wait = 0;
  for (const { limiter, consumed, msBeforeReset } of counts) {
    if (consumed > LOGIN_LIMITS[limiter].points) wait = Math.max(wait, Math.max(1, Math.ceil(msBeforeReset / 1000)));
  }
  return wait;
}
