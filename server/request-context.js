// What the app learns about a request from the HTTP server: the client's IP
// address and the CSP nonce. Plain JavaScript, because server.js imports it
// before anything is built.

/**
 * The Express "trust proxy" setting for TRUST_PROXY: unset or "0" trusts no
 * proxy (the client IP is the socket's address; X-Forwarded-For is ignored),
 * a number n trusts the n reverse proxies in front of the app (the client IP
 * is the address the outermost of them saw).
 * @param {string | undefined} value
 * @returns {false | number}
 */
export function trustProxySetting(value) {
  if (value === undefined || value === "" || value === "0") return false;
  if (/^[1-9]$/.test(value)) return Number(value);
  throw new Error(`TRUST_PROXY must be 0 or the number of reverse proxies in front of the app (1–9), not "${value}".`);
}

/**
 * The load context React Router hands to loaders and actions. The client IP
 * comes from Express (`req.ip`, which honours "trust proxy"), never from a
 * header the app reads itself.
 * @param {{ ip?: string | undefined }} req
 * @param {{ locals: Record<string, unknown> }} res
 * @returns {{ cspNonce: string | undefined, clientIp: string }}
 */
export function loadContextFor(req, res) {
  const nonce = res.locals.cspNonce;
  return { cspNonce: typeof nonce === "string" ? nonce : undefined, clientIp: req.ip ?? "" };
}
