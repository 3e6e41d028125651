import { createCookie } from "react-router";
import { createTranslator, type Lang, type Translate } from "~/i18n";

export const langCookie = createCookie("kp_lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

export async function getLang(request: Request): Promise<Lang> {
  const value: unknown = await langCookie.parse(request.headers.get("Cookie"));
  return value === "en" ? "en" : "da";
}

export async function getTranslator(request: Request): Promise<{ lang: Lang; t: Translate }> {
  const lang = await getLang(request);
  return { lang, t: createTranslator(lang) };
}
