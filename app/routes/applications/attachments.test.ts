// Attachments end to end through the real routes: upload (checked by content
// and name, capped in size, counted), remove, download with its headers and
// permissions — and nothing stored (no row, no file on disk) when refused.
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_APPLICATION } from "~/domain/applications/attachments";
import { officeFile } from "~/domain/applications/office.fixtures";
import type { ApplicationContent } from "~/domain/applications/content";
import { isSnapshot } from "~/domain/applications/snapshot";
import { contentFromRow } from "~/services/applications/content.server";
import { createApplication, saveDraft } from "~/services/applications/drafting.server";
import { submitApplication } from "~/services/applications/submission.server";
import { contentDisposition, listAttachments } from "~/services/attachments.server";
import { readUploadForm } from "~/utils/upload.server";
import { readCappedFormData } from "~/utils/form-data.server";
import { prisma } from "~/utils/db.server";
import { attachmentsDir } from "~/utils/storage.server";
import { actorFor, auditCount, cookieFor, demoEmail, resetToDemo } from "../../../tests/db-utils";
import { callAction, callLoader } from "../../../tests/route-utils";
import * as download from "../attachments/download";
import * as attachmentsRoute from "./attachments";

beforeEach(async () => {
  await resetToDemo();
  await rm(attachmentsDir(), { recursive: true, force: true });
});

const encoder = new TextEncoder();
const PDF = encoder.encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
/** A minimal but well-formed .docx. */
const DOCX = officeFile("docx");
/** A Windows executable ("MZ"), to be renamed. */
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);

async function storedFiles(): Promise<string[]> {
  try {
    const entries = await readdir(attachmentsDir(), { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

async function application(reference: string, email: string, status: "DRAFT" | "SUBMITTED" | "RETURNED" = "DRAFT"): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, unitId: true } });
  const unit = await prisma.unit.findUniqueOrThrow({ where: { id: user.unitId! }, select: { id: true, areaId: true } });
  const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" }, select: { id: true } });
  const created = await prisma.application.create({
    data: { reference, roundId: round.id, unitId: unit.id, areaId: unit.areaId, createdById: user.id, status, title: `Ansøgning ${reference}` },
  });
  return created.id;
}

function uploadForm(fileName: string, bytes: Uint8Array, type = "application/octet-stream"): FormData {
  const form = new FormData();
  form.append("intent", "upload");
  form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], fileName, { type }));
  return form;
}

async function upload(applicationId: string, fileName: string, bytes: Uint8Array, email: string = demoEmail.applicant) {
  return callAction(attachmentsRoute, `/applications/${applicationId}/attachments`, {
    params: { applicationId },
    cookie: await cookieFor(email),
    form: uploadForm(fileName, bytes),
  });
}

function outcome(location: string | null): { path: string; params: URLSearchParams; hash: string } {
  const url = new URL(location ?? "", "http://localhost");
  return { path: url.pathname, params: url.searchParams, hash: url.hash };
}

async function downloadResponse(attachmentId: string, email: string): Promise<Response> {
  const request = new Request(`http://localhost/attachments/${attachmentId}`, { headers: { Cookie: await cookieFor(email) } });
  const result = await download.loader({ request, params: { attachmentId }, context: {} } as never);
  return result;
}

describe("upload", () => {
  it("stores a real PDF, PNG and .docx, with type, size, sha256, a file on disk and an audit event without the content", async () => {
    const id = await application("2026-0101", demoEmail.applicant);
    for (const [name, bytes, mime] of [
      ["Projektplan æøå.pdf", PDF, "application/pdf"],
      ["logo.png", PNG, "image/png"],
      ["budget.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ] as const) {
      const result = await upload(id, name, bytes);
      expect(result.status).toBe(302);
      const { path: to, params, hash } = outcome(result.location);
      expect(to).toBe(`/applications/${id}/edit`);
      expect(params.get("attachmentOk")).toBe("added");
      expect(params.get("name")).toBe(name);
      expect(hash).toBe("#bilag");
      const row = await prisma.attachment.findFirstOrThrow({ where: { applicationId: id, fileName: name } });
      expect(row.mimeType).toBe(mime);
      expect(row.sizeBytes).toBe(bytes.length);
      expect(row.sha256).toMatch(/^[a-f0-9]{64}$/);
    }
    expect(await storedFiles()).toHaveLength(3);
    expect((await listAttachments(id)).map((a) => a.fileName)).toEqual(["Projektplan æøå.pdf", "logo.png", "budget.docx"]);

    const events = await prisma.auditEvent.findMany({ where: { action: "attachment.add" }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(3);
    expect(events[0]!.entityType).toBe("Attachment");
    expect(events[0]!.after).toMatchObject({ applicationId: id, fileName: "Projektplan æøå.pdf", sizeBytes: PDF.length, mimeType: "application/pdf" });
    expect(Object.keys(events[0]!.after as object).sort()).toEqual(["applicationId", "fileName", "mimeType", "reference", "sha256", "sizeBytes"]);
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain("%PDF");
  });

  it("accepts a valid PDF whose name is longer than 150 characters, keeping its extension in the shortened name", async () => {
    const id = await application("2026-0105", demoEmail.applicant);
    const long = `${"Referat fra temadag om vold og trusler på arbejdspladsen ".repeat(4)}bilag 2.pdf`;
    expect(long.length).toBeGreaterThan(150);
    const result = await upload(id, long, PDF);
    expect(outcome(result.location).params.get("attachmentOk")).toBe("added");
    const [row] = await listAttachments(id);
    expect(row!.mimeType).toBe("application/pdf");
    expect(row!.fileName.endsWith(".pdf")).toBe(true);
    expect(Array.from(row!.fileName)).toHaveLength(150);
    expect(long.startsWith(row!.fileName.slice(0, -".pdf".length))).toBe(true);
  });

  it("stores and serves a file name without bidirectional controls, so that it cannot disguise its type", async () => {
    const id = await application("2026-0106", demoEmail.applicant);
    const result = await upload(id, "faktura\u202Egnp.pdf", PDF);
    expect(outcome(result.location).params.get("name")).toBe("fakturagnp.pdf");
    const [row] = await listAttachments(id);
    expect(row!.fileName).toBe("fakturagnp.pdf");
    // A name stored before this rule is cleaned when served.
    await prisma.attachment.update({ where: { id: row!.id }, data: { fileName: "gammel\u202Egnp.pdf" } });
    const response = await downloadResponse(row!.id, demoEmail.applicant);
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="gammelgnp.pdf"; filename*=UTF-8''gammelgnp.pdf`);
  });

  it("leaves the draft's content revision alone, so that an upload never makes the open form's save stale", async () => {
    const id = await application("2026-0107", demoEmail.applicant);
    const before = await prisma.application.findUniqueOrThrow({ where: { id }, select: { revision: true } });
    await upload(id, "plan.pdf", PDF);
    const after = await prisma.application.findUniqueOrThrow({ where: { id }, select: { revision: true, title: true } });
    expect(after.revision).toBe(before.revision);
    const actor = await actorFor(demoEmail.applicant);
    const content = contentFromRow(await prisma.application.findUniqueOrThrow({ where: { id }, include: { costLines: true, focusAreas: true, partnerAreas: true } }));
    await saveDraft(actor, { id, content: { ...content, title: "Gemt efter upload" }, expectedRevision: before.revision });
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).title).toBe("Gemt efter upload");
  });

  it("accepts uploads to a returned application", async () => {
    const id = await application("2026-0102", demoEmail.applicant, "RETURNED");
    const result = await upload(id, "plan.pdf", PDF);
    expect(outcome(result.location).params.get("attachmentOk")).toBe("added");
    expect(await prisma.attachment.count({ where: { applicationId: id } })).toBe(1);
  });

  const refusals: { name: string; file: string; bytes: () => Uint8Array; code: string; ext?: string }[] = [
    { name: "an .exe renamed .pdf", file: "faktura.pdf", bytes: () => EXE, code: "contentMismatch", ext: "pdf" },
    { name: "a PNG renamed .docx", file: "budget.docx", bytes: () => PNG, code: "contentMismatch", ext: "docx" },
    { name: "an .xlsx renamed .docx", file: "budget.docx", bytes: () => officeFile("xlsx"), code: "contentMismatch", ext: "docx" },
    { name: "an empty file", file: "tom.pdf", bytes: () => new Uint8Array(0), code: "empty" },
    { name: "an oversized file (MAX + 1 bytes)", file: "stor.pdf", bytes: () => { const b = new Uint8Array(MAX_ATTACHMENT_BYTES + 1); b.set(PDF); return b; }, code: "tooLarge" },
    { name: "a body far over the cap", file: "kæmpe.pdf", bytes: () => new Uint8Array(MAX_ATTACHMENT_BYTES + 200 * 1024), code: "tooLarge" },
    { name: "an unsupported extension", file: "program.exe", bytes: () => EXE, code: "unsupportedType" },
    { name: "a file without extension", file: "README", bytes: () => PDF, code: "unsupportedType" },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name} with its message code and stores nothing`, async () => {
      const id = await application("2026-0103", demoEmail.applicant);
      const auditBefore = await auditCount();
      const result = await upload(id, refusal.file, refusal.bytes());
      expect(result.status).toBe(302);
      const { path: to, params, hash } = outcome(result.location);
      expect(to).toBe(`/applications/${id}/edit`);
      expect(hash).toBe("#bilag");
      expect(params.get("attachmentError")).toBe(refusal.code);
      if (refusal.ext) expect(params.get("ext")).toBe(refusal.ext);
      expect(params.get("attachmentOk")).toBeNull();
      expect(await prisma.attachment.count()).toBe(0);
      expect(await storedFiles()).toEqual([]);
      expect(await auditCount()).toBe(auditBefore);
    });
  }

  it(`refuses attachment no. ${MAX_ATTACHMENTS_PER_APPLICATION + 1} and stores nothing more`, async () => {
    const id = await application("2026-0104", demoEmail.applicant);
    for (let i = 1; i <= MAX_ATTACHMENTS_PER_APPLICATION; i++) {
      const ok = await upload(id, `bilag-${i}.pdf`, encoder.encode(`%PDF-1.4\n% ${i}\n`));
      expect(outcome(ok.location).params.get("attachmentOk")).toBe("added");
    }
    expect(await storedFiles()).toHaveLength(MAX_ATTACHMENTS_PER_APPLICATION);
    const result = await upload(id, "en-for-meget.pdf", PDF);
    expect(outcome(result.location).params.get("attachmentError")).toBe("tooMany");
    expect(await prisma.attachment.count({ where: { applicationId: id } })).toBe(MAX_ATTACHMENTS_PER_APPLICATION);
    expect(await storedFiles()).toHaveLength(MAX_ATTACHMENTS_PER_APPLICATION);
    expect(await auditCount("attachment.add")).toBe(MAX_ATTACHMENTS_PER_APPLICATION);

    // Removing one makes room again.
    const first = await prisma.attachment.findFirstOrThrow({ where: { applicationId: id, fileName: "bilag-1.pdf" } });
    await callAction(attachmentsRoute, `/applications/${id}/attachments`, {
      params: { applicationId: id },
      cookie: await cookieFor(demoEmail.applicant),
      form: { intent: "remove", attachmentId: first.id, confirm: "yes" },
    });
    expect(outcome((await upload(id, "ny.pdf", PDF)).location).params.get("attachmentOk")).toBe("added");
  });

  it("refuses uploads to a submitted application, back on its detail page, and stores nothing", async () => {
    const id = await application("2026-0105", demoEmail.applicant, "SUBMITTED");
    const result = await upload(id, "plan.pdf", PDF);
    expect(result.status).toBe(302);
    const { path: to, params } = outcome(result.location);
    expect(to).toBe(`/applications/${id}`);
    expect(params.get("attachmentError")).toBe("notEditable");
    expect(await prisma.attachment.count()).toBe(0);
    expect(await storedFiles()).toEqual([]);
  });

  it("asks for a file when none was chosen", async () => {
    const id = await application("2026-0106", demoEmail.applicant);
    const form = new FormData();
    form.append("intent", "upload");
    form.append("file", new File([], "", { type: "application/octet-stream" }));
    const result = await callAction(attachmentsRoute, `/applications/${id}/attachments`, {
      params: { applicationId: id },
      cookie: await cookieFor(demoEmail.applicant),
      form,
    });
    expect(outcome(result.location).params.get("attachmentError")).toBe("missing");
    expect(await prisma.attachment.count()).toBe(0);
  });

  it("answers 400 to a form without a known intent, 404 outside the unit, 403 to other roles", async () => {
    const id = await application("2026-0107", demoEmail.applicant);
    const cookie = await cookieFor(demoEmail.applicant);
    const path = `/applications/${id}/attachments`;
    expect((await callAction(attachmentsRoute, path, { params: { applicationId: id }, cookie, form: {} })).status).toBe(400);
    expect((await callAction(attachmentsRoute, path, { params: { applicationId: id }, cookie, form: { intent: "delete" } })).status).toBe(400);
    expect((await upload(id, "plan.pdf", PDF, demoEmail.applicantOtherArea)).status).toBe(404);
    expect((await upload(id, "plan.pdf", PDF, demoEmail.secretariat)).status).toBe(403);
    expect((await upload(id, "plan.pdf", PDF, demoEmail.hmu)).status).toBe(403);
    const unknown = await callAction(attachmentsRoute, "/applications/nope/attachments", { params: { applicationId: "nope" }, cookie, form: uploadForm("plan.pdf", PDF) });
    expect(unknown.status).toBe(404);
    expect(await prisma.attachment.count()).toBe(0);
    expect(await storedFiles()).toEqual([]);
  });
});

describe("reading the body with a cap", () => {
  it("refuses by Content-Length before reading", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: { "Content-Length": String(50 * 1024 * 1024), "Content-Type": "multipart/form-data; boundary=x" },
      body: "--x--\r\n",
    });
    expect(await readUploadForm(request)).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("stops a stream without Content-Length once it passes the cap", async () => {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 100 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(await readCappedFormData(request, 1024 * 1024)).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("parses a normal form", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: uploadForm("plan.pdf", PDF) });
    const result = await readUploadForm(request);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.formData.get("intent")).toBe("upload");
    expect((result.formData.get("file") as File).name).toBe("plan.pdf");
    expect((result.formData.get("file") as File).size).toBe(PDF.length);
  });
});

describe("remove", () => {
  async function withAttachment(status: "DRAFT" | "SUBMITTED" = "DRAFT") {
    const id = await application("2026-0201", demoEmail.applicant);
    await upload(id, "plan.pdf", PDF);
    const attachment = await prisma.attachment.findFirstOrThrow({ where: { applicationId: id } });
    if (status !== "DRAFT") await prisma.application.update({ where: { id }, data: { status } });
    return { id, attachmentId: attachment.id };
  }

  it("sets removedAt (no hard delete), keeps the file, audits it, and the list and download forget it", async () => {
    const { id, attachmentId } = await withAttachment();
    const result = await callAction(attachmentsRoute, `/applications/${id}/attachments`, {
      params: { applicationId: id },
      cookie: await cookieFor(demoEmail.applicant),
      form: { intent: "remove", attachmentId, confirm: "yes" },
    });
    expect(result.status).toBe(302);
    expect(outcome(result.location).params.get("attachmentOk")).toBe("removed");
    const row = await prisma.attachment.findUniqueOrThrow({ where: { id: attachmentId } });
    expect(row.removedAt).not.toBeNull();
    expect(await storedFiles()).toHaveLength(1);
    expect(await listAttachments(id)).toEqual([]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "attachment.remove" } });
    expect(event).toMatchObject({ entityType: "Attachment", entityId: attachmentId });
    expect(event.after).toMatchObject({ applicationId: id, fileName: "plan.pdf" });
    expect((await callLoader(download, `/attachments/${attachmentId}`, { params: { attachmentId }, cookie: await cookieFor(demoEmail.applicant) })).status).toBe(404);
  });

  it("needs the confirmation tick and changes nothing without it", async () => {
    const { id, attachmentId } = await withAttachment();
    const result = await callAction(attachmentsRoute, `/applications/${id}/attachments`, {
      params: { applicationId: id },
      cookie: await cookieFor(demoEmail.applicant),
      form: { intent: "remove", attachmentId },
    });
    expect(outcome(result.location).params.get("attachmentError")).toBe("confirmRemove");
    expect((await prisma.attachment.findUniqueOrThrow({ where: { id: attachmentId } })).removedAt).toBeNull();
    expect(await auditCount("attachment.remove")).toBe(0);
  });

  it("is refused once the application is submitted", async () => {
    const { id, attachmentId } = await withAttachment("SUBMITTED");
    const result = await callAction(attachmentsRoute, `/applications/${id}/attachments`, {
      params: { applicationId: id },
      cookie: await cookieFor(demoEmail.applicant),
      form: { intent: "remove", attachmentId, confirm: "yes" },
    });
    const { path: to, params } = outcome(result.location);
    expect(to).toBe(`/applications/${id}`);
    expect(params.get("attachmentError")).toBe("notEditable");
    expect((await prisma.attachment.findUniqueOrThrow({ where: { id: attachmentId } })).removedAt).toBeNull();
    expect(await auditCount("attachment.remove")).toBe(0);
  });

  it("answers 404 for an attachment of another application, changing nothing", async () => {
    const { attachmentId } = await withAttachment();
    const other = await application("2026-0202", demoEmail.applicant);
    const result = await callAction(attachmentsRoute, `/applications/${other}/attachments`, {
      params: { applicationId: other },
      cookie: await cookieFor(demoEmail.applicant),
      form: { intent: "remove", attachmentId, confirm: "yes" },
    });
    expect(result.status).toBe(404);
    expect((await prisma.attachment.findUniqueOrThrow({ where: { id: attachmentId } })).removedAt).toBeNull();
  });
});

describe("download", () => {
  it("serves the exact bytes as a download of the stored type, never sniffed or cached", async () => {
    const id = await application("2026-0301", demoEmail.applicant, "DRAFT");
    await upload(id, "Projektplan æøå.pdf", PDF);
    await upload(id, "logo.png", PNG);
    const [pdf, png] = await listAttachments(id);
    // While a draft, the files are the unit's own; once submitted, every reader of the application gets them.
    for (const email of [demoEmail.areaLead, demoEmail.secretariat, demoEmail.leadership, demoEmail.finance]) {
      const attachmentId = pdf!.id;
      expect((await callLoader(download, `/attachments/${attachmentId}`, { params: { attachmentId }, cookie: await cookieFor(email) })).status, email).toBe(404);
    }
    await prisma.application.update({ where: { id }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    for (const email of [demoEmail.applicant, demoEmail.areaLead, demoEmail.secretariat, demoEmail.leadership, demoEmail.finance]) {
      const response = await downloadResponse(pdf!.id, email);
      expect(response.status).toBe(200);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(response.headers.get("Content-Disposition")).toBe(
        `attachment; filename="Projektplan aeoeaa.pdf"; filename*=UTF-8''Projektplan%20%C3%A6%C3%B8%C3%A5.pdf`,
      );
      // nosniff comes from server.js on every response (download.test.ts checks it arrives once).
      expect(response.headers.get("X-Content-Type-Options")).toBeNull();
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    }
    const image = await downloadResponse(png!.id, demoEmail.applicant);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
    expect(image.headers.get("Content-Type")).toBe("image/png");
    expect(image.headers.get("Content-Disposition")).toBe(`attachment; filename="logo.png"; filename*=UTF-8''logo.png`);
  });

  it("answers 404 to another unit's applicant and another area's lead, 403 to HMU and admin, 404 for unknown ids", async () => {
    const id = await application("2026-0302", demoEmail.applicant);
    await upload(id, "plan.pdf", PDF);
    const [attachment] = await listAttachments(id);
    const status = async (email: string, attachmentId = attachment!.id) =>
      (await callLoader(download, `/attachments/${attachmentId}`, { params: { attachmentId }, cookie: await cookieFor(email) })).status;
    expect(await status(demoEmail.applicantOtherArea)).toBe(404);
    expect(await status(demoEmail.areaLeadOtherArea)).toBe(404);
    expect(await status(demoEmail.hmu)).toBe(403);
    expect(await status(demoEmail.admin)).toBe(403);
    expect(await status(demoEmail.applicant, "nope")).toBe(404);
    expect(await status(demoEmail.secretariat, "nope")).toBe(404);
    const anonymous = await callLoader(download, `/attachments/${attachment!.id}`, { params: { attachmentId: attachment!.id } });
    expect(anonymous.status).toBe(302);
  });

  describe("of a removed attachment", () => {
    const NOW = new Date("2026-11-26T12:00:00Z");
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ["Date"], now: NOW, shouldAdvanceTime: true });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    /** A complete application, submitted through the service (version 1 freezes its attachments). */
    async function submittedWithAttachment(): Promise<{ id: string; frozenId: string }> {
      const actor = await actorFor(demoEmail.applicant);
      const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" } });
      const { id } = await createApplication(actor, { roundId: round.id, unitId: actor.user!.unitId!, now: NOW });
      const focus = (await prisma.prioritisation.findFirstOrThrow({ include: { focusAreas: { orderBy: { rank: "asc" } } } })).focusAreas;
      const content: ApplicationContent = {
        unitId: null,
        contactName: "Anna Andersen",
        contactEmail: demoEmail.applicant,
        title: "Konflikthåndtering",
        purpose: "Færre episoder.",
        targetGroup: "Frontpersonale",
        participants: 12,
        activityType: "COURSE",
        startDate: new Date("2026-12-21T00:00:00Z"),
        endDate: new Date("2026-12-22T00:00:00Z"),
        costLines: [{ category: "COURSE_FEE", description: "Kursusafgift", amountOre: 4_000_000n }],
        coFinancingOre: 1_200_000n,
        focusAreaIds: [focus[0]!.focusAreaId],
        primaryFocusAreaId: focus[0]!.focusAreaId,
        partnerAreaIds: [],
        expectedEffect: "Tryggere medarbejdere.",
        followUpPlan: "Måling efter tre måneder.",
        softRuleJustification: "Kurset er en forudsætning for de nye arbejdsgange.",
      };
      await saveDraft(actor, { id, content });
      expect(outcome((await upload(id, "plan.pdf", PDF)).location).params.get("attachmentOk")).toBe("added");
      const [frozen] = await listAttachments(id);
      await submitApplication(actor, { id, content: null, now: NOW });
      // Sent back for changes: the applicant may change the attachments again.
      await prisma.application.update({ where: { id }, data: { status: "RETURNED" } });
      return { id, frozenId: frozen!.id };
    }

    async function remove(applicationId: string, attachmentId: string) {
      const result = await callAction(attachmentsRoute, `/applications/${applicationId}/attachments`, {
        params: { applicationId },
        cookie: await cookieFor(demoEmail.applicant),
        form: { intent: "remove", attachmentId, confirm: "yes" },
      });
      expect(outcome(result.location).params.get("attachmentOk")).toBe("removed");
    }

    it("stays downloadable, to those who may read the application, while a submitted version lists it", async () => {
      const { id, frozenId } = await submittedWithAttachment();
      const version = await prisma.applicationVersion.findFirstOrThrow({ where: { applicationId: id } });
      expect(isSnapshot(version.content) && version.content.attachments.map((a) => a.id)).toEqual([frozenId]);
      await remove(id, frozenId);
      expect(await listAttachments(id)).toEqual([]);

      for (const email of [demoEmail.applicant, demoEmail.areaLead, demoEmail.secretariat]) {
        const response = await downloadResponse(frozenId, email);
        expect(response.status).toBe(200);
        expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
        expect(response.headers.get("Content-Disposition")).toContain('filename="plan.pdf"');
      }
      const status = async (email: string) =>
        (await callLoader(download, `/attachments/${frozenId}`, { params: { attachmentId: frozenId }, cookie: await cookieFor(email) })).status;
      expect(await status(demoEmail.applicantOtherArea)).toBe(404);
      expect(await status(demoEmail.areaLeadOtherArea)).toBe(404);
      expect(await status(demoEmail.hmu)).toBe(403);
    });

    it("answers 404 when no submitted version lists it, even if another attachment of the application is frozen", async () => {
      const { id, frozenId } = await submittedWithAttachment();
      expect(outcome((await upload(id, "efter.png", PNG)).location).params.get("attachmentOk")).toBe("added");
      const later = (await listAttachments(id)).find((a) => a.fileName === "efter.png")!;
      await remove(id, later.id);
      await remove(id, frozenId);
      for (const email of [demoEmail.applicant, demoEmail.secretariat]) {
        const result = await callLoader(download, `/attachments/${later.id}`, { params: { attachmentId: later.id }, cookie: await cookieFor(email) });
        expect(result.status).toBe(404);
      }
      expect((await downloadResponse(frozenId, demoEmail.applicant)).status).toBe(200);
    });
  });

  it("builds a header that cannot be broken by the name", () => {
    expect(contentDisposition('a"b;c%d.pdf')).toBe(`attachment; filename="a_b;c_d.pdf"; filename*=UTF-8''a_b%3Bc%25d.pdf`);
    expect(contentDisposition("../../etc/passwd")).toBe(`attachment; filename="passwd"; filename*=UTF-8''passwd`);
    expect(contentDisposition("rapport (endelig)'s.pdf")).toContain("filename*=UTF-8''rapport%20%28endelig%29%27s.pdf");
  });
});
