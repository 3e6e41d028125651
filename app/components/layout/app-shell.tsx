import { useEffect, useRef, type ReactNode } from "react";
import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "react-router";
import { can } from "~/domain/permissions";
import { useLang, useT } from "~/utils/i18n";
import { useOptionalUser } from "~/utils/user";
import { activeNavTarget, NAV_ITEMS } from "./navigation";

function markScrollableTables(root: HTMLElement, hint: string): void {
  for (const wrap of root.querySelectorAll<HTMLElement>(".kp-table-wrap")) {
    const scrollable = wrap.scrollWidth > wrap.clientWidth + 1;
    if (scrollable === wrap.hasAttribute("data-scrollable")) continue;
    if (scrollable) {
      const caption = wrap.querySelector("caption")?.textContent?.trim();
      wrap.setAttribute("data-scrollable", "");
      wrap.setAttribute("data-scroll-hint", hint);
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", caption ? `${caption}. ${hint}` : hint);
    } else {
      for (const name of ["data-scrollable", "data-scroll-hint", "tabindex", "role", "aria-label"]) wrap.removeAttribute(name);
    }
  }
}

export function AppShell({ children }: { children: ReactNode }) {
  const t = useT();
  const otherLang = useLang() === "da" ? "en" : "da";
  const user = useOptionalUser();
  const location = useLocation();
  const items = NAV_ITEMS.filter((item) => can(user, item.action));
  const activeTarget = activeNavTarget(location.pathname, items.map((item) => item.to));
  const unread = (useRouteLoaderData("root") as { unreadNotifications?: number } | undefined)?.unreadNotifications ?? 0;
  // After a client-side navigation, move focus to the new page's main heading (as
  // a full page load would put a screen reader at the top of the new page). When
  // something in the page already took the focus (a success message, a field
  // with an error, the button that was pressed), it keeps it.
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = mainRef.current;
    if (location.hash || !main) return;
    const active = document.activeElement;
    if (active && active !== main && main.contains(active)) return;
    const heading = main.querySelector<HTMLElement>("h1");
    if (heading) {
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.classList.add("kp-focus-target");
      heading.focus();
    } else {
      main.focus();
    }
  }, [location.key, location.hash]);

  // A table wider than its container scrolls sideways: say so, and let the keyboard
  // reach the scroll container (a region named by the table's caption).
  const scrollHint = t("layout.tableScrollHint");
  useEffect(() => {
    const main = mainRef.current;
    if (!main) return;
    const mark = () => markScrollableTables(main, scrollHint);
    mark();
    const observer = new ResizeObserver(mark);
    observer.observe(main);
    return () => observer.disconnect();
  }, [location.key, scrollHint]);
  return (
    <>
      <a className="skip-link kp-skip-link" href="#main-content">
        {t("layout.skipToContent")}
      </a>
      <header className="header kp-header">
        <div className="portal-header">
          <div className="container portal-header-inner kp-header-row">
            <a href="/" className="kp-brand">
              <span className="kp-brand-name">{t("app.name")}</span>
              <span className="kp-brand-owner">{t("app.owner")}</span>
            </a>
            <div className="kp-header-tools">
              {/* A full page load: the page carries only its own language's texts (app/i18n/dictionaries.ts). */}
              <Form method="post" action="/language" className="kp-inline-form" reloadDocument>
                <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
                <button type="submit" className="button button-tertiary kp-small-button" name="lang" value={otherLang} lang={otherLang}>
                  {t("layout.switchLanguage")}
                </button>
              </Form>
              {user ? (
                <>
                  <span className="kp-user" data-testid="current-user">
                    {t("layout.loggedInAs", { name: user.name })}
                  </span>
                  <NavLink
                    to="/notifications"
                    className="kp-notifications-link"
                    data-testid="notifications-link"
                  >
                    {unread > 0 ? `${t("nav.notifications")} (${unread})` : t("nav.notifications")}
                    {unread > 0 ? <span className="sr-only">, {t.plural("notifications.unreadHidden", unread)}</span> : null}
                  </NavLink>
                  <Form method="post" action="/logout" className="kp-inline-form">
                    <button type="submit" className="button button-secondary kp-small-button">
                      {t("layout.logout")}
                    </button>
                  </Form>
                </>
              ) : null}
            </div>
          </div>
        </div>
        <div className="solution-header">
          <div className="container solution-header-inner">
            <div className="solution-heading">
              <span className="h5 kp-solution-title">{t("app.tagline")}</span>
            </div>
          </div>
        </div>
        {user && items.length > 0 ? (
          <nav className="kp-nav" aria-label={t("layout.mainNav")}>
            <div className="container">
              <ul className="kp-nav-list">
                {items.map((item) => (
                  <li key={item.to}>
                    <Link
                      to={item.to}
                      className={item.to === activeTarget ? "kp-nav-link active" : "kp-nav-link"}
                      aria-current={item.to === activeTarget ? "page" : undefined}
                    >
                      {t(item.label)}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        ) : null}
      </header>
      <main id="main-content" className="container kp-main" tabIndex={-1} ref={mainRef}>
        {children}
      </main>
      <footer className="kp-footer">
        <div className="container kp-footer-inner">
          <p>{t("layout.footerContact")}</p>
          <ul className="unstyled-list kp-footer-links">
            <li>
              <a href="/accessibility">{t("layout.accessibility")}</a>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}
