// The shared form reader bounds the body's shape before anything builds a
// structure from its names: each bound refuses just above it and accepts at it.
import { isRouteErrorResponse } from "react-router";
import { describe, expect, it } from "vitest";
import { FORM_BOUNDS, formBoundViolation, nameSegments, readCappedFormData, readForm, topLevelName } from "./form-data.server";

function urlencodedRequest(body: string): Request {
  return new Request("http://localhost/x", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
}

function form(entries: [string, string][]): FormData {
  const out = new FormData();
  for (const [name, value] of entries) out.append(name, value);
  return out;
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (thrown) {
    const t = thrown as { type?: string; init?: { status?: number } };
    if (t.type === "DataWithResponseInit") return t.init?.status ?? 500;
    if (isRouteErrorResponse(thrown)) return thrown.status;
    throw thrown;
  }
}

describe("field names", () => {
  it("reads names the way Conform does, indices as digits", () => {
    expect(nameSegments("costLines[0].amount")).toEqual([{ key: "costLines" }, { index: "0" }, { key: "amount" }]);
    expect(nameSegments("roles[]")).toEqual([{ key: "roles" }, { index: "" }]);
    expect(nameSegments("a..b")).toBeNull();
    expect(nameSegments(`x[${"9".repeat(400)}]`)).toEqual([{ key: "x" }, { index: "9".repeat(400) }]);
    expect(topLevelName("costLines[0].amount")).toBe("costLines");
    expect(topLevelName("a.b")).toBe("a");
    expect(topLevelName("title")).toBe("title");
  });
});

describe("formBoundViolation", () => {
  it("accepts the largest real forms: a full application form and a long ranking", () => {
    const application: [string, string][] = [["title", "x".repeat(200)], ["purpose", "x".repeat(4000)]];
    for (let i = 0; i < 30; i++) application.push([`costLines[${i}].category`, "COURSE"], [`costLines[${i}].description`, "x"], [`costLines[${i}].amount`, "1.000"]);
    expect(formBoundViolation(form(application))).toBeNull();
    const ranking: [string, string][] = [["intent", "rank"], ["roundId", "r"], ["areaId", "a"]];
    for (let i = 0; i < 2000; i++) ranking.push([`ranks[${i}].id`, `id${i}`], [`ranks[${i}].rank`, String(i + 1)]);
    expect(formBoundViolation(form(ranking))).toBeNull();
  });

  it("refuses an array index above the bound, however many digits it has", () => {
    expect(formBoundViolation(form([[`x[${FORM_BOUNDS.maxArrayIndex}]`, "1"]]))).toBeNull();
    expect(formBoundViolation(form([[`x[${FORM_BOUNDS.maxArrayIndex + 1}]`, "1"]]))).toBe("arrayIndex");
    expect(formBoundViolation(form([["anything[100000000]", "1"]]))).toBe("arrayIndex");
    expect(formBoundViolation(form([[`x[${"9".repeat(150)}]`, "1"]]))).toBe("arrayIndex");
    expect(formBoundViolation(form([[`x[${"0".repeat(50)}7]`, "1"]]))).toBeNull();
  });

  it("refuses many sparse arrays that together would be huge", () => {
    const entries: [string, string][] = [];
    for (let i = 0; i < 3; i++) entries.push([`a${i}[${FORM_BOUNDS.maxArrayIndex}]`, "1"]);
    expect(formBoundViolation(form(entries))).toBe("arraySlots");
    // The same array named many times costs its length once.
    const same: [string, string][] = Array.from({ length: 100 }, (_, i) => [`a[${FORM_BOUNDS.maxArrayIndex - i}]`, "1"]);
    expect(formBoundViolation(form(same))).toBeNull();
  });

  it("refuses deep nesting, long names, too many fields and too much text", () => {
    const depth = FORM_BOUNDS.maxNameDepth;
    expect(formBoundViolation(form([[`a${".b".repeat(depth - 1)}`, "1"]]))).toBeNull();
    expect(formBoundViolation(form([[`a${".b".repeat(depth)}`, "1"]]))).toBe("nameDepth");
    expect(formBoundViolation(form([[`a${"[0]".repeat(depth)}`, "1"]]))).toBe("nameDepth");
    expect(formBoundViolation(form([["x".repeat(FORM_BOUNDS.maxNameLength + 1), "1"]]))).toBe("nameLength");
    expect(formBoundViolation(form(Array.from({ length: FORM_BOUNDS.maxFields + 1 }, (_, i) => [`f${i}`, ""])))).toBe("fields");
    expect(formBoundViolation(form([["body", "x".repeat(FORM_BOUNDS.maxValueLength)]]))).toBeNull();
    expect(formBoundViolation(form([["body", "x".repeat(FORM_BOUNDS.maxValueLength + 1)]]))).toBe("valueLength");
    const chunks = Math.ceil(FORM_BOUNDS.maxTotalValueLength / FORM_BOUNDS.maxValueLength) + 1;
    expect(formBoundViolation(form(Array.from({ length: chunks }, (_, i) => [`t${i}`, "x".repeat(FORM_BOUNDS.maxValueLength)])))).toBe("totalValueLength");
  });
});

describe("readCappedFormData / readForm", () => {
  it("answers 400 to `anything[100000000]=1` quickly and without building the array", async () => {
    const started = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    expect(await statusOf(readForm(urlencodedRequest("anything[100000000]=1")))).toBe(400);
    expect(performance.now() - started).toBeLessThan(500);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
  });

  it("counts the entries of a body before parsing it (urlencoded and multipart)", async () => {
    const many = Array.from({ length: FORM_BOUNDS.maxFields + 1 }, () => "a=1").join("&");
    expect(await readCappedFormData(urlencodedRequest(many), 1024 * 1024)).toEqual({ ok: false, reason: "outOfBounds", violation: "fields" });
    const exact = Array.from({ length: FORM_BOUNDS.maxFields }, () => "a=1").join("&");
    expect((await readCappedFormData(urlencodedRequest(exact), 1024 * 1024)).ok).toBe(true);

    const part = '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n';
    const multipart = (n: number) =>
      new Request("http://localhost/x", { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=b" }, body: `${part.repeat(n)}--b--\r\n` });
    expect(await readCappedFormData(multipart(FORM_BOUNDS.maxFields + 1), 2 * 1024 * 1024)).toEqual({ ok: false, reason: "outOfBounds", violation: "fields" });
    expect((await readCappedFormData(multipart(FORM_BOUNDS.maxFields), 2 * 1024 * 1024)).ok).toBe(true);
  });

  it("applies the shape bounds to multipart bodies too", async () => {
    const body = new FormData();
    body.append("costLines[100000000].amount", "1");
    body.append("file", new File(["%PDF-1.4"], "plan.pdf"));
    const request = new Request("http://localhost/x", { method: "POST", body });
    expect(await readCappedFormData(request, 1024 * 1024)).toEqual({ ok: false, reason: "outOfBounds", violation: "arrayIndex" });
  });

  it("still reads an ordinary form", async () => {
    const formData = await readForm(urlencodedRequest("email=a%40b.dk&costLines%5B2%5D.amount=1"));
    expect(formData.get("email")).toBe("a@b.dk");
    expect(formData.get("costLines[2].amount")).toBe("1");
  });
});
