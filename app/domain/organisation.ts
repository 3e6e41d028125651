// The organisation's rules that hold wherever an area or unit is entered: the
// form schema (app/components/admin/schemas.ts) and the service
// (app/services/organisation.server.ts) both read them from here.

/** An area's code (forvaltningens forkortelse): 2–6 uppercase letters, Danish letters included (BUU, ØAD). */
export const AREA_CODE_PATTERN = /^[A-ZÆØÅ]{2,6}$/;

/** Whether a code, as typed, is an area code once trimmed and upper-cased. */
export function isAreaCode(code: string): boolean {
  return AREA_CODE_PATTERN.test(normaliseAreaCode(code));
}

/** The stored form of a typed area code: trimmed and upper-cased ("  øad " → "ØAD"). */
export function normaliseAreaCode(code: string): string {
  return code.trim().toUpperCase();
}
