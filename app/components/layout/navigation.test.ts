import { describe, expect, it } from "vitest";
import { activeNavTarget, NAV_ITEMS } from "./navigation";

const targets = NAV_ITEMS.map((item) => item.to);

describe("activeNavTarget", () => {
  it("highlights only the most specific item", () => {
    expect(activeNavTarget("/applications/statistics", targets)).toBe("/applications/statistics");
    expect(activeNavTarget("/applications", targets)).toBe("/applications");
    expect(activeNavTarget("/applications/abc/edit", targets)).toBe("/applications");
  });

  it("matches whole path segments and the home page only on /", () => {
    expect(activeNavTarget("/applications-old", targets)).toBeNull();
    expect(activeNavTarget("/", targets)).toBe("/");
    expect(activeNavTarget("/notifications", targets)).toBeNull();
  });
});
