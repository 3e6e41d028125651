import { createCookie } from "react-router";
import type { Lang } from "~/i18n";

export const langCookie = createCookie("kp_lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

export async function getLang(request: Request): Promise<Lang> {
  const value: unknown = await langCookie.parse(request.headers.get("Cookie"));
  return value === "en" ? "en" : "da";
}
