// The i18n layer: every user-facing text goes through t(). Danish is the source.
import { dictionaries, type MessageKey } from "./dictionaries";
import { formatInteger, type Lang } from "./format";

export * from "./format";
export type { MessageKey } from "./dictionaries";

export type TranslateVars = Record<string, string | number>;

/**
 * A message that depends on a count: its forms are keys ending in the plural
 * categories of `Intl.PluralRules` ("….one", "….other"; Danish and English need
 * only these two). A base without both forms is not a PluralKey: a compile error.
 */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never;
}[MessageKey];

export interface Translate {
  (key: MessageKey, vars?: TranslateVars): string;
  /** The form of a counted message that fits `count`; `{count}` is the count in the language's number format. */
  plural(key: PluralKey, count: number, vars?: TranslateVars): string;
}

/** Whether a text is a message key (of the Danish source; in the browser, of the language loaded). */
export function isMessageKey(key: string): key is MessageKey {
  const source = dictionaries.da ?? dictionaries.en ?? {};
  return Object.prototype.hasOwnProperty.call(source, key);
}

export function translate(lang: Lang, key: MessageKey, vars?: TranslateVars): string {
  const template = dictionaries[lang]?.[key] ?? dictionaries.da?.[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

const pluralRules: Record<Lang, Intl.PluralRules> = { da: new Intl.PluralRules("da-DK"), en: new Intl.PluralRules("en-GB") };

export function translatePlural(lang: Lang, key: PluralKey, count: number, vars?: TranslateVars): string {
  const form = `${key}.${pluralRules[lang].select(count)}`;
  const chosen = isMessageKey(form) ? form : (`${key}.other` as MessageKey);
  return translate(lang, chosen, { count: formatInteger(count, lang), ...vars });
}

export function createTranslator(lang: Lang): Translate {
  const t = (key: MessageKey, vars?: TranslateVars) => translate(lang, key, vars);
  return Object.assign(t, { plural: (key: PluralKey, count: number, vars?: TranslateVars) => translatePlural(lang, key, count, vars) });
}

/** Translates a validation message that is a message key; other text is shown as is. */
export function translateError(lang: Lang, message: string): string {
  return isMessageKey(message) ? translate(lang, message) : message;
}

export const allKeys = (): string[] => Object.keys(dictionaries.da ?? {});
export const keysOf = (lang: Lang): string[] => Object.keys(dictionaries[lang] ?? {});

/** The dictionary of one language, for the page to hand to the browser (see `dictionaries.ts`). */
export function dictionaryOf(lang: Lang): Record<string, string> {
  return dictionaries[lang] ?? {};
}
