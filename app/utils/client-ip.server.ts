// The client's IP address, as the HTTP server determined it (server.js puts
// Express's `req.ip` into the load context; it honours TRUST_PROXY). Headers
// such as X-Forwarded-For are never read here: anyone can send them.
import type { AppLoadContext } from "react-router";

/** The client IP of the request, or "" when the server did not say (tests, scripts). */
export function clientIpOf(context: AppLoadContext | undefined): string {
  const ip = context?.clientIp;
  return typeof ip === "string" ? ip.slice(0, 64) : "";
}
