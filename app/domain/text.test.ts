import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasBidiControls, isolateText, stripBidiControls } from "./text";

const CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"];

describe("bidirectional controls in people's text", () => {
  it("removes every embedding, override, isolate and mark, and nothing else", () => {
    expect(stripBidiControls("x\u202egnp.pdf")).toBe("xgnp.pdf");
    expect(stripBidiControls(CONTROLS.join("a"))).toBe("a".repeat(CONTROLS.length - 1));
    expect(stripBidiControls("Ærø – מחלקה (عربى) 1.234,56 kr.")).toBe("Ærø – מחלקה (عربى) 1.234,56 kr.");
  });

  it("isolates text for a sentence: one isolate around it, none of its own left inside", () => {
    const withControls = fc.array(fc.oneof(fc.string(), fc.constantFrom(...CONTROLS)), { maxLength: 8 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(withControls, (text) => {
        const isolated = isolateText(text);
        const clean = stripBidiControls(text);
        if (clean === "") return isolated === "";
        return isolated === `\u2068${clean}\u2069` && !hasBidiControls(isolated.slice(1, -1));
      }),
    );
  });
});
