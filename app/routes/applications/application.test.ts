// The detail page and the versions page through their routes: what each role
// sees (and may do), the actions as intents (submit, withdraw with
// confirmation, endorse before/after the deadline, return with a required
// comment), the amounts to the øre, and what changed between versions.
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ApplicationContent } from "~/domain/applications/content";
import { ROLES } from "~/domain/permissions";
import { kroner } from "~/domain/money";
import { createApplication, saveDraft } from "~/services/applications/drafting.server";
import { submitApplication } from "~/services/applications/submission.server";
import { prisma } from "~/utils/db.server";
import { actorFor, auditCount, cookieFor, demoEmail, demoEmailFor, resetToDemo } from "../../../tests/db-utils";
import { callAction, callLoader, fieldErrors, type RouteModule } from "../../../tests/route-utils";
import * as detailModule from "./application";
import * as versionsModule from "./versions";

const detailRoute = detailModule as unknown as RouteModule & typeof detailModule;
const versionsRoute = versionsModule as unknown as RouteModule & typeof versionsModule;
type DetailData = Awaited<ReturnType<typeof detailModule.loader>>;
type VersionsData = Awaited<ReturnType<typeof versionsModule.loader>>;

const NOW = new Date("2026-11-26T12:00:00Z");

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW, shouldAdvanceTime: true });
  await resetToDemo();
});
afterEach(() => {
  vi.useRealTimers();
});

async function content(overrides: Partial<ApplicationContent> = {}): Promise<ApplicationContent> {
  const prioritisation = await prisma.prioritisation.findFirstOrThrow({ include: { focusAreas: { orderBy: { rank: "asc" } } } });
  const vjh = await prisma.area.findUniqueOrThrow({ where: { code: "VJH" } });
  const focus = prioritisation.focusAreas.map((fa) => fa.focusAreaId);
  return {
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
    costLines: [
      { category: "COURSE_FEE", description: "Kursusafgift", amountOre: 4_000_001n },
      { category: "TRANSPORT", description: "Bus", amountOre: 1_234_567n },
    ],
    coFinancingOre: 1_200_001n,
    focusAreaIds: [focus[0]!, focus[1]!],
    primaryFocusAreaId: focus[0]!,
    partnerAreaIds: [vjh.id],
    expectedEffect: "Tryggere medarbejdere.",
    followUpPlan: "Måling efter tre måneder.",
    softRuleJustification: "",
    ...overrides,
  };
}

async function draft(overrides: Partial<ApplicationContent> = {}): Promise<string> {
  const actor = await actorFor(demoEmail.applicant);
  const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" } });
  const { id } = await createApplication(actor, { roundId: round.id, unitId: actor.user!.unitId!, now: NOW });
  await saveDraft(actor, { id, content: await content(overrides) });
  return id;
}

async function submitted(overrides: Partial<ApplicationContent> = {}): Promise<string> {
  const id = await draft(overrides);
  await submitApplication(await actorFor(demoEmail.applicant), { id, content: null, now: NOW });
  return id;
}

async function load(id: string, email: string, query = "") {
  return callLoader(detailRoute, `/applications/${id}${query}`, { params: { applicationId: id }, cookie: await cookieFor(email) });
}

async function act(id: string, email: string, form: Record<string, string>) {
  return callAction(detailRoute, `/applications/${id}`, { params: { applicationId: id }, cookie: await cookieFor(email), form });
}

function render(module: { default: unknown }, routeId: string, path: string, data: unknown, url: string, actionData?: unknown): string {
  const Stub = createRoutesStub([{ id: routeId, path, Component: module.default as ComponentType, loader: () => data, action: () => actionData }]);
  return renderToString(
    createElement(Stub, {
      initialEntries: [url],
      hydrationData: { loaderData: { [routeId]: data }, ...(actionData ? { actionData: { [routeId]: actionData } } : {}) },
    }),
  );
}

const renderDetail = (data: unknown, id: string, query = "", actionData?: unknown) =>
  render(detailModule, "detail", "/applications/:applicationId", data, `/applications/${id}${query}`, actionData);

async function counts() {
  return {
    statuses: (await prisma.application.findMany({ select: { status: true }, orderBy: { id: "asc" } })).map((a) => a.status),
    comments: await prisma.applicationComment.count(),
    audits: await auditCount(),
    outbox: await prisma.outboxEmail.count(),
  };
}

describe("/applications/:id loader", () => {
  it("lets the readers in and keeps HMU and admin out; another unit's applicant and another area's lead get 404", async () => {
    const id = await submitted();
    for (const role of ROLES) {
      const expected = role === "HMU" || role === "ADMIN" ? 403 : 200;
      expect((await load(id, demoEmailFor(role))).status, role).toBe(expected);
    }
    expect((await load(id, demoEmail.applicantOtherArea)).status).toBe(404);
    expect((await load(id, demoEmail.areaLeadOtherArea)).status).toBe(404);
    expect((await load("nope", demoEmail.secretariat)).status).toBe(404);
  });

  it("shows the submitted version with the amounts to the øre, as in the database", async () => {
    const id = await submitted();
    const data = (await load(id, demoEmail.finance)).data as DetailData;
    const app = await prisma.application.findUniqueOrThrow({ where: { id } });
    expect(data.application.totalCostOre).toBe(app.totalCostOre);
    expect(data.application.coFinancingOre).toBe(app.coFinancingOre);
    expect(data.application.requestedOre).toBe(app.requestedOre);
    expect(app.requestedOre).toBe(app.totalCostOre - app.coFinancingOre);
    expect(app.requestedOre).toBe(4_034_567n);
    expect(data.shown.kind).toBe("version");
    expect(data.shown.content.requestedOre).toBe("4034567");
    expect(data.actions).toEqual({ edit: false, submit: false, endorseOnBehalf: false, withdraw: false, endorse: false, return: false });

    const html = renderDetail(data, id);
    expect(html).toContain("Indsendt – venter på indstilling");
    expect(html).toMatch(/data-testid="amount-requested"><strong>40\.345,67 kr\./);
    expect(html).toMatch(/data-testid="amount-total">52\.345,68 kr\./);
    expect(html).toContain("Viser version 1");
    expect(html).toContain('data-testid="timeline"');
    expect(html).toContain('data-outcome="pass"');
    expect(html).not.toContain('data-testid="actions"'); // finance reads only
  });

  it("offers each role its actions", async () => {
    const id = await submitted();
    const actionsOf = async (email: string) => ((await load(id, email)).data as DetailData).actions;
    expect(await actionsOf(demoEmail.applicant)).toEqual({ edit: false, submit: false, withdraw: true, endorse: false, endorseOnBehalf: false, return: false });
    expect(await actionsOf(demoEmail.areaLead)).toEqual({ edit: false, submit: false, withdraw: false, endorse: true, endorseOnBehalf: false, return: true });
    expect(await actionsOf(demoEmail.secretariat)).toEqual({ edit: false, submit: false, withdraw: false, endorse: false, endorseOnBehalf: true, return: true });
    const lead = renderDetail((await load(id, demoEmail.areaLead)).data, id);
    expect(lead).toContain('data-testid="endorse-form"');
    expect(lead).toContain('data-testid="return-form"');
    expect(lead).toContain("15.12.2026 kl. 12.00");
    const applicant = renderDetail((await load(id, demoEmail.applicant)).data, id);
    expect(applicant).toContain('data-testid="withdraw-start"');
    expect(applicant).not.toContain('data-testid="withdraw-form"');
    expect(renderDetail((await load(id, demoEmail.applicant, "?confirm=withdraw")).data, id, "?confirm=withdraw")).toContain('data-testid="withdraw-form"');
  });

  it("does not offer an area lead to endorse their own application, nor to return after the endorsement deadline", async () => {
    const leadUser = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.areaLead } });
    await prisma.userRole.create({ data: { userId: leadUser.id, role: "APPLICANT" } });
    const lead = await actorFor(demoEmail.areaLead);
    const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" } });
    const { id: own } = await createApplication(lead, { roundId: round.id, unitId: leadUser.unitId!, now: NOW });
    await submitApplication(lead, { id: own, content: await content({ contactName: leadUser.name, contactEmail: leadUser.email }), now: NOW });
    const actionsOf = async (id: string, email: string) => ((await load(id, email)).data as DetailData).actions;
    expect(await actionsOf(own, demoEmail.areaLead)).toMatchObject({ endorse: false, return: true });
    const before = await counts();
    const refused = await act(own, demoEmail.areaLead, { intent: "endorse", comment: "Min egen." });
    expect(refused.status).toBe(400);
    expect(fieldErrors(refused)[""]).toEqual(["applications.error.cannotEndorseOwn"]);
    expect(await counts()).toEqual(before);

    const other = await submitted();
    await prisma.round.update({ where: { id: round.id }, data: { endorsementDeadline: new Date("2026-11-26T10:00:00Z") } });
    expect(await actionsOf(other, demoEmail.areaLead)).toMatchObject({ return: false });
    expect(await actionsOf(other, demoEmail.secretariat)).toMatchObject({ return: true });
    const late = await act(other, demoEmail.areaLead, { intent: "return", comment: "For sent." });
    expect(late.status).toBe(400);
    expect(fieldErrors(late)[""]).toEqual(["Fristen for indstilling var 26.11.2026 kl. 11.00. Herefter kan kun puljesekretariatet sende ansøgningen tilbage."]);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: other } })).status).toBe("SUBMITTED");
  });

  it("shows the applicant a draft with its edit link and submit form", async () => {
    const id = await draft();
    const data = (await load(id, demoEmail.applicant)).data as DetailData;
    expect(data.shown.kind).toBe("draft");
    expect(data.actions).toMatchObject({ edit: true, submit: true, withdraw: true });
    const html = renderDetail(data, id);
    expect(html).toContain("Kladde");
    expect(html).toContain(`href="/applications/${id}/edit"`);
    expect(html).toContain('data-testid="submit-form"');
  });
});

describe("/applications/:id action", () => {
  it("answers 403 to readers without an action (finance, leadership) and to HMU, 404 out of scope, 400 without a known intent", async () => {
    const id = await submitted();
    const before = await counts();
    for (const email of [demoEmail.finance, demoEmail.leadership, demoEmail.hmu, demoEmail.admin]) {
      expect((await act(id, email, { intent: "return", comment: "Nej" })).status, email).toBe(403);
    }
    expect((await act(id, demoEmail.applicantOtherArea, { intent: "withdraw", confirm: "yes" })).status).toBe(404);
    expect((await act(id, demoEmail.areaLeadOtherArea, { intent: "endorse" })).status).toBe(404);
    expect((await act(id, demoEmail.applicant, {})).status).toBe(400);
    expect((await act(id, demoEmail.applicant, { intent: "delete" })).status).toBe(400);
    // A permission the user lacks for this intent: 403 (the secretariat does not endorse, the applicant does not return).
    expect((await act(id, demoEmail.secretariat, { intent: "endorse" })).status).toBe(403);
    expect((await act(id, demoEmail.applicant, { intent: "return", comment: "x" })).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("submits a complete draft from the detail page", async () => {
    const id = await draft();
    const result = await act(id, demoEmail.applicant, { intent: "submit" });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/applications/${id}?ok=submitted`);
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");
  });

  it("refuses a submission from a page that shows an older revision, and submits nothing", async () => {
    const id = await draft();
    const shown = (await prisma.application.findUniqueOrThrow({ where: { id } })).revision;
    // Someone else saves the draft meanwhile.
    await saveDraft(await actorFor(demoEmail.applicant), { id, content: await content({ title: "Ændret imens" }), expectedRevision: shown });
    const before = await counts();
    const result = await act(id, demoEmail.applicant, { intent: "submit", revision: String(shown) });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.data)).toContain("ændret");
    expect(await counts()).toEqual(before);
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
    // The page as it is now submits.
    expect((await act(id, demoEmail.applicant, { intent: "submit", revision: String(shown + 1) })).status).toBe(302);
  });

  it("names the missing fields when the stored draft is incomplete, and changes nothing", async () => {
    const id = await draft({ title: "", followUpPlan: "" });
    const before = await counts();
    const result = await act(id, demoEmail.applicant, { intent: "submit" });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)[""]).toEqual([
      "Titel: Feltet skal udfyldes.",
      "Plan for opfølgning: Feltet skal udfyldes.",
      "Ret felterne på redigeringssiden, og indsend igen.",
    ]);
    expect(await counts()).toEqual(before);
    const html = renderDetail((await load(id, demoEmail.applicant)).data, id, "", result.data);
    expect(html).toContain("Titel: Feltet skal udfyldes.");
  });

  it("endorses before the deadline, with comment and rank; e-mails the applicant and the secretariat", async () => {
    const id = await submitted();
    const outbox = await prisma.outboxEmail.count();
    const result = await act(id, demoEmail.areaLead, { intent: "endorse", comment: "Vigtig.", rank: "2" });
    expect(result.status).toBe(302);
    const app = await prisma.application.findUniqueOrThrow({ where: { id } });
    expect([app.status, app.endorsementRank]).toEqual(["ENDORSED", 2]);
    expect(await prisma.outboxEmail.count()).toBe(outbox + 2);
    expect(await auditCount("application.endorse")).toBe(1);
  });

  it("refuses a rank that is not a positive whole number, next to the field", async () => {
    const id = await submitted();
    for (const rank of ["0", "-1", "1,5", "en"]) {
      const result = await act(id, demoEmail.areaLead, { intent: "endorse", rank });
      expect(result.status, rank).toBe(400);
      expect(fieldErrors(result).rank, rank).toEqual(["applications.error.rankPositive"]);
    }
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");
  });

  it("refuses to endorse after the deadline with a Danish message", async () => {
    const id = await submitted();
    const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" } });
    await prisma.round.update({ where: { id: round.id }, data: { endorsementDeadline: new Date("2026-11-26T10:00:00Z") } });
    const before = await counts();
    const result = await act(id, demoEmail.areaLead, { intent: "endorse", comment: "For sent" });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)[""]).toEqual(["Fristen for indstilling var 26.11.2026 kl. 11.00. Ansøgningen kan ikke længere indstilles."]);
    expect(await counts()).toEqual(before);
    const html = renderDetail((await load(id, demoEmail.areaLead)).data, id);
    expect(html).toContain('data-testid="endorsement-closed"');
    expect(html).not.toContain('data-testid="endorse-form"');
  });

  it("lets the secretariat endorse on the area lead's behalf with a reason the timeline shows; refuses without one", async () => {
    const id = await submitted();
    const page = renderDetail((await load(id, demoEmail.secretariat)).data, id);
    expect(page).toContain('data-testid="endorse-on-behalf-form"');
    const before = await counts();
    const refused = await act(id, demoEmail.secretariat, { intent: "endorseOnBehalf", reason: " " });
    expect(refused.status).toBe(400);
    expect(fieldErrors(refused).reason).toEqual(["applications.error.onBehalfReasonRequired"]);
    expect(await counts()).toEqual(before);
    // An area lead has no such action (403).
    expect((await act(id, demoEmail.areaLead, { intent: "endorseOnBehalf", reason: "Fravær" })).status).toBe(403);

    const done = await act(id, demoEmail.secretariat, { intent: "endorseOnBehalf", reason: "Forvaltningschefen er syg indtil fristen." });
    expect(done.status).toBe(302);
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).status).toBe("ENDORSED");
    const html = renderDetail((await load(id, demoEmail.applicant)).data, id);
    expect(html).toContain("Indstillet af puljesekretariatet på vegne af forvaltningschefen. Begrundelse:");
    expect(html).toContain("Forvaltningschefen er syg indtil fristen.");
  });

  it("returns only with a comment; the applicant gets an e-mail", async () => {
    const id = await submitted();
    const before = await counts();
    const empty = await act(id, demoEmail.secretariat, { intent: "return", comment: " " });
    expect(empty.status).toBe(400);
    expect(fieldErrors(empty)).toEqual({ comment: ["applications.error.returnCommentRequired"] });
    expect((empty.data as { intent: string }).intent).toBe("return");
    expect(await counts()).toEqual(before);

    const result = await act(id, demoEmail.secretariat, { intent: "return", comment: "Uddyb målgruppen." });
    expect(result.status).toBe(302);
    const after = await counts();
    expect(after.comments).toBe(before.comments + 1);
    expect(after.outbox).toBe(before.outbox + 1);
    expect((await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "application.returned" } })).toEmail).toBe(demoEmail.applicant);
    const data = (await load(id, demoEmail.applicant)).data as DetailData;
    expect(data.application.status).toBe("RETURNED");
    expect(data.application.comments.map((c) => [c.kind, c.body])).toEqual([["RETURN", "Uddyb målgruppen."]]);
    expect(data.actions).toMatchObject({ edit: true, submit: true });
    expect(renderDetail(data, id)).toContain("Uddyb målgruppen.");
  });

  it("shows the latest return comment at the top of the page, under the title, while the application is returned", async () => {
    const id = await submitted();
    expect((await act(id, demoEmail.secretariat, { intent: "return", comment: "Første tilbagesendelse." })).status).toBe(302);
    await submitApplication(await actorFor(demoEmail.applicant), { id, content: null, now: NOW });
    expect((await act(id, demoEmail.secretariat, { intent: "return", comment: "Uddyb målgruppen." })).status).toBe(302);
    const html = renderDetail((await load(id, demoEmail.applicant)).data, id);
    const top = html.slice(html.indexOf('data-testid="application-title"'), html.indexOf('data-testid="application-facts"'));
    expect(top).toContain('data-testid="return-comment"');
    expect(top).toContain("Uddyb målgruppen.");
    expect(top).not.toContain("Første tilbagesendelse.");

    await submitApplication(await actorFor(demoEmail.applicant), { id, content: null, now: NOW });
    const resubmitted = renderDetail((await load(id, demoEmail.applicant)).data, id);
    expect(resubmitted).not.toContain('data-testid="return-comment"');
  });

  it("withdraws only after the confirmation step", async () => {
    const id = await submitted();
    const before = await counts();
    const unconfirmed = await act(id, demoEmail.applicant, { intent: "withdraw" });
    expect(unconfirmed.status).toBe(400);
    expect(await counts()).toEqual(before);
    const result = await act(id, demoEmail.applicant, { intent: "withdraw", confirm: "yes" });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/applications/${id}?ok=withdrawn`);
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");
    expect(await prisma.outboxEmail.count()).toBe(before.outbox + 1);
  });
});

describe("/applications/:id/versions", () => {
  async function loadVersions(id: string, email: string, query = "") {
    return callLoader(versionsRoute, `/applications/${id}/versions${query}`, { params: { applicationId: id }, cookie: await cookieFor(email) });
  }

  it("lists the versions and shows what changed in a resubmission, in Danish with money formatted", async () => {
    const id = await submitted();
    await act(id, demoEmail.areaLead, { intent: "return", comment: "Dyrere kursus?" });
    const applicant = await actorFor(demoEmail.applicant);
    await saveDraft(applicant, {
      id,
      content: await content({
        title: "Konflikthåndtering for hele borgerkontakten",
        costLines: [{ category: "COURSE_FEE", description: "Kursusafgift", amountOre: kroner(45_000) }],
        coFinancingOre: kroner(9_000),
      }),
    });
    await submitApplication(applicant, { id, content: null, now: NOW });

    const result = await loadVersions(id, demoEmail.areaLead);
    expect(result.status).toBe(200);
    const data = result.data as VersionsData;
    expect(data.versions.map((v) => [v.versionNo, v.requestedOre])).toEqual([
      [2, 3_600_000n],
      [1, 4_034_567n],
    ]);
    expect(data.comparison?.from).toBe(1);
    expect(data.comparison?.to).toBe(2);
    expect(data.comparison?.changes.map((c) => c.field).sort()).toEqual(["coFinancingOre", "costLines", "requestedOre", "title", "totalCostOre"]);

    const html = render(versionsModule, "versions", "/applications/:applicationId/versions", data, `/applications/${id}/versions`);
    expect(html).toContain("Ændringer fra version 1 til version 2");
    expect(html).toContain("Titel");
    expect(html).toContain("Udgiftslinjer");
    expect(html).toContain("Kursusafgift – \u2068Kursusafgift\u2069: 45.000,00 kr.");
    expect(html).toContain("Transport – \u2068Bus\u2069: 12.345,67 kr.");
    expect(html).toContain("40.345,67 kr.");
    expect(html).toContain("36.000,00 kr.");
    expect(html).toMatch(/<ins>.*hele.*<\/ins>/);

    const same = (await loadVersions(id, demoEmail.secretariat, "?from=2&to=2")).data as VersionsData;
    expect(same.comparison).toBeNull();
    const reversed = (await loadVersions(id, demoEmail.secretariat, "?from=2&to=1")).data as VersionsData;
    expect([reversed.comparison?.from, reversed.comparison?.to]).toEqual([1, 2]);
    const junk = await loadVersions(id, demoEmail.secretariat, "?from=abc&to=99");
    expect(junk.status).toBe(200);
  });

  it("follows the read permission", async () => {
    const id = await submitted();
    expect((await loadVersions(id, demoEmail.finance)).status).toBe(200);
    expect((await loadVersions(id, demoEmail.hmu)).status).toBe(403);
    expect((await loadVersions(id, demoEmail.applicantOtherArea)).status).toBe(404);
  });
});
