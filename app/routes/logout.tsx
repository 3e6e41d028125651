import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { endSession } from "~/services/auth.server";
import { actorFor } from "~/services/mutation.server";
import { clearedSessionCookieHeader, getSessionUser, sessionIdOf } from "~/utils/session.server";

export async function loader() {
  // Logging out changes state: only by POST (a link or prefetch must not log out).
  throw redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  const user = await getSessionUser(request);
  const sessionId = await sessionIdOf(request);
  if (user && sessionId) await endSession(actorFor(request, user), { sessionId });
  throw redirect("/login", { headers: { "Set-Cookie": await clearedSessionCookieHeader() } });
}
