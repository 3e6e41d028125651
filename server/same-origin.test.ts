import { describe, expect, it } from "vitest";
import { requestOriginOf, sameOriginVerdict } from "./same-origin.js";

const own = "https://kp.aarhus.dk";
const post = (headers: { origin?: string; secFetchSite?: string; secFetchMode?: string }, requestOrigin = own) =>
  sameOriginVerdict({ method: "POST", requestOrigin, ...headers });

describe("sameOriginVerdict", () => {
  it("lets reads through whatever they carry", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(sameOriginVerdict({ method, origin: "https://evil.example", secFetchSite: "cross-site", requestOrigin: own })).toBe("allow");
    }
  });

  it("trusts the browser's Sec-Fetch-Site when it is sent", () => {
    expect(post({ secFetchSite: "same-origin" })).toBe("allow");
    expect(post({ secFetchSite: "same-origin", origin: own })).toBe("allow");
    expect(post({ secFetchSite: "cross-site", origin: own })).toBe("refuse");
    expect(post({ secFetchSite: "same-site", origin: "https://other.aarhus.dk" })).toBe("refuse");
    expect(post({ secFetchSite: "bogus" })).toBe("refuse");
  });

  it("accepts Sec-Fetch-Site none only for a top-level navigation", () => {
    expect(post({ secFetchSite: "none", secFetchMode: "navigate" })).toBe("allow");
    expect(post({ secFetchSite: "none", secFetchMode: "cors" })).toBe("refuse");
    expect(post({ secFetchSite: "none", secFetchMode: "no-cors" })).toBe("refuse");
  });

  it("without Sec-Fetch-Site compares scheme, host and port of Origin", () => {
    expect(post({ origin: own })).toBe("allow");
    expect(post({ origin: "https://kp.aarhus.dk:443" })).toBe("allow");
    expect(post({ origin: "http://kp.aarhus.dk" })).toBe("refuse");
    expect(post({ origin: "https://kp.aarhus.dk:8443" })).toBe("refuse");
    expect(post({ origin: "https://evil.example" })).toBe("refuse");
    expect(post({ origin: "http://localhost:3000" }, "http://localhost:3001")).toBe("refuse");
    expect(post({ origin: "http://localhost:3000" }, "http://localhost:3000")).toBe("allow");
  });

  it("refuses an opaque origin and answers a malformed one with 400", () => {
    expect(post({ origin: "null" })).toBe("refuse");
    expect(post({ origin: "not a url" })).toBe("malformed");
  });

  it("lets a request without Origin or Sec-Fetch-Site through (not a browser)", () => {
    expect(post({})).toBe("allow");
  });
});

describe("requestOriginOf", () => {
  it("builds the origin from Express's protocol and host", () => {
    expect(requestOriginOf({ protocol: "https", host: "kp.aarhus.dk" })).toBe("https://kp.aarhus.dk");
    expect(requestOriginOf({ protocol: "http", host: "localhost:3000" })).toBe("http://localhost:3000");
  });
});
