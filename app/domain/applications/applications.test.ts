import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kroner, MAX_ABS_ORE } from "../money";
import { applicationReference, computeAmounts, totalCostTooLarge } from "./amounts";
import { checkAttachment, MAX_ATTACHMENT_BYTES, MAX_FILE_NAME_LENGTH, safeFileName, zipEntryNames } from "./attachments";
import { officeFile, openDocument, zip } from "./office.fixtures";
import { APPLICATION_STATUSES, canTransition, isEditable, nextStatus, submissionDeadline } from "./status";
import { diffSnapshots } from "./versions";

describe("status", () => {
  it("submits drafts and returned applications only", () => {
    expect(APPLICATION_STATUSES.filter((s) => canTransition(s, "submit"))).toEqual(["DRAFT", "RETURNED"]);
    expect(nextStatus("DRAFT", "submit")).toBe("SUBMITTED");
    expect(nextStatus("SUBMITTED", "submit")).toBeNull();
  });
  it("endorses only submitted applications", () => {
    expect(APPLICATION_STATUSES.filter((s) => canTransition(s, "endorse"))).toEqual(["SUBMITTED"]);
  });
  it("allows withdrawal before a decision, not after", () => {
    expect(canTransition("ASSESSED", "withdraw")).toBe(true);
    expect(canTransition("GRANTED", "withdraw")).toBe(false);
    expect(canTransition("REJECTED", "withdraw")).toBe(false);
    expect(canTransition("WITHDRAWN", "withdraw")).toBe(false);
  });
  it("lets the applicant edit only drafts and returned applications", () => {
    expect(APPLICATION_STATUSES.filter(isEditable)).toEqual(["DRAFT", "RETURNED"]);
  });
});

describe("submissionDeadline", () => {
  const round = { closesAt: new Date("2026-12-11T11:00:00Z"), endorsementDeadline: new Date("2026-12-15T11:00:00Z") };
  it("is the round's closing for a first submission", () => {
    expect(submissionDeadline("DRAFT", round)).toEqual(round.closesAt);
  });
  it("is the endorsement deadline for a returned application", () => {
    expect(submissionDeadline("RETURNED", round)).toEqual(round.endorsementDeadline);
  });
});

describe("amounts", () => {
  it("computes the requested amount as total minus co-financing, to the øre", () => {
    expect(computeAmounts([{ amountOre: kroner(10_000) + 1n }, { amountOre: 99n }], kroner(2_000))).toEqual({
      totalCostOre: 1_000_100n,
      coFinancingOre: 200_000n,
      requestedOre: 800_100n,
    });
  });
  it("refuses costs whose total exceeds the maximum, though each line is within it", () => {
    expect(totalCostTooLarge([{ amountOre: MAX_ABS_ORE }])).toBe(false);
    expect(totalCostTooLarge([{ amountOre: MAX_ABS_ORE }, { amountOre: 1n }])).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: MAX_ABS_ORE }), { maxLength: 30 }), (amounts) => {
        const lines = amounts.map((amountOre) => ({ amountOre }));
        const total = amounts.reduce((sum, a) => sum + a, 0n);
        return totalCostTooLarge(lines) === total > MAX_ABS_ORE;
      }),
    );
  });
  it("numbers applications per year", () => expect(applicationReference(2026, 7)).toBe("2026-0007"));
});

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);

describe("checkAttachment", () => {
  it("accepts a real PDF", () => {
    expect(checkAttachment("plan.pdf", text("%PDF-1.7\n..."))).toEqual({ ok: true, mimeType: "application/pdf", extension: "pdf" });
  });
  it("refuses an .exe renamed .pdf", () => {
    expect(checkAttachment("plan.pdf", bytes(0x4d, 0x5a, 0x90, 0x00))).toEqual({ ok: false, problem: "contentMismatch" });
  });
  it("refuses unsupported names even with good content", () => {
    expect(checkAttachment("plan.exe", text("%PDF-1.7"))).toEqual({ ok: false, problem: "unsupportedType" });
    expect(checkAttachment("plan", text("%PDF-1.7"))).toEqual({ ok: false, problem: "unsupportedType" });
  });
  it("checks Office documents inside their zip container", () => {
    expect(checkAttachment("budget.docx", text("PK\u0003\u0004 just a zip"))).toEqual({ ok: false, problem: "contentMismatch" });
    expect(checkAttachment("old.xls", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0))).toMatchObject({ ok: true, mimeType: "application/vnd.ms-excel" });
  });

  it("accepts minimal .docx, .xlsx and .pptx files of their own type", () => {
    expect(checkAttachment("budget.docx", officeFile("docx"))).toEqual({
      ok: true,
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      extension: "docx",
    });
    expect(checkAttachment("budget.xlsx", officeFile("xlsx"))).toEqual({
      ok: true,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      extension: "xlsx",
    });
    expect(checkAttachment("oplæg.PPTX", officeFile("pptx"))).toEqual({
      ok: true,
      mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      extension: "pptx",
    });
  });

  it("refuses an Office file renamed to another Office type", () => {
    expect(checkAttachment("budget.docx", officeFile("xlsx"))).toEqual({ ok: false, problem: "contentMismatch" });
    expect(checkAttachment("budget.pptx", officeFile("xlsx"))).toEqual({ ok: false, problem: "contentMismatch" });
    expect(checkAttachment("budget.xlsx", officeFile("docx"))).toEqual({ ok: false, problem: "contentMismatch" });
    expect(checkAttachment("budget.docx", officeFile("pptx"))).toEqual({ ok: false, problem: "contentMismatch" });
  });

  it("refuses a zip that has [Content_Types].xml but not the document's main part", () => {
    const bare = zip([["[Content_Types].xml", "<Types/>"]]);
    for (const name of ["a.docx", "a.xlsx", "a.pptx"]) expect(checkAttachment(name, bare)).toEqual({ ok: false, problem: "contentMismatch" });
    // The folder itself, or a name that merely mentions it, is not a part.
    const hollow = zip([["[Content_Types].xml", "<Types/>"], ["word/", ""], ["notes/word/document.xml", "<x/>"]]);
    expect(checkAttachment("a.docx", hollow)).toEqual({ ok: false, problem: "contentMismatch" });
    // A main part without content types is no Office package either.
    expect(checkAttachment("a.docx", zip([["word/document.xml", "<w:document/>"]]))).toEqual({ ok: false, problem: "contentMismatch" });
  });

  it("reads the parts from the local headers in the first 64 KB when the zip has no readable end", () => {
    expect(checkAttachment("budget.docx", officeFile("docx", { centralDirectory: false }))).toMatchObject({ ok: true });
    expect(checkAttachment("budget.docx", officeFile("xlsx", { centralDirectory: false }))).toEqual({ ok: false, problem: "contentMismatch" });
    // Beyond the first 64 KB nothing is looked for.
    const late = zip([["word/media/image1.png", new Uint8Array(70 * 1024)], ["[Content_Types].xml", "<Types/>"], ["word/document.xml", "<w:document/>"]], {
      centralDirectory: false,
    });
    expect(checkAttachment("budget.docx", late)).toEqual({ ok: false, problem: "contentMismatch" });
  });

  it("reads the parts from the central directory wherever they lie in the file", () => {
    // Some programs write [Content_Types].xml last, after large media.
    const late = zip([["word/media/image1.png", new Uint8Array(70 * 1024)], ["word/document.xml", "<w:document/>"], ["[Content_Types].xml", "<Types/>"]]);
    expect(zipEntryNames(late)).toEqual(["word/media/image1.png", "word/document.xml", "[Content_Types].xml"]);
    expect(checkAttachment("budget.docx", late)).toMatchObject({ ok: true });
    expect(checkAttachment("budget.xlsx", late)).toEqual({ ok: false, problem: "contentMismatch" });
  });

  it("checks OpenDocument files by their exact type", () => {
    const odt = openDocument("application/vnd.oasis.opendocument.text");
    const ods = openDocument("application/vnd.oasis.opendocument.spreadsheet");
    expect(checkAttachment("notat.odt", odt)).toMatchObject({ ok: true, mimeType: "application/vnd.oasis.opendocument.text" });
    expect(checkAttachment("budget.ods", ods)).toMatchObject({ ok: true, mimeType: "application/vnd.oasis.opendocument.spreadsheet" });
    expect(checkAttachment("notat.odt", ods)).toEqual({ ok: false, problem: "contentMismatch" });
    expect(checkAttachment("budget.ods", odt)).toEqual({ ok: false, problem: "contentMismatch" });
    expect(checkAttachment("notat.odt", openDocument("application/vnd.oasis.opendocument.text-template"))).toEqual({ ok: false, problem: "contentMismatch" });
    expect(checkAttachment("notat.odt", officeFile("docx"))).toEqual({ ok: false, problem: "contentMismatch" });
  });
  it("checks images", () => {
    expect(checkAttachment("foto.JPG", bytes(0xff, 0xd8, 0xff, 0xe0))).toMatchObject({ ok: true, mimeType: "image/jpeg" });
    expect(checkAttachment("foto.png", bytes(0xff, 0xd8, 0xff, 0xe0))).toEqual({ ok: false, problem: "contentMismatch" });
  });
  it("refuses empty and oversized files", () => {
    expect(checkAttachment("a.pdf", new Uint8Array())).toEqual({ ok: false, problem: "empty" });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(text("%PDF-"));
    expect(checkAttachment("a.pdf", big)).toEqual({ ok: false, problem: "tooLarge" });
  });
  it("makes file names safe", () => {
    expect(safeFileName('..\\..\\evil"name.pdf')).toBe("evil_name.pdf");
    expect(safeFileName("/etc/passwd")).toBe("passwd");
    expect(safeFileName("")).toBe("bilag");
  });
  it("removes bidirectional controls, which would disguise the type ('x\u202Egnp.pdf' shows as 'xfdp.png')", () => {
    expect(safeFileName("x\u202Egnp.pdf")).toBe("xgnp.pdf");
    expect(safeFileName("\u2067rapport\u2069\u200f.docx\u200e")).toBe("rapport.docx");
  });
  it("shortens a long name in its base, keeping the extension, so that a valid file keeps its type", () => {
    const long = `${"Referat af møde om kompetenceudvikling ".repeat(6)}endelig.pdf`;
    expect(long.length).toBeGreaterThan(MAX_FILE_NAME_LENGTH);
    const safe = safeFileName(long);
    expect(safe.endsWith(".pdf")).toBe(true);
    expect(Array.from(safe)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(safe.startsWith("Referat af møde")).toBe(true);
    expect(checkAttachment(long, text("%PDF-1.7"))).toMatchObject({ ok: true, extension: "pdf" });
    expect(checkAttachment(safe, text("%PDF-1.7"))).toMatchObject({ ok: true, extension: "pdf" });
    // Never more than the limit, never a broken surrogate pair, for any name.
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), fc.constantFrom("", ".pdf", ".docx", ".x"), (base, extension) => {
        const name = safeFileName(base + extension);
        return Array.from(name).length <= MAX_FILE_NAME_LENGTH && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name) && name.length > 0 && (extension.length < 2 || name.endsWith(extension) || name === "bilag");
      }),
    );
  });
  it("does not take a name of an object's own properties for a type", () => {
    expect(checkAttachment("x.constructor", text("%PDF-1.7"))).toEqual({ ok: false, problem: "unsupportedType" });
  });
});

describe("diffSnapshots", () => {
  it("lists the fields that changed", () => {
    expect(diffSnapshots({ title: "A", costs: [1], same: 1, gone: 1 }, { title: "B", costs: [1, 2], same: 1 }, [])).toEqual([
      { field: "title", before: "A", after: "B" },
      { field: "costs", before: [1], after: [1, 2] },
      { field: "gone", before: 1, after: undefined },
    ]);
  });
  it("ignores the named fields", () => expect(diffSnapshots({ at: 1 }, { at: 2 }, ["at"])).toEqual([]));
});
