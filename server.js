// The HTTP server: security headers, compression, request logging, static
// assets, React Router, graceful shutdown. `node server.js` serves the built
// app; `node server.js --dev` runs Vite in middleware mode.
import { randomBytes, randomUUID } from "node:crypto";

const DEV = process.argv.includes("--dev");
const PORT = Number(process.env.PORT ?? 3000);
const HOST = process.env.HOST ?? "0.0.0.0";
// NODE_ENV must be set before React loads, so the rest is imported afterwards.
process.env.NODE_ENV ??= DEV ? "development" : "production";
const PRODUCTION = process.env.NODE_ENV === "production";

const { createRequestHandler } = await import("@react-router/express");
const { default: compression } = await import("compression");
const { default: express } = await import("express");
const { default: morgan } = await import("morgan");
const { loadContextFor, trustProxySetting } = await import("./server/request-context.js");
const { requestOriginOf, sameOriginVerdict } = await import("./server/same-origin.js");
const { securityHeadersMiddleware } = await import("./server/security-headers.js");

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", trustProxySetting(process.env.TRUST_PROXY));

// Request id (for the audit trail and logs) and a CSP nonce per request.
app.use((req, res, next) => {
  const requestId = typeof req.headers["x-request-id"] === "string" && /^[\w-]{1,64}$/.test(req.headers["x-request-id"])
    ? req.headers["x-request-id"]
    : randomUUID();
  req.headers["x-request-id"] = requestId;
  res.locals.requestId = requestId;
  res.locals.cspNonce = randomBytes(16).toString("base64");
  res.setHeader("X-Request-Id", requestId);
  next();
});

// Security headers (see server/security-headers.js).
app.use(securityHeadersMiddleware({ dev: DEV, production: PRODUCTION }));

// Cross-site form posts are refused (see server/same-origin.js).
app.use((req, res, next) => {
  const header = (name) => (typeof req.headers[name] === "string" ? req.headers[name] : undefined);
  const verdict = sameOriginVerdict({
    method: req.method,
    origin: header("origin"),
    secFetchSite: header("sec-fetch-site"),
    secFetchMode: header("sec-fetch-mode"),
    requestOrigin: requestOriginOf(req),
  });
  if (verdict === "malformed") {
    res.status(400).end();
    return;
  }
  if (verdict === "refuse") {
    res.status(403).type("text/plain; charset=utf-8").send("Forespørgslen kom fra et andet websted og er afvist.");
    return;
  }
  next();
});

app.use(compression());
if (process.env.LOG_REQUESTS !== "0") {
  morgan.token("rid", (_req, res) => res.locals.requestId);
  app.use(morgan(":method :url :status :res[content-length] - :response-time ms rid=:rid"));
}

let build;
let viteDevServer;
if (DEV) {
  const vite = await import("vite");
  viteDevServer = await vite.createServer({ server: { middlewareMode: true } });
  app.use(viteDevServer.middlewares);
  build = () => viteDevServer.ssrLoadModule("virtual:react-router/server-build");
  const entry = (await build()).entry.module;
  await entry.prepare();
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h", index: false }));
  build = await import("./build/server/index.js");
  await build.entry.module.prepare();
}

app.use(
  createRequestHandler({
    build,
    getLoadContext: loadContextFor,
  }),
);

const server = app.listen(PORT, HOST, () => {
  console.log(`Kompetencepuljen kører på http://localhost:${PORT}`);
});

let closing = false;
async function shutdown(signal) {
  if (closing) return;
  closing = true;
  console.log(`${signal}: lukker ned`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close();
  server.closeIdleConnections?.();
  try {
    const entry = DEV ? (await build()).entry.module : build.entry.module;
    await entry.shutdown();
    await viteDevServer?.close();
  } catch (error) {
    console.error(error);
  }
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
