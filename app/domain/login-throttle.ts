// Repeated failed logins are slowed down: after a few failures for the same
// e-mail within a window, further attempts must wait, longer each time.

export const THROTTLE_WINDOW_MINUTES = 15;
export const FREE_ATTEMPTS = 5;
const MAX_WAIT_SECONDS = 15 * 60;

/**
 * Seconds the next attempt must wait, given the times of recent failed
 * attempts (within the window, newest last) and now. 0 = may try now.
 */
export function secondsUntilNextAttempt(failures: readonly Date[], now: Date): number {
  if (failures.length < FREE_ATTEMPTS) return 0;
  const excess = failures.length - FREE_ATTEMPTS; // 0, 1, 2 ...
  const wait = Math.min(30 * 2 ** excess, MAX_WAIT_SECONDS);
  const last = failures[failures.length - 1]!;
  const elapsed = Math.floor((now.getTime() - last.getTime()) / 1000);
  return Math.max(0, wait - elapsed);
}
