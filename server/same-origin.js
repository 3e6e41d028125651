// Cross-site form posts are refused. SameSite=Lax cookies already keep the
// session out of them; this also stops login CSRF and posts from a sibling
// subdomain ("same-site" is not "same-origin").

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request may go on: "allow", "refuse" (403: it came from another
 * site) or "malformed" (400: an Origin header that is not a URL).
 *
 * Browsers that send Sec-Fetch-Site say exactly where a request came from, even
 * behind a proxy that hides the scheme: "same-origin" goes on, "same-site" and
 * "cross-site" are refused, and "none" (typed in, a bookmark) only as a
 * top-level navigation. Otherwise the Origin header is compared with the
 * request's own origin: scheme, host and port. "Origin: null" is an opaque
 * origin (a sandboxed frame, a data: or file: page) and never this site. A
 * request with neither header does not come from a browser and goes on.
 *
 * @param {{
 *   method: string,
 *   origin?: string | undefined,
 *   secFetchSite?: string | undefined,
 *   secFetchMode?: string | undefined,
 *   requestOrigin: string,
 * }} request
 * @returns {"allow" | "refuse" | "malformed"}
 */
export function sameOriginVerdict({ method, origin, secFetchSite, secFetchMode, requestOrigin }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return "allow";
  if (secFetchSite !== undefined) {
    const site = secFetchSite.trim().toLowerCase();
    if (site === "same-origin") return "allow";
    if (site === "none") return secFetchMode === undefined || secFetchMode === "navigate" ? "allow" : "refuse";
    return "refuse";
  }
  if (origin === undefined) return "allow";
  if (origin === "null") return "refuse";
  let from;
  let own;
  try {
    from = new URL(origin);
    own = new URL(requestOrigin);
  } catch {
    return "malformed";
  }
  return from.origin === own.origin ? "allow" : "refuse";
}

/**
 * The request's own origin as Express sees it (scheme and host honour "trust proxy").
 * @param {{ protocol: string, host?: string | undefined }} req
 * @returns {string}
 */
export function requestOriginOf(req) {
  return `${req.protocol}://${req.host ?? ""}`;
}
