// Every message file, merged into one dictionary per language. The server (and
// every test and script) uses this module as it is. The browser never loads it:
// the Vite plugin in vite.config.ts swaps it, in the client build only, for
// `dictionaries.client.ts`, which reads the one language that the page was
// rendered in (root.tsx puts it into the HTML). So a page ships one language's
// texts once, not both languages in a JavaScript chunk.
import { admin } from "./messages/admin";
import { applicationLists } from "./messages/application-lists";
import { applications } from "./messages/applications";
import { attachments } from "./messages/attachments";
import { audit } from "./messages/audit";
import { auth } from "./messages/auth";
import { common } from "./messages/common";
import { guidelines } from "./messages/guidelines";
import { poolYears } from "./messages/pool-years";
import { priorities } from "./messages/priorities";
import { screening } from "./messages/screening";
import type { Lang } from "./format";

const catalogues = [common, auth, admin, poolYears, audit, screening, guidelines, priorities, applications, attachments, applicationLists] as const;

type Catalogue = (typeof catalogues)[number];
type Keys<C> = C extends { da: infer D } ? keyof D : never;
export type MessageKey = Keys<Catalogue> & string;

export const dictionaries: Partial<Record<Lang, Record<string, string>>> = { da: {}, en: {} };
for (const catalogue of catalogues) {
  Object.assign(dictionaries.da!, catalogue.da);
  Object.assign(dictionaries.en!, catalogue.en);
}
