import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { loadContextFor, trustProxySetting } from "./request-context.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A real Express app set up like server.js; answers with the client IP its load context holds. */
async function serverWith(trustProxy: string | undefined): Promise<string> {
  const app = express();
  app.set("trust proxy", trustProxySetting(trustProxy));
  app.use((req, res) => {
    res.locals.cspNonce = "n";
    res.json(loadContextFor(req, res));
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function clientIpSeenBy(url: string, forwardedFor?: string): Promise<string> {
  const response = await fetch(url, { headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {} });
  return ((await response.json()) as { clientIp: string }).clientIp;
}

describe("client IP in the load context", () => {
  it("ignores X-Forwarded-For when no proxy is trusted", async () => {
    for (const setting of [undefined, "0"]) {
      const url = await serverWith(setting);
      expect(await clientIpSeenBy(url, "6.6.6.6")).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
      await close?.();
      close = undefined;
    }
  });

  it("behind one trusted proxy takes the address that proxy saw, not what the client claimed", async () => {
    const url = await serverWith("1");
    // The client forged "6.6.6.6"; our proxy appended the address it really saw.
    expect(await clientIpSeenBy(url, "6.6.6.6, 198.51.100.20")).toBe("198.51.100.20");
  });

  it("passes the CSP nonce on", async () => {
    const url = await serverWith("0");
    const body = (await (await fetch(url)).json()) as { cspNonce: string };
    expect(body.cspNonce).toBe("n");
  });
});

describe("trustProxySetting", () => {
  it("reads 0/unset as no proxy and a digit as that many proxies", () => {
    expect(trustProxySetting(undefined)).toBe(false);
    expect(trustProxySetting("")).toBe(false);
    expect(trustProxySetting("0")).toBe(false);
    expect(trustProxySetting("1")).toBe(1);
    expect(trustProxySetting("2")).toBe(2);
  });

  it("refuses anything else rather than trusting every hop", () => {
    for (const value of ["true", "yes", "-1", "10", "1.5", "loopback"]) expect(() => trustProxySetting(value)).toThrow(/TRUST_PROXY/);
  });
});
