import type { ReactNode } from "react";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, data, useRouteLoaderData } from "react-router";
import dkfdsCss from "dkfds-dist/css/dkfds.min.css?url";
import type { Route } from "./+types/root";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { AppShell } from "./components/layout/app-shell";
import { countUnread } from "./services/notifications-inbox.server";
import { createTranslator, dictionaryOf, type Lang } from "./i18n";
import appCss from "./styles/app.css?url";
import { env } from "./utils/env.server";
import { getLang } from "./utils/lang.server";
import { useNonce } from "./utils/nonce";
import { getSessionUser } from "./utils/session.server";

export const links: Route.LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: dkfdsCss },
  { rel: "stylesheet", href: appCss },
];

export async function loader({ request }: Route.LoaderArgs) {
  const [user, lang] = await Promise.all([getSessionUser(request), getLang(request)]);
  // One cheap indexed count for the header's "Beskeder (3)".
  const unreadNotifications = user ? await countUnread(user.id) : 0;
  return data({ user, lang, demo: env().demo, unreadNotifications });
}

/** `window.__KP_I18N__ = …` as a script that cannot break out of its element; built once per language. */
const i18nScripts = new Map<Lang, string>();
function i18nScript(lang: Lang): string {
  let script = i18nScripts.get(lang);
  if (script === undefined) {
    const json = JSON.stringify({ lang, messages: dictionaryOf(lang) })
      .replace(/</g, "\\u003c")
      .replace(/\u2028/g, "\\u2028")
      .replace(/\u2029/g, "\\u2029");
    script = `window.__KP_I18N__=${json};`;
    // In the browser the dictionary is the one the page brought; on the server it never changes.
    if (Object.keys(dictionaryOf(lang)).length > 0) i18nScripts.set(lang, script);
  }
  return script;
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData("root") as { lang?: Lang } | undefined;
  const lang = root?.lang ?? "da";
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{createTranslator(lang)("app.name")}</title>
        <Meta />
        <Links nonce={nonce} />
        {/* The texts of this page's language, read by the browser's i18n layer before the app starts. */}
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: i18nScript(lang) }} />
      </head>
      <body>
        <AppShell>{children}</AppShell>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
