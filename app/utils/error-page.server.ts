// Resource routes (files, exports) have no React page to fall back on: when
// they refuse, they answer with this small Danish HTML page instead of the raw
// JSON of a thrown response.
import { isRouteErrorResponse } from "react-router";
import { createTranslator, type Lang, type MessageKey } from "~/i18n";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface ErrorPageTexts {
  heading: MessageKey;
  text: MessageKey;
}

/** The HTML page for a refused resource request. */
export function errorPageResponse(status: number, lang: Lang, texts?: ErrorPageTexts): Response {
  const t = createTranslator(lang);
  const heading = t(texts?.heading ?? (`error.heading.${status === 403 ? 403 : 404}` as MessageKey));
  const text = t(texts?.text ?? (`error.${status === 403 ? 403 : 404}` as MessageKey));
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(heading)} – ${escape(t("app.name"))}</title>
<style>body{font-family:"IBM Plex Sans",Arial,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}a{color:#0059b3}</style>
</head>
<body>
<main>
<h1>${escape(heading)}</h1>
<p role="alert">${escape(text)}</p>
<p><a href="/">${escape(t("error.backHome"))}</a></p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}

/** The status of a thrown `data(…, { status })` (what notFound() and forbidden() throw). */
function thrownDataStatus(error: unknown): number | null {
  if (typeof error !== "object" || error === null || (error as { type?: unknown }).type !== "DataWithResponseInit") return null;
  const status = (error as { init?: { status?: unknown } | null }).init?.status;
  return typeof status === "number" ? status : null;
}

/**
 * Runs a resource route's work; a thrown 403/404 (permission refusals, unknown
 * ids) becomes the HTML page. Redirects (to the login page) and everything else
 * pass through unchanged.
 */
export async function withErrorPage(lang: Lang, work: () => Promise<Response>, texts: Partial<Record<403 | 404, ErrorPageTexts>> = {}): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    const status = isRouteErrorResponse(error) ? error.status : error instanceof Response ? error.status : thrownDataStatus(error);
    if (status === 403 || status === 404) return errorPageResponse(status, lang, texts[status]);
    throw error;
  }
}
