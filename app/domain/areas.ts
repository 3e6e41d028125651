// Forvaltningsområder: the rules for an area's code. Pure: no framework imports.

/** 2–6 uppercase letters, Danish letters included (BUU, ØAD). */
export const AREA_CODE_PATTERN = /^[A-ZÆØÅ]{2,6}$/;

export function isAreaCode(code: string): boolean {
  return AREA_CODE_PATTERN.test(code);
}
