// The security headers server.js sends on every response. X-Content-Type-Options
// is among them, so routes (downloads) do not send it again: Express appends a
// route's headers to these, and the browser would get "nosniff, nosniff".

/**
 * @param {{ nonce: string, dev: boolean, production: boolean }} options
 * @returns {Record<string, string>}
 */
export function securityHeaders({ nonce, dev, production }) {
  const scriptSrc = dev ? "'self' 'unsafe-inline'" : `'self' 'nonce-${nonce}'`;
  const connectSrc = dev ? "'self' ws: wss:" : "'self'";
  /** @type {Record<string, string>} */
  const headers = {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src ${scriptSrc}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      `connect-src ${connectSrc}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
  if (production) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/**
 * Express middleware that sets the security headers (the CSP nonce comes from res.locals.cspNonce).
 * @param {{ dev: boolean, production: boolean }} options
 */
export function securityHeadersMiddleware({ dev, production }) {
  /**
   * @param {unknown} _req
   * @param {{ locals: Record<string, unknown>, setHeader(name: string, value: string): unknown }} res
   * @param {() => void} next
   */
  return (_req, res, next) => {
    const nonce = typeof res.locals.cspNonce === "string" ? res.locals.cspNonce : "";
    for (const [name, value] of Object.entries(securityHeaders({ nonce, dev, production }))) res.setHeader(name, value);
    next();
  };
}
