// Calendar helpers. Dates without a time ("date-only") are UTC midnight.
// Times entered by people are Danish local time (Europe/Copenhagen).

export const DANISH_TIME_ZONE = "Europe/Copenhagen";

/** yyyy-mm-dd of a date-only value (for <input type="date">, audit records and URLs). */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** UTC midnight of a yyyy-mm-dd date. */
export function dateOnlyUtc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** Adds calendar days to a date-only value (or any instant: exactly n × 24 hours). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Adds calendar months to a date-only value; the day is clamped (31.1 + 1 month = 28.2 or 29.2). */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const target = new Date(Date.UTC(year, month, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), lastDay)));
}

export function firstDayOfYear(year: number): Date {
  return dateOnlyUtc(year, 1, 1);
}

export function lastDayOfYear(year: number): Date {
  return dateOnlyUtc(year, 12, 31);
}

function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** Years a date typed into the app may fall in: sensible for a grant pool, and within the database's range. */
export function isInputYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1900 && year <= 2100;
}

/**
 * The instant of a wall-clock time in a time zone ("2027-03-01T12:00" in
 * Copenhagen → 2027-03-01T11:00Z). Returns null for text that is not
 * yyyy-mm-ddThh:mm or a wall-clock time that does not exist.
 */
export function zonedTimeToUtc(local: string, timeZone = DANISH_TIME_ZONE): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (!isInputYear(year)) return null;
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(naive);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // Two passes settle the offset also next to a daylight-saving change.
  let instant = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  instant = naive - offsetMinutes(new Date(instant), timeZone) * 60_000;
  const result = new Date(instant);
  return utcToZonedInput(result, timeZone) === local ? result : null;
}

/** "2027-03-01T12:00" — the wall-clock time of an instant in a time zone (for datetime-local inputs). */
export function utcToZonedInput(instant: Date, timeZone = DANISH_TIME_ZONE): string {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** Today's calendar date in Denmark as a date-only value (UTC midnight). */
export function danishToday(now: Date = new Date()): Date {
  return new Date(`${utcToZonedInput(now).slice(0, 10)}T00:00:00.000Z`);
}
