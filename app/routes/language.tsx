import { redirect } from "react-router";
import type { Route } from "./+types/language";
import { langCookie } from "~/utils/lang.server";
import { safeRedirect } from "~/utils/session.server";
import { readForm } from "~/utils/form-data.server";

export async function loader() {
  throw redirect("/");
}

/** Switches the interface language (a cookie; no data changes, so no audit event). */
export async function action({ request }: Route.ActionArgs) {
  const form = await readForm(request);
  const lang = form.get("lang") === "en" ? "en" : "da";
  throw redirect(safeRedirect(form.get("redirectTo"), request), { headers: { "Set-Cookie": await langCookie.serialize(lang) } });
}
