// parseSubmission: only the schema's fields reach Conform (and its reply), a
// malformed intent is a 400, and a control character is a message next to its field.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { optionalText, requiredText } from "./validation";
import { isAcceptableIntent, parseSubmission, schemaKeys } from "./submission.server";

function form(entries: [string, string][]): FormData {
  const out = new FormData();
  for (const [name, value] of entries) out.append(name, value);
  return out;
}

function thrownStatus(work: () => unknown): number | null {
  try {
    work();
    return null;
  } catch (thrown) {
    return (thrown as { init?: { status?: number } }).init?.status ?? -1;
  }
}

const Schema = z.object({ title: requiredText(), costLines: z.array(z.object({ amount: optionalText() })).optional() });

describe("schemaKeys", () => {
  it("finds the top-level keys through pipes, wrappers, unions and discriminated unions", () => {
    const a = z.object({ intent: z.literal("a"), x: z.string() });
    const b = z.object({ intent: z.literal("b"), y: z.string() });
    expect(schemaKeys(z.discriminatedUnion("intent", [a, b]))).toEqual(new Set(["intent", "x", "y"]));
    expect(schemaKeys(z.union([a, b]).optional())).toEqual(new Set(["intent", "x", "y"]));
    expect(schemaKeys(a.superRefine(() => {}).transform((v) => v))).toEqual(new Set(["intent", "x"]));
    expect(schemaKeys(z.intersection(a, z.object({ z: z.string() })))).toEqual(new Set(["intent", "x", "z"]));
    expect(schemaKeys(z.object({}))).toEqual(new Set());
    expect(schemaKeys(z.string())).toBeNull();
  });
});

describe("parseSubmission", () => {
  it("never echoes back fields the schema does not know", () => {
    const submission = parseSubmission(form([["title", ""], ["anything[9999]", "1"], ["evil", "<script>"], ["costLines[0].amount", "5"]]), Schema);
    const reply = submission.reply();
    expect(reply.initialValue).toEqual({ costLines: [{ amount: "5" }] });
    expect(reply.fields).toEqual(["title", "costLines[0].amount"]);
    expect(reply.error).toEqual({ title: ["validation.required"] });
  });

  it("answers 400 to a malformed Conform intent instead of throwing a SyntaxError", () => {
    for (const intent of ["x", "{", "null", "[]", '{"type":"insert"}', '{"type":"nope","payload":{}}']) {
      expect(thrownStatus(() => parseSubmission(form([["__intent__", intent]]), Schema))).toBe(400);
    }
  });

  it("answers 400 to an intent that asks for a huge, deep or unknown structure", () => {
    const bad = [
      '{"type":"insert","payload":{"name":"costLines","index":100000000}}',
      '{"type":"insert","payload":{"name":"costLines[100000000]"}}',
      '{"type":"update","payload":{"value":{"injected":"x"}}}',
      '{"type":"update","payload":{"name":"evil","value":"x"}}',
      `{"type":"update","payload":{"name":"title","value":${"[".repeat(50)}${"]".repeat(50)}}}`,
      '{"type":"remove","payload":{"name":"costLines","index":-1}}',
    ];
    for (const intent of bad) expect(thrownStatus(() => parseSubmission(form([["__intent__", intent]]), Schema)), intent).toBe(400);
    expect(thrownStatus(() => parseSubmission(form([["__intent__", '{"type":"reset","payload":{}}'], ["__intent__", "x"]]), Schema))).toBe(400);
  });

  it("carries out the list intents the application form sends", () => {
    const insert = JSON.stringify({ type: "insert", payload: { name: "costLines", defaultValue: { amount: "" } } });
    const submission = parseSubmission(form([["title", "T"], ["costLines[0].amount", "5"], ["__intent__", insert]]), Schema);
    expect(submission.status).toBeUndefined();
    const initial = submission.reply().initialValue as { title: string; costLines: unknown[] };
    expect(initial.title).toBe("T");
    expect(initial.costLines).toHaveLength(2);
    expect(initial.costLines[0]).toEqual({ amount: "5" });
    const remove = JSON.stringify({ type: "remove", payload: { name: "costLines", index: 0 } });
    expect(isAcceptableIntent(remove, new Set(["costLines"]))).toBe(true);
  });

  it("puts a message next to any field holding NUL or another control character, also one without a text building block", () => {
    const Ids = z.object({ unitId: z.string(), title: requiredText(), note: optionalText() });
    const submission = parseSubmission(form([["unitId", "a\u0000"], ["title", "ok"], ["note", "x\u0007y"]]), Ids);
    expect(submission.status).toBe("error");
    const error = submission.reply().error ?? {};
    expect(error.unitId).toEqual(["validation.controlCharacters"]);
    expect(error.note).toEqual(["validation.controlCharacters"]);
    expect(error.title).toBeUndefined();
    // Tab, line feed and carriage return are ordinary text.
    expect(parseSubmission(form([["unitId", "a"], ["title", "ok"], ["note", "line\r\nnext\tcolumn"]]), Ids).status).toBe("success");
  });
});

describe("text building blocks", () => {
  it("refuse NUL and C0 control characters with their own message, also at the ends (not trimmed away)", () => {
    for (const text of ["a\u0000b", "title\u0000", "\u001b[31m", "a\u000bb"]) {
      const result = requiredText().safeParse(text);
      expect(result.success, JSON.stringify(text)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("validation.controlCharacters");
    }
    expect(optionalText().safeParse("a\u0000").success).toBe(false);
    expect(requiredText().safeParse("  Kursus i\tDanmark\n ").data).toBe("Kursus i\tDanmark");
  });
});
