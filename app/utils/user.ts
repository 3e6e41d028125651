// The logged-in user as the UI sees it (from the root loader). For hiding
// buttons only: the server checks every permission itself.
import { useRouteLoaderData } from "react-router";
import type { SessionUser } from "~/domain/permissions";

export function useOptionalUser(): SessionUser | null {
  const data = useRouteLoaderData("root") as { user?: SessionUser | null } | undefined;
  return data?.user ?? null;
}
