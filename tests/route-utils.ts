// Calls route loaders and actions the way React Router does, and turns what
// they return or throw into a status and body.
import { isRouteErrorResponse } from "react-router";

// Loosely typed on purpose: route modules type their args by their own URL params.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (args: any) => unknown;

export interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

export interface CallResult {
  status: number;
  location: string | null;
  data: unknown;
  headers: Headers;
}

const BASE = "http://localhost";

function isDataWithResponseInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit";
}

async function toResult(value: unknown): Promise<CallResult> {
  if (value instanceof Response) {
    const text = await value.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: value.status, location: value.headers.get("Location"), data: body, headers: value.headers };
  }
  if (isDataWithResponseInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, location: headers.get("Location"), data: value.data, headers };
  }
  if (isRouteErrorResponse(value)) {
    return { status: value.status, location: null, data: value.data, headers: new Headers() };
  }
  return { status: 200, location: null, data: value, headers: new Headers() };
}

export interface CallOptions {
  params?: Record<string, string>;
  cookie?: string;
  form?: Record<string, string | string[]> | FormData;
  pattern?: string;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** The load context server.js would pass (e.g. { clientIp }). */
  context?: Record<string, unknown>;
}

function buildRequest(path: string, method: string, options: CallOptions): Request {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  headers.set("x-request-id", "test-request");
  let body: FormData | undefined;
  if (method === "GET" || method === "HEAD") body = undefined;
  else if (options.form instanceof FormData) body = options.form;
  else if (options.form) {
    body = new FormData();
    for (const [key, value] of Object.entries(options.form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
  }
  return new Request(new URL(path, BASE), { method, headers, body });
}

async function call(handler: Handler, path: string, method: string, options: CallOptions): Promise<CallResult> {
  return callWith(handler, buildRequest(path, method, options), options);
}

async function callWith(handler: Handler, request: Request, options: Pick<CallOptions, "params" | "pattern" | "context">): Promise<CallResult> {
  try {
    const value = await handler({
      request,
      params: options.params ?? {},
      context: options.context ?? {},
      url: new URL(request.url),
      pattern: options.pattern ?? new URL(request.url).pathname,
    });
    return await toResult(value);
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithResponseInit(thrown) || isRouteErrorResponse(thrown)) return toResult(thrown);
    throw thrown;
  }
}

export function callLoader(module: RouteModule, path: string, options: CallOptions = {}): Promise<CallResult> {
  if (!module.loader) throw new Error(`No loader for ${path}`);
  return call(module.loader, path, "GET", options);
}

export function callAction(module: RouteModule, path: string, options: CallOptions = {}): Promise<CallResult> {
  if (!module.action) throw new Error(`No action for ${path}`);
  return call(module.action, path, "POST", options);
}

/** Calls an action with a request built by the caller (any body, any headers). */
export function callActionWithRequest(module: RouteModule, request: Request, options: Pick<CallOptions, "params" | "pattern" | "context"> = {}): Promise<CallResult> {
  if (!module.action) throw new Error(`No action for ${request.url}`);
  return callWith(module.action, request, options);
}

/** Field errors from a Conform reply: { field: [message keys] }. */
export function fieldErrors(result: CallResult): Record<string, string[]> {
  const data = result.data as { result?: { error?: Record<string, string[] | null> } } | null;
  const errors = data?.result?.error ?? {};
  return Object.fromEntries(Object.entries(errors).filter((e): e is [string, string[]] => Array.isArray(e[1])));
}
