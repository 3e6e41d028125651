// Client-and-server hooks for the i18n layer: the language comes from the root loader.
import { useRouteLoaderData } from "react-router";
import { createTranslator, type Lang, type Translate, translateError } from "~/i18n";

export function useLang(): Lang {
  const data = useRouteLoaderData("root") as { lang?: Lang } | undefined;
  return data?.lang ?? "da";
}

export function useT(): Translate {
  return createTranslator(useLang());
}

/** Translates error messages that are message keys (from Zod schemas and services). */
export function useErrorText(): (message: string) => string {
  const lang = useLang();
  return (message) => translateError(lang, message);
}
