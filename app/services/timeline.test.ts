// The timeline is read from the audit trail: the application's own events and
// its attachments' events, oldest first, with actor names and Danish labels.
import { renderToString } from "react-dom/server";
import { createElement } from "react";
import { createRoutesStub } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { Timeline, timelineLabel } from "~/components/applications/timeline";
import { createTranslator } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { actorFor, demoEmail, resetToReferenceData } from "../../tests/db-utils";
import { createRound } from "../../tests/factories";
import { addAttachment, removeAttachment } from "./attachments.server";
import { timelineDetails } from "~/domain/applications/timeline";
import { getTimeline } from "./timeline.server";

let roundId: string;

beforeEach(async () => {
  await resetToReferenceData();
  roundId = (await createRound({ now: new Date("2026-11-26T12:00:00Z") })).id;
});

const at = (time: string) => new Date(`2026-11-26T${time}:00Z`);

async function draft(reference: string, email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, unitId: true, unit: { select: { areaId: true } } } });
  return prisma.application.create({
    data: { reference, roundId, unitId: user.unitId!, areaId: user.unit!.areaId, createdById: user.id, status: "DRAFT" },
  });
}

async function event(applicationId: string, action: string, time: string, email: string | null, after?: object) {
  const actor = email ? await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } }) : null;
  await prisma.auditEvent.create({
    data: { action, entityType: "Application", entityId: applicationId, at: at(time), actorId: actor?.id ?? null, after: after ?? {} },
  });
}

describe("getTimeline", () => {
  it("lists the application's and its attachments' events in time order with actor names and labels", async () => {
    const app = await draft("2026-0501", demoEmail.applicant);
    const other = await draft("2026-0502", demoEmail.applicant);
    const anna = await actorFor(demoEmail.applicant);

    const plan = await addAttachment(anna, { applicationId: app.id, fileName: "plan.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%a\n") });
    const budget = await addAttachment(anna, { applicationId: app.id, fileName: "budget.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%b\n") });
    await removeAttachment(anna, { applicationId: app.id, attachmentId: budget.id });
    await addAttachment(anna, { applicationId: other.id, fileName: "fremmed.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%c\n") });
    // Fix the attachment events' times so the order below is exact.
    const times: [string, string, string][] = [
      [plan.id, "attachment.add", "10:10"],
      [budget.id, "attachment.add", "10:12"],
      [budget.id, "attachment.remove", "10:15"],
    ];
    for (const [entityId, action, time] of times) {
      await prisma.auditEvent.updateMany({ where: { entityType: "Attachment", entityId, action }, data: { at: at(time) } });
    }

    await event(app.id, "application.create", "10:00", demoEmail.applicant, { reference: "2026-0501", status: "DRAFT" });
    await event(app.id, "application.saveDraft", "10:05", demoEmail.applicant, { title: "Kursus" });
    await event(app.id, "application.submit", "10:20", demoEmail.applicant, { status: "SUBMITTED", versionNo: 1 });
    await event(other.id, "application.submit", "10:30", demoEmail.applicant, { versionNo: 7 });
    await event(app.id, "application.return", "11:00", demoEmail.areaLead, { status: "RETURNED", comment: "Uddyb den forventede effekt." });
    await event(app.id, "application.submit", "11:30", demoEmail.applicant, { status: "SUBMITTED", versionNo: 2 });
    await event(app.id, "application.endorse", "12:00", demoEmail.areaLead, { status: "ENDORSED", endorsementRank: 2, comment: null });
    await event(app.id, "application.somethingNew", "12:30", null);
    await event(app.id, "application.withdraw", "13:00", demoEmail.applicant, { status: "WITHDRAWN" });

    const timeline = await getTimeline(app.id, { draftHistory: true });
    const t = createTranslator("da");
    expect(timeline.map((e) => [e.at.toISOString().slice(11, 16), timelineLabel(t, e), e.actorName])).toEqual([
      ["10:00", "Kladde oprettet", "Anna Andersen"],
      ["10:05", "Kladde gemt", "Anna Andersen"],
      ["10:10", "Bilag tilføjet: \u2068plan.pdf\u2069", "Anna Andersen"], // file names and comments isolated
      ["10:12", "Bilag tilføjet: \u2068budget.pdf\u2069", "Anna Andersen"],
      ["10:15", "Bilag fjernet: \u2068budget.pdf\u2069", "Anna Andersen"],
      ["10:20", "Indsendt (version 1)", "Anna Andersen"],
      ["11:00", "Sendt tilbage til ændringer: \u2068Uddyb den forventede effekt.\u2069", "Mette Kjær"],
      ["11:30", "Indsendt (version 2)", "Anna Andersen"],
      ["12:00", "Indstillet som nr. 2", "Mette Kjær"],
      ["12:30", "application.somethingNew", null],
      ["13:00", "Trukket tilbage", "Anna Andersen"],
    ]);

    const html = renderToString(
      createElement(createRoutesStub([{ path: "/", Component: () => createElement(Timeline, { entries: timeline }) }]), { initialEntries: ["/"] }),
    ).replace(/<!-- -->/g, "");
    expect(html).toContain("<h2 id=\"forloeb-heading\">Forløb</h2>");
    expect(html).toMatch(/<ol[^>]*aria-label="Ansøgningens forløb, ældste først"/);
    expect(html.match(/<li /g)).toHaveLength(11);
    expect(html).toContain('<time dateTime="2026-11-26T10:00:00.000Z">26.11.2026 kl. 11.00</time>');
    expect(html).toContain("Systemet");
    expect(html.indexOf("Kladde oprettet")).toBeLessThan(html.indexOf("Trukket tilbage"));
  });

  it("shows readers outside the applying unit nothing of the draft time but its creation", async () => {
    const app = await draft("2026-0504", demoEmail.applicant);
    const anna = await actorFor(demoEmail.applicant);
    await event(app.id, "application.create", "10:00", demoEmail.applicant, { reference: "2026-0504", status: "DRAFT" });
    await event(app.id, "application.saveDraft", "10:05", demoEmail.applicant, { title: "Fyringsrunde" });
    const secret = await addAttachment(anna, { applicationId: app.id, fileName: "fyringsliste.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%s\n") });
    await removeAttachment(anna, { applicationId: app.id, attachmentId: secret.id });
    await prisma.auditEvent.updateMany({ where: { entityType: "Attachment", entityId: secret.id }, data: { at: at("10:10") } });
    await prisma.applicationVersion.create({
      data: { applicationId: app.id, versionNo: 1, content: {}, screening: [], submittedAt: at("10:20"), submittedById: anna.user!.id },
    });
    await event(app.id, "application.submit", "10:20", demoEmail.applicant, { status: "SUBMITTED", versionNo: 1 });

    const t = createTranslator("da");
    const outside = await getTimeline(app.id, { draftHistory: false });
    expect(outside.map((e) => timelineLabel(t, e))).toEqual(["Kladde oprettet", "Indsendt (version 1)"]);
    expect(JSON.stringify(outside)).not.toContain("fyringsliste");
    const unit = await getTimeline(app.id, { draftHistory: true });
    expect(unit.map((e) => e.action)).toEqual(["application.create", "application.saveDraft", "attachment.add", "attachment.remove", "application.submit"]);
  });

  it("is empty for an application without events, and says so", async () => {
    const app = await draft("2026-0503", demoEmail.applicant);
    expect(await getTimeline(app.id, { draftHistory: true })).toEqual([]);
    const html = renderToString(
      createElement(createRoutesStub([{ path: "/", Component: () => createElement(Timeline, { entries: [] }) }]), { initialEntries: ["/"] }),
    );
    expect(html).toContain("Der er ingen hændelser endnu.");
  });

  it("reads only the details a label needs", () => {
    expect(timelineDetails({ fileName: "x.pdf" }, { removedAt: "2026-01-01", secret: "y" })).toEqual({ fileName: "x.pdf" });
    expect(timelineDetails(null, { versionNo: 3, endorsementRank: null, comment: "" })).toEqual({ versionNo: 3 });
    expect(timelineLabel(createTranslator("en"), { action: "application.submit", details: { versionNo: 2 } })).toBe("Submitted (version 2)");
    expect(timelineLabel(createTranslator("da"), { action: "application.submit", details: {} })).toBe("Indsendt");
    expect(timelineLabel(createTranslator("da"), { action: "application.endorse", details: {} })).toBe("Indstillet");
  });
});
