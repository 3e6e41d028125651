// Which pool year (puljeår) a page opens on when the user has not chosen one.

/**
 * The current pool year: the calendar year of today in Denmark when it exists;
 * otherwise the nearest earlier year; with only future years, the earliest of them.
 * Null when there are no pool years at all.
 */
export function currentPoolYear(years: readonly number[], todaysYear: number): number | null {
  if (years.length === 0) return null;
  if (years.includes(todaysYear)) return todaysYear;
  const past = years.filter((y) => y < todaysYear);
  return past.length ? Math.max(...past) : Math.min(...years);
}
