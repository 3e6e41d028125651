import { describe, expect, it } from "vitest";
import { readEnv } from "./env.server";

describe("ALLOWED_EMAIL_DOMAINS", () => {
  it("defaults to the demo domain", () => {
    expect(readEnv({}).ALLOWED_EMAIL_DOMAINS).toEqual(["demo.aarhus.dk"]);
    expect(readEnv({ ALLOWED_EMAIL_DOMAINS: " " }).ALLOWED_EMAIL_DOMAINS).toEqual(["demo.aarhus.dk"]);
  });
  it("reads a comma-separated list", () => {
    expect(readEnv({ ALLOWED_EMAIL_DOMAINS: "aarhus.dk, @kk.dk" }).ALLOWED_EMAIL_DOMAINS).toEqual(["aarhus.dk", "kk.dk"]);
  });
  it("refuses to start with an entry that is not a domain name", () => {
    expect(() => readEnv({ ALLOWED_EMAIL_DOMAINS: "aarhus.dk,*" })).toThrow(/ALLOWED_EMAIL_DOMAINS/);
  });
});
