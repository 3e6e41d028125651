import type { Action } from "~/domain/permissions";
import type { MessageKey } from "~/i18n";

/** The main menu: each item shows only to users who may use it (the server checks again). */
export const NAV_ITEMS: readonly { to: string; label: MessageKey; action: Action }[] = [
  { to: "/", label: "nav.home", action: "app:use" },
  { to: "/applications", label: "nav.applications", action: "application:read" },
  { to: "/applications/statistics", label: "nav.statistics", action: "application:stats" },
  { to: "/pool-years", label: "nav.poolYears", action: "poolYear:read" },
  { to: "/guidelines", label: "nav.guidelines", action: "guideline:read" },
  { to: "/focus-areas", label: "nav.focusAreas", action: "app:use" },
  { to: "/organisation", label: "nav.organisation", action: "app:use" },
  { to: "/admin/users", label: "nav.users", action: "user:manage" },
  { to: "/audit", label: "nav.audit", action: "audit:readPool" },
];

/**
 * The one menu item to highlight for a path: the most specific item whose path is
 * the current path or a parent of it ("/applications/statistics" highlights
 * "Tal og fordeling", not also "Ansøgninger"). "/" matches only the home page.
 */
export function activeNavTarget(pathname: string, targets: readonly string[]): string | null {
  const matches = targets.filter((to) => (to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`)));
  return matches.reduce<string | null>((best, to) => (best === null || to.length > best.length ? to : best), null);
}
