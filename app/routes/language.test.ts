import { describe, expect, it } from "vitest";
import { callAction } from "../../tests/route-utils";
import * as language from "./language";

describe("language switch", () => {
  it("sets the language cookie and goes back to the local page", async () => {
    const result = await callAction(language, "/language", { form: { lang: "en", redirectTo: "/rounds?x=1" } });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/rounds?x=1");
    expect(result.headers.get("Set-Cookie")).toMatch(/^kp_lang=/);
  });

  it.each(["/\t/evil.example", "/\r\nSet-Cookie: x=1", "/\n/evil.example", "//evil.example", "/\\evil.example"])(
    "never leaves the site nor breaks the header for %j",
    async (redirectTo) => {
      const result = await callAction(language, "/language", { form: { lang: "da", redirectTo } });
      expect(result.status).toBe(302);
      expect(result.location).toBe("/");
    },
  );
});
