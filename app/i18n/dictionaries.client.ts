// The browser's stand-in for `dictionaries.ts` (swapped in by the Vite plugin
// in vite.config.ts, client build only): the texts of the language the page was
// rendered in, which root.tsx writes into the HTML as `window.__KP_I18N__`.
import type { Lang } from "./format";

export type { MessageKey } from "./dictionaries";

declare global {
  interface Window {
    __KP_I18N__?: { lang: Lang; messages: Record<string, string> };
  }
}

const loaded = typeof window !== "undefined" ? window.__KP_I18N__ : undefined;

export const dictionaries: Partial<Record<Lang, Record<string, string>>> = loaded ? { [loaded.lang]: loaded.messages } : {};
