// The audit trail shows each reader only what that reader may read elsewhere
// (decision 015): the administrator sees application events as references
// without content; the secretariat sees submitted applications' events in
// full, their draft-time events as references, and a unit's drafts not at all.
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { cookieFor, demoEmail, resetToDemo } from "../../tests/db-utils";
import { callLoader } from "../../tests/route-utils";
import * as audit from "./audit";

type PageData = Awaited<ReturnType<typeof audit.loader>>;

const T0 = new Date("2026-11-10T09:00:00Z"); // drafting
const T1 = new Date("2026-11-12T09:00:00Z"); // first submission
const T2 = new Date("2026-11-14T09:00:00Z"); // returned, attachment added

/** Words that are application content: none may reach a reader who may not read it. */
const SUBMITTED_SECRETS = { draftTitle: "Kladdetitel om konflikter", comment: "Uddyb budgettet venligst", file: "budget-hemmeligt.pdf", amount: "12345678" };
const DRAFT_SECRETS = { title: "Skjult kladde om trivsel", file: "kladdebilag.pdf" };

let ids: { submitted: string; draft: string; submittedFile: string; draftFile: string };

beforeEach(async () => {
  await resetToDemo();
  const applicant = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant } });
  const lead = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.areaLead } });
  const unit = await prisma.unit.findUniqueOrThrow({ where: { id: applicant.unitId! } });
  const round = await prisma.round.findFirstOrThrow();
  const make = (reference: string, status: "RETURNED" | "DRAFT", submittedAt: Date | null) =>
    prisma.application.create({ data: { reference, roundId: round.id, unitId: unit.id, areaId: unit.areaId, createdById: applicant.id, status, submittedAt, versionNo: submittedAt ? 1 : 0 } });
  const submitted = await make("2026-7001", "RETURNED", T1);
  await prisma.applicationVersion.create({ data: { applicationId: submitted.id, versionNo: 1, content: {}, screening: [], submittedAt: T1, submittedById: applicant.id } });
  const draft = await make("2026-7002", "DRAFT", null);
  const file = (applicationId: string, fileName: string) =>
    prisma.attachment.create({ data: { applicationId, fileName, mimeType: "application/pdf", sizeBytes: 10, sha256: "x", storageKey: `key-${fileName}`, uploadedById: applicant.id } });
  const submittedFile = await file(submitted.id, SUBMITTED_SECRETS.file);
  const draftFile = await file(draft.id, DRAFT_SECRETS.file);
  ids = { submitted: submitted.id, draft: draft.id, submittedFile: submittedFile.id, draftFile: draftFile.id };
  // The events the services write (shapes as in applications.server.ts and attachments.server.ts).
  await prisma.auditEvent.createMany({
    data: [
      { at: T0, actorId: applicant.id, action: "application.create", entityType: "Application", entityId: submitted.id, after: { reference: "2026-7001", status: "DRAFT" } },
      { at: T0, actorId: applicant.id, action: "application.saveDraft", entityType: "Application", entityId: submitted.id, before: { title: "" }, after: { title: SUBMITTED_SECRETS.draftTitle, requestedOre: SUBMITTED_SECRETS.amount } },
      { at: T1, actorId: applicant.id, action: "application.submit", entityType: "Application", entityId: submitted.id, before: { status: "DRAFT" }, after: { status: "SUBMITTED", versionNo: 1, requestedOre: SUBMITTED_SECRETS.amount } },
      { at: T2, actorId: lead.id, action: "application.return", entityType: "Application", entityId: submitted.id, before: { status: "SUBMITTED" }, after: { status: "RETURNED", comment: SUBMITTED_SECRETS.comment } },
      { at: T2, actorId: applicant.id, action: "attachment.add", entityType: "Attachment", entityId: submittedFile.id, after: { applicationId: submitted.id, reference: "2026-7001", fileName: SUBMITTED_SECRETS.file } },
      { at: T0, actorId: applicant.id, action: "application.create", entityType: "Application", entityId: draft.id, after: { reference: "2026-7002", status: "DRAFT", title: DRAFT_SECRETS.title } },
      { at: T0, actorId: applicant.id, action: "attachment.add", entityType: "Attachment", entityId: draftFile.id, after: { applicationId: draft.id, reference: "2026-7002", fileName: DRAFT_SECRETS.file } },
    ],
  });
});

async function page(email: string, query = ""): Promise<PageData> {
  const result = await callLoader(audit, `/audit${query}`, { cookie: await cookieFor(email) });
  expect(result.status).toBe(200);
  return result.data as PageData;
}

const json = (data: unknown) => JSON.stringify(data, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

function render(data: unknown): string {
  const Stub = createRoutesStub([{ id: "audit", path: "/audit", Component: audit.default as ComponentType, loader: () => data }]);
  return renderToString(createElement(Stub, { initialEntries: ["/audit"], hydrationData: { loaderData: { audit: data } } }));
}

const contentEvents = (data: PageData) => data.events.filter((e) => e.entityType === "Application" || e.entityType === "Attachment");

describe("/audit: application content", () => {
  it("shows the administrator every application event as who, what, when and which reference, never the content", async () => {
    const data = await page(demoEmail.admin);
    const events = contentEvents(data);
    expect(events).toHaveLength(7);
    for (const event of events) {
      expect(event.detail, event.action).toBe("reference");
      expect(event.changes).toEqual([]);
    }
    expect(events.map((e) => e.reference).sort()).toEqual(["2026-7001", "2026-7001", "2026-7001", "2026-7001", "2026-7001", "2026-7002", "2026-7002"].sort());
    const text = json(data);
    for (const secret of [...Object.values(SUBMITTED_SECRETS), ...Object.values(DRAFT_SECRETS)]) expect(text).not.toContain(secret);
    // Accounts and organisation stay the administrator's in full.
    expect(data.events.filter((e) => !contentEvents(data).includes(e)).every((e) => e.detail === "full")).toBe(true);
    const html = render(data);
    expect(html).toContain("Ansøgning 2026-7001. Indholdet vises ikke, fordi din rolle ikke må læse ansøgningen.");
    expect(html).not.toContain(SUBMITTED_SECRETS.comment);
  });

  it("does the same for ?entityType=Application and for one application's id", async () => {
    for (const query of ["?entityType=Application", `?entityId=${ids.submitted}`, "?entityType=Attachment"]) {
      const data = await page(demoEmail.admin, query);
      expect(data.events.length, query).toBeGreaterThan(0);
      expect(data.events.every((e) => e.detail === "reference" && e.changes.length === 0), query).toBe(true);
    }
  });

  it("shows the secretariat a submitted application's events in full from its submission, its draft-time events as references", async () => {
    const data = await page(demoEmail.secretariat, `?entityId=${ids.submitted}`);
    const byAction = new Map(data.events.map((e) => [e.action, e]));
    expect(byAction.get("application.create")?.detail).toBe("reference");
    expect(byAction.get("application.saveDraft")).toMatchObject({ detail: "reference", changes: [] });
    expect(byAction.get("application.submit")?.detail).toBe("full");
    expect(byAction.get("application.return")?.changes).toContainEqual({ key: "comment", before: null, after: SUBMITTED_SECRETS.comment });
    expect(json(data)).not.toContain(SUBMITTED_SECRETS.draftTitle);
    const files = await page(demoEmail.secretariat, `?entityId=${ids.submittedFile}`);
    expect(files.events[0]?.changes).toContainEqual({ key: "fileName", before: null, after: SUBMITTED_SECRETS.file });
  });

  it("shows the secretariat nothing of a unit's draft: no events, no count, whatever the filter", async () => {
    const all = await page(demoEmail.secretariat);
    expect(contentEvents(all).map((e) => e.entityId)).not.toContain(ids.draft);
    expect(contentEvents(all).map((e) => e.entityId)).not.toContain(ids.draftFile);
    expect(json(all)).not.toContain("2026-7002");
    for (const query of [`?entityId=${ids.draft}`, `?entityId=${ids.draftFile}`]) {
      const data = await page(demoEmail.secretariat, query);
      expect(data.total, query).toBe(0);
      expect(data.events, query).toEqual([]);
    }
    // Once submitted, the application is the secretariat's to read: its events appear.
    await prisma.application.update({ where: { id: ids.draft }, data: { status: "SUBMITTED", submittedAt: T2 } });
    expect((await page(demoEmail.secretariat, `?entityId=${ids.draft}`)).total).toBe(1);
  });
});
