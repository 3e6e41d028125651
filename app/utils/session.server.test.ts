import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readEnv } from "./env.server";
import { safeRedirect, sessionCookieFor } from "./session.server";

const request = new Request("http://localhost:3000/login");
const origin = "http://localhost:3000";

describe("safeRedirect", () => {
  it("keeps local paths with their query and fragment", () => {
    expect(safeRedirect("/pool-years?x=1#top", request)).toBe("/pool-years?x=1#top");
    expect(safeRedirect("/applications/abc", request)).toBe("/applications/abc");
    expect(safeRedirect(`${origin}/rounds`, request)).toBe("/rounds");
  });

  it.each([
    ["//evil.example/x"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\r\nSet-Cookie: x=1"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["/.//evil.example"],
    ["/..//evil.example"],
    ["https://evil.example/"],
    ["http://localhost:3001/"],
    ["https://localhost:3000/"],
    ["javascript:alert(1)"],
    ["/\u0000"],
    ["/x\u007f"],
    [""],
  ])("refuses %j", (target) => {
    expect(safeRedirect(target, request)).toBe("/");
  });

  it("uses the fallback for anything that is not a string", () => {
    expect(safeRedirect(null, request, "/home")).toBe("/home");
    expect(safeRedirect(undefined, request)).toBe("/");
    expect(safeRedirect(new File(["x"], "x.txt"), request)).toBe("/");
  });

  it("only ever returns a header-safe path on our own origin", () => {
    const alphabet = fc.constantFrom("/", "\\", ".", ":", "@", "?", "#", "%", "a", "\t", "\n", "\r", "\u0000", " ", "é", "\u202e", "evil.example", "http:", "//");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }).map((parts) => parts.join("")), (target) => {
        const path = safeRedirect(target, request);
        expect(path.startsWith("/")).toBe(true);
        expect(path.startsWith("//")).toBe(false);
        expect(path).toMatch(/^[\x21-\x7e]*$/);
        expect(new URL(path, origin).origin).toBe(origin);
      }),
      { numRuns: 500 },
    );
  });
});

describe("session cookie", () => {
  it("uses the __Host- prefix with Secure, Path=/ and no Domain in production", async () => {
    const header = await sessionCookieFor(readEnv({ NODE_ENV: "production" })).serialize("token");
    expect(header).toMatch(/^__Host-kp_session=/);
    expect(header).toContain("Path=/");
    expect(header).toContain("Secure");
    expect(header).toContain("HttpOnly");
    expect(header).not.toMatch(/Domain=/i);
  });

  it("keeps the plain name where cookies cannot be Secure (plain HTTP, development, tests)", async () => {
    for (const source of [{ NODE_ENV: "production", SECURE_COOKIES: "0" }, { NODE_ENV: "development" }, { NODE_ENV: "test" }] as const) {
      const header = await sessionCookieFor(readEnv(source)).serialize("token");
      expect(header).toMatch(/^kp_session=/);
      expect(header).not.toContain("Secure");
    }
  });

  it("reads back the cookie it wrote under the prefix", async () => {
    const cookie = sessionCookieFor(readEnv({ NODE_ENV: "production" }));
    const header = (await cookie.serialize("a-session-token-of-some-length")).split(";")[0]!;
    expect(await cookie.parse(header)).toBe("a-session-token-of-some-length");
  });
});
