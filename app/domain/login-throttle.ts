// Guessing passwords is slowed down by counters of login attempts, each over a
// fixed window. The owner's usual browser is recognised by a device cookie that
// a successful login hands out (OWASP's "device cookie": a random token, its
// hash kept with the successful login, valid for KNOWN_DEVICE_DAYS) — not by
// the IP address, which many colleagues share behind the municipality's
// network. An attempt with a valid device cookie for the account counts only
// against:
//   - device:  one account from one known browser. Strict, and nobody else's
//              guesses count against it.
// Every other attempt counts against:
//   - pair:    one account from one IP address (an IPv6 address by its /64).
//   - ip:      one IP address across all accounts. It stops "spraying" a common
//              password over every account.
//   - account: one account across all IP addresses without a device cookie.
//              Looser: it stops guessing at one account from many machines.
// So an attacker who hammers an account (admin), also from the owner's own
// network, slows themselves, never the owner in their usual browser.
// Every attempt is counted before the password is checked (atomically, in the
// database), so parallel guesses cannot pass the limit; a successful login
// takes its attempt back from the ip and account counters and clears its pair.

export type LoginLimiter = "device" | "pair" | "ip" | "account";

export interface LimitRule {
  /** Attempts allowed within the window. */
  points: number;
  /** Length of the window, from its first attempt. */
  durationSeconds: number;
}

export const LOGIN_LIMITS: Readonly<Record<LoginLimiter, LimitRule>> = {
  device: { points: 5, durationSeconds: 15 * 60 },
  pair: { points: 5, durationSeconds: 15 * 60 },
  ip: { points: 50, durationSeconds: 60 * 60 },
  account: { points: 20, durationSeconds: 60 * 60 },
};

/** How long a successful login makes a browser (its device cookie) the account's usual one. */
export const KNOWN_DEVICE_DAYS = 30;

/** The counters an attempt is counted against. */
export function limitersFor(knownDevice: boolean): LoginLimiter[] {
  return knownDevice ? ["device"] : ["pair", "ip", "account"];
}

/**
 * The part of an IP address that identifies one client for counting: an IPv4
 * address as it is (also when written as ::ffff:a.b.c.d), an IPv6 address by
 * its /64 prefix (a home or office gets a whole /64 and could rotate through it).
 */
export function ipCountingKey(ip: string): string {
  const address = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = tail ? tail.split(":") : [];
  const missing = address.includes("::") ? 8 - headParts.length - tailParts.length : 0;
  const groups = [...headParts, ...Array.from({ length: Math.max(0, missing) }, () => "0"), ...tailParts];
  return `${groups
    .slice(0, 4)
    .map((g) => (g === "" ? "0" : g.replace(/^0+(?=.)/, "")))
    .join(":")}::/64`;
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
