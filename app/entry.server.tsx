import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { renderToPipeableStream } from "react-dom/server";
import { isRouteErrorResponse, ServerRouter, type AppLoadContext, type EntryContext, type HandleErrorFunction } from "react-router";
import { currentDatabase, openDatabaseFromEnv, setDatabase } from "./utils/db.server";
import { env } from "./utils/env.server";
import { NonceProvider } from "./utils/nonce";

export const streamTimeout = 10_000;

/**
 * Pages and their data are rendered for one user (and one language): no
 * browser or proxy may keep them, so they are not shown again after logout
 * or to the next person at a shared computer. Files and exports set their own.
 */
export const PAGE_CACHE_CONTROL = "private, no-store";

declare module "react-router" {
  interface AppLoadContext {
    cspNonce?: string;
    /** Set by server.js from Express's req.ip (honours TRUST_PROXY); see ~/utils/client-ip.server. */
    clientIp?: string;
  }
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext?.cspNonce;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        // Wait for all data before sending: pages are small and this keeps
        // responses complete for users without JavaScript and for crawlers.
        onAllReady() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.set("Cache-Control", PAGE_CACHE_CONTROL);
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

/** Loader and action data fetched by the browser (`*.data`): the same policy as pages. */
export function handleDataRequest(response: Response): Response {
  try {
    response.headers.set("Cache-Control", PAGE_CACHE_CONTROL);
    return response;
  } catch {
    // Immutable headers (a Response.redirect): copy it.
    const copy = new Response(response.body, response);
    copy.headers.set("Cache-Control", PAGE_CACHE_CONTROL);
    return copy;
  }
}

/**
 * Logs server errors. A 4xx answer (a missing page such as /favicon.ico, a refused
 * request) is not an error of the server: the request log already shows its status,
 * so it gets no stack trace. Aborted requests are not logged either.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error);
};

/**
 * Opens (and for the embedded database migrates and, in demo mode, seeds) the
 * database. Called by server.js before it listens.
 */
export async function prepare(): Promise<void> {
  const database = await openDatabaseFromEnv();
  setDatabase(database);
  if (database.kind === "pglite" && env().demo) {
    const { seedDemoDataIfEmpty } = await import("../prisma/seed-data");
    await seedDemoDataIfEmpty(database.prisma);
  }
}

/** Closes the database (server.js calls it on shutdown). */
export async function shutdown(): Promise<void> {
  try {
    await currentDatabase().close();
  } catch {
    // not open
  }
  setDatabase(undefined);
}
