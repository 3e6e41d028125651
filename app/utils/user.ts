// The logged-in user as the UI sees it (from the root loader). For hiding
// buttons only: the server checks every permission itself.
import { useRouteLoaderData } from "react-router";
import { can, type Action, type RecordScope } from "~/domain/permissions";
import type { SessionUser } from "./session.server";

export function useOptionalUser(): SessionUser | null {
  const data = useRouteLoaderData("root") as { user?: SessionUser | null } | undefined;
  return data?.user ?? null;
}

export function useCan(action: Action, record?: RecordScope): boolean {
  return can(useOptionalUser(), action, record);
}
