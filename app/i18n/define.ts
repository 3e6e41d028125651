// A message file defines Danish (the source) and English with the same keys.
// A key missing in English, or an unknown key used in code, is a compile error.
export function defineMessages<const D extends Record<string, string>>(messages: {
  da: D;
  en: { [K in keyof D]: string };
}) {
  return messages;
}
