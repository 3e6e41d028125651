// Start-up and request-log noise: a missing page is not a server error.
import { readFileSync } from "node:fs";
import { UNSAFE_ErrorResponseImpl as ErrorResponse } from "react-router";
import { describe, expect, it, vi } from "vitest";
import config from "../react-router.config";
import { handleError } from "./entry.server";

const args = (aborted = false) => {
  const controller = new AbortController();
  if (aborted) controller.abort();
  return { request: new Request("http://localhost/favicon.ico", { signal: controller.signal }), params: {}, context: {} } as unknown as Parameters<typeof handleError>[1];
};

describe("handleError", () => {
  it("logs no stack trace for a 404 such as /favicon.ico, nor for an aborted request", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    handleError(new ErrorResponse(404, "Not Found", null, true), args());
    handleError(new Error("client went away"), args(true));
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it("logs a real server error", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const failure = new Error("database down");
    handleError(failure, args());
    handleError(new ErrorResponse(500, "Internal Server Error", null, true), args());
    expect(error).toHaveBeenCalledTimes(2);
    expect(error.mock.calls[0]![0]).toBe(failure);
    error.mockRestore();
  });
});

describe("React Router future flags", () => {
  it("decides every v8 flag the build warns about, so a start prints no future-flag warnings", () => {
    const source = readFileSync("node_modules/@react-router/dev/dist/vite.js", "utf8");
    const warned = [...source.matchAll(/if \(future\.(v8_\w+) === void 0\)/g)].map((m) => m[1]!);
    expect(warned.length).toBeGreaterThan(0);
    const future = (config.future ?? {}) as Record<string, boolean | undefined>;
    expect(warned.filter((flag) => typeof future[flag] !== "boolean")).toEqual([]);
  });
});
