// The new-application page and the application form through their routes:
// create, save (only format errors block a draft), list intents without
// JavaScript, live screening that stores nothing, submission with every
// required field, the round's closing time, and permissions.
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { submitApplication } from "~/services/applications/submission.server";
import { prisma } from "~/utils/db.server";
import { actorFor, auditCount, cookieFor, demoEmail, resetToDemo } from "../../../tests/db-utils";
import { callAction, callLoader, fieldErrors, type RouteModule } from "../../../tests/route-utils";
import * as editModule from "./edit";
import * as newModule from "./new";

const editRoute = editModule as unknown as RouteModule & typeof editModule;
const newRoute = newModule as unknown as RouteModule & typeof newModule;
type EditData = Awaited<ReturnType<typeof editModule.loader>>;

const NOW = new Date("2026-11-26T12:00:00Z");

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW, shouldAdvanceTime: true });
  await resetToDemo();
});
afterEach(() => {
  vi.useRealTimers();
});

async function demo() {
  const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" } });
  const closedRound = await prisma.round.findFirstOrThrow({ where: { name: "Efterårsrunde 2026" } });
  const applicant = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant } });
  const prioritisation = await prisma.prioritisation.findFirstOrThrow({ include: { focusAreas: { orderBy: { rank: "asc" } } } });
  const vjh = await prisma.area.findUniqueOrThrow({ where: { code: "VJH" } });
  return { round, closedRound, unitId: applicant.unitId!, focus: prioritisation.focusAreas.map((fa) => fa.focusAreaId), vjh: vjh.id };
}

async function createDraft(): Promise<string> {
  const { round, unitId } = await demo();
  const result = await callAction(newRoute, "/applications/new", { cookie: await cookieFor(demoEmail.applicant), form: { roundId: round.id, unitId } });
  expect(result.status).toBe(302);
  return /\/applications\/([^/]+)\/edit/.exec(result.location!)![1]!;
}

/** The form as a browser sends it: every field a complete, valid application has. */
async function validForm(overrides: Record<string, string | string[]> = {}): Promise<Record<string, string | string[]>> {
  const { focus, vjh } = await demo();
  return {
    contactName: "Anna Andersen",
    contactEmail: "ansoeger@demo.aarhus.dk",
    title: "Konflikthåndtering",
    purpose: "Færre episoder med vold og trusler.",
    targetGroup: "Frontpersonale",
    participants: "12",
    activityType: "COURSE",
    startDate: "2026-12-21",
    endDate: "2026-12-22",
    "costLines[0].category": "COURSE_FEE",
    "costLines[0].description": "Kursusafgift",
    "costLines[0].amount": "40.000,01",
    "costLines[1].category": "TRANSPORT",
    "costLines[1].description": "Bus",
    "costLines[1].amount": "12.345,67",
    coFinancing: "12.000,01",
    focusAreaIds: [focus[0]!, focus[1]!],
    primaryFocusAreaId: focus[0]!,
    partnerAreaIds: [vjh],
    expectedEffect: "Tryggere medarbejdere.",
    followUpPlan: "Måling efter tre måneder.",
    softRuleJustification: "",
    ...overrides,
  };
}

/** Posts the form as the browser does: with the revision it was opened on (the stored one, unless the test names one). */
async function edit(id: string, form: Record<string, string | string[]>, email: string = demoEmail.applicant) {
  if (!("revision" in form)) {
    const stored = await prisma.application.findUnique({ where: { id }, select: { revision: true } });
    if (stored) form = { ...form, revision: String(stored.revision) };
  }
  return callAction(editRoute, `/applications/${id}/edit`, { params: { applicationId: id }, cookie: await cookieFor(email), form });
}

async function loadEdit(id: string, email: string = demoEmail.applicant) {
  return callLoader(editRoute, `/applications/${id}/edit`, { params: { applicationId: id }, cookie: await cookieFor(email) });
}

async function snapshot(id: string) {
  return {
    app: await prisma.application.findUniqueOrThrow({ where: { id }, include: { costLines: true, focusAreas: true, partnerAreas: true } }),
    versions: await prisma.applicationVersion.count(),
    audits: await auditCount(),
    outbox: await prisma.outboxEmail.count(),
  };
}

function render(data: unknown, url: string): string {
  const Stub = createRoutesStub([{ id: "edit", path: "/applications/:applicationId/edit", Component: editRoute.default as ComponentType, loader: () => data }]);
  return renderToString(createElement(Stub, { initialEntries: [url], hydrationData: { loaderData: { edit: data } } }));
}

describe("/applications/new", () => {
  it("offers the open round and the applicant's unit, preselected", async () => {
    const { round, unitId } = await demo();
    const result = await callLoader(newRoute, "/applications/new", { cookie: await cookieFor(demoEmail.applicant) });
    expect(result.status).toBe(200);
    const data = result.data as Awaited<ReturnType<typeof newModule.loader>>;
    expect(data.rounds.map((r) => r.id)).toEqual([round.id]);
    expect(data.units.map((u) => u.id)).toEqual([unitId]);
  });

  it("creates a draft and opens its form", async () => {
    const before = await auditCount("application.create");
    const id = await createDraft();
    const app = await prisma.application.findUniqueOrThrow({ where: { id } });
    expect(app).toMatchObject({ status: "DRAFT", reference: "2026-0001", contactEmail: demoEmail.applicant });
    expect(await auditCount("application.create")).toBe(before + 1);
  });

  it("asks for a round and a unit, and refuses a closed round", async () => {
    const { closedRound, unitId } = await demo();
    const cookie = await cookieFor(demoEmail.applicant);
    const empty = await callAction(newRoute, "/applications/new", { cookie, form: {} });
    expect(empty.status).toBe(400);
    expect(fieldErrors(empty)).toEqual({ roundId: ["validation.choose"], unitId: ["validation.choose"] });
    const closed = await callAction(newRoute, "/applications/new", { cookie, form: { roundId: closedRound.id, unitId } });
    expect(closed.status).toBe(400);
    expect(fieldErrors(closed)).toEqual({ roundId: ["applications.error.roundNotOpen"] });
    expect(await prisma.application.count()).toBe(0);
  });

  it("is for applicants only", async () => {
    expect((await callLoader(newRoute, "/applications/new", { cookie: await cookieFor(demoEmail.areaLead) })).status).toBe(403);
    expect((await callAction(newRoute, "/applications/new", { cookie: await cookieFor(demoEmail.finance), form: {} })).status).toBe(403);
  });
});

describe("/applications/:id/edit loader", () => {
  it("gives the form's defaults, the year's focus areas, the other areas and the saved draft's verdicts", async () => {
    const id = await createDraft();
    const { focus, vjh } = await demo();
    const result = await loadEdit(id);
    expect(result.status).toBe(200);
    const data = result.data as EditData;
    expect(data.editable).toBe(true);
    expect(data.defaults.contactName).toBe("Anna Andersen");
    expect(data.defaults.costLines).toEqual([{ category: "", description: "", amount: "" }]);
    expect(data.focusAreaOptions.map((o) => o.id)).toEqual(focus);
    expect(data.partnerAreaOptions.map((a) => a.id)).toContain(vjh);
    expect(data.partnerAreaOptions.map((a) => a.id)).not.toContain(data.application.areaId);
    expect(data.screening.blocked).toBe(true);

    const html = render(data, `/applications/${id}/edit`);
    for (const heading of ["Om ansøgningen", "Aktiviteten", "Økonomi", "Effekt og opfølgning", "Bilag", "Formel vurdering"]) expect(html).toContain(heading);
    expect(html).toContain("Tilføj udgiftslinje");
    expect(html).toContain("Gem kladde");
    expect(html).toContain("Indsend ansøgning");
    expect(html).toContain('data-outcome="fail"');
    expect(html).toContain("Ikke opfyldt");
  });

  it("answers 404 to another unit's applicant, 403 to roles that do not edit, and explains a submitted application", async () => {
    const id = await createDraft();
    expect((await loadEdit(id, demoEmail.applicantOtherArea)).status).toBe(404);
    expect((await loadEdit("nope")).status).toBe(404);
    expect((await loadEdit(id, demoEmail.hmu)).status).toBe(403);
    expect((await loadEdit(id, demoEmail.secretariat)).status).toBe(403);
    await edit(id, { ...(await validForm()), intent: "submit" });
    const result = await loadEdit(id);
    expect(result.status).toBe(200);
    const data = result.data as EditData;
    expect(data.editable).toBe(false);
    const html = render(data, `/applications/${id}/edit`);
    expect(html).toContain('data-testid="not-editable"');
    expect(html).toContain(`href="/applications/${id}"`);
    expect(html).not.toContain('data-testid="application-form"');
  });
});

describe("/applications/:id/edit action: save", () => {
  it("saves the draft and shows the amounts computed on the server, to the øre", async () => {
    const id = await createDraft();
    const before = await auditCount("application.saveDraft");
    const result = await edit(id, { ...(await validForm()), intent: "save" });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/applications/${id}/edit?ok=saved`);
    const app = await prisma.application.findUniqueOrThrow({ where: { id } });
    expect([app.totalCostOre, app.coFinancingOre, app.requestedOre]).toEqual([5_234_568n, 1_200_001n, 4_034_567n]);
    expect(app.requestedOre).toBe(app.totalCostOre - app.coFinancingOre);
    expect(await auditCount("application.saveDraft")).toBe(before + 1);

    const data = (await loadEdit(id)).data as EditData;
    expect(data.application.requestedOre).toBe(4_034_567n);
    expect(data.defaults.costLines[0]).toEqual({ category: "COURSE_FEE", description: "Kursusafgift", amount: "40.000,01" });
    expect(data.defaults.coFinancing).toBe("12.000,01");
    expect(data.screening.blocked).toBe(false);
    const html = render(data, `/applications/${id}/edit?ok=saved`);
    expect(html).toContain("Kladden er gemt.");
    expect(html).toMatch(/data-testid="amount-total">52\.345,68 kr\./);
    expect(html).toMatch(/data-testid="amount-requested"><strong>40\.345,67 kr\./);
  });

  it("saves an incomplete draft", async () => {
    const id = await createDraft();
    const result = await edit(id, { title: "Kun en titel", intent: "save" });
    expect(result.status).toBe(302);
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).title).toBe("Kun en titel");
  });

  it.each([
    ["an amount that is not an amount", { "costLines[0].amount": "12,345" }, "costLines[0].amount", "validation.amount"],
    ["a negative amount", { "costLines[1].amount": "-5" }, "costLines[1].amount", "applications.error.amountNegative"],
    ["a co-financing that is not an amount", { coFinancing: "ti tusind" }, "coFinancing", "validation.amount"],
    ["participants that are not a number", { participants: "tolv" }, "participants", "validation.integer"],
    ["a date that is not a date", { startDate: "2026-02-30" }, "startDate", "validation.date"],
    ["a start date in year 0000", { startDate: "0000-01-01" }, "startDate", "validation.date"],
    ["an end date in year 9999", { endDate: "9999-12-31" }, "endDate", "validation.date"],
    ["an e-mail that is not an e-mail", { contactEmail: "anna" }, "contactEmail", "validation.email"],
    ["an unknown activity type", { activityType: "PARTY" }, "activityType", "validation.choose"],
    ["an unknown cost type", { "costLines[0].category": "CATERING" }, "costLines[0].category", "validation.choose"],
    ["a primary focus area not chosen", { primaryFocusAreaId: "x" }, "primaryFocusAreaId", "applications.error.primaryNotChosen"],
  ])("refuses %s next to the field and stores nothing", async (_name, override, field, key) => {
    const id = await createDraft();
    const before = await snapshot(id);
    const result = await edit(id, { ...(await validForm(override as Record<string, string>)), intent: "save" });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)[field]).toEqual([key]);
    expect(await snapshot(id)).toEqual(before);
  });

  it("refuses a focus area outside the year's prioritisation (checked on the server)", async () => {
    const id = await createDraft();
    const { focus } = await demo();
    const other = await prisma.focusArea.findFirstOrThrow({ where: { id: { notIn: focus } } });
    const before = await snapshot(id);
    const result = await edit(id, { ...(await validForm({ focusAreaIds: [other.id], primaryFocusAreaId: other.id })), intent: "save" });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ focusAreaIds: ["applications.error.focusAreaNotPrioritised"] });
    expect(await snapshot(id)).toEqual(before);
  });

  it("refuses a contact e-mail outside the allowed domains that is no user's, next to the field, and stores nothing", async () => {
    const id = await createDraft();
    const before = await snapshot(id);
    for (const intent of ["save", "submit"]) {
      const result = await edit(id, { ...(await validForm({ contactEmail: "sikkerhed@phishing.example" })), intent });
      expect(result.status, intent).toBe(400);
      expect(fieldErrors(result).contactEmail, intent).toEqual([
        "Kontaktpersonens e-mail skal være en adresse, der slutter på @demo.aarhus.dk, eller e-mailen på en bruger af Kompetencepuljen. Systemet sender kun beskeder til kommunens egne adresser.",
      ]);
      expect(await snapshot(id)).toEqual(before);
    }
    // A user's own address is accepted, whatever its domain; so is one inside the domain.
    await prisma.user.create({ data: { email: "konsulent@partner.example", name: "Ekstern Konsulent" } });
    expect((await edit(id, { ...(await validForm({ contactEmail: "Konsulent@partner.example" })), intent: "save" })).status).toBe(302);
    expect((await edit(id, { ...(await validForm({ contactEmail: "ny.kollega@demo.aarhus.dk" })), intent: "save" })).status).toBe(302);
  });

  it("never e-mails a contact address outside the allowed domains, even one stored before the rule", async () => {
    const id = await createDraft();
    await edit(id, { ...(await validForm()), intent: "save" });
    await prisma.application.update({ where: { id }, data: { contactEmail: "sikkerhed@phishing.example" } });
    await submitApplication(await actorFor(demoEmail.applicant), { id, content: null });
    const outbox = await prisma.outboxEmail.findMany({ select: { toEmail: true } });
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.map((o) => o.toEmail)).not.toContain("sikkerhed@phishing.example");
    expect(outbox.every((o) => o.toEmail.endsWith("@demo.aarhus.dk"))).toBe(true);
  });

  it("refuses cost lines whose total exceeds the maximum, quoting the numbers, also on a draft, and stores nothing", async () => {
    const id = await createDraft();
    const before = await snapshot(id);
    const max = "999.999.999.999,99";
    const form = { ...(await validForm({ "costLines[0].amount": max, "costLines[1].amount": max })), coFinancing: "0" };
    for (const intent of ["save", "submit"]) {
      const result = await edit(id, { ...form, intent });
      expect(result.status, intent).toBe(400);
      expect(fieldErrors(result).costLines, intent).toEqual([
        "Udgifterne er i alt 1.999.999.999.999,98 kr., men de må tilsammen højst være 999.999.999.999,99 kr.",
      ]);
      expect(await snapshot(id)).toEqual(before);
    }
  });
});

describe("/applications/:id/edit action: without JavaScript and live", () => {
  it("adds and removes cost lines through the server without storing anything", async () => {
    const id = await createDraft();
    const before = await snapshot(id);
    const insert = await edit(id, {
      ...(await validForm()),
      __intent__: JSON.stringify({ type: "insert", payload: { name: "costLines", defaultValue: { category: "", description: "", amount: "" } } }),
    });
    expect(insert.status).toBe(200);
    const reply = (insert.data as { result: { initialValue: { costLines: unknown[] } } }).result;
    expect(reply.initialValue.costLines).toHaveLength(3);
    const remove = await edit(id, { ...(await validForm()), __intent__: JSON.stringify({ type: "remove", payload: { name: "costLines", index: 0 } }) });
    expect(remove.status).toBe(200);
    const after = (remove.data as { result: { initialValue: { costLines: { amount: string }[] } } }).result.initialValue.costLines;
    expect(after.map((l) => l.amount)).toEqual(["12.345,67"]);
    expect(await snapshot(id)).toEqual(before);
  });

  it("screens the typed values without storing them (live screening)", async () => {
    const id = await createDraft();
    const before = await snapshot(id);
    const result = await edit(id, { ...(await validForm({ "costLines[0].amount": "400.000" })), intent: "screen" });
    expect(result.status).toBe(200);
    const screening = (result.data as { screening: { blocked: boolean; verdicts: { kind: string; outcome: string; text: string }[] } }).screening;
    expect(screening.blocked).toBe(true);
    const max = screening.verdicts.find((v) => v.kind === "MAX_AMOUNT")!;
    expect(max.outcome).toBe("fail");
    expect(max.text).toBe("Ansøgt beløb 400.345,66 kr. er over maksimum på 250.000,00 kr.");
    expect(await snapshot(id)).toEqual(before);
    expect(editModule.shouldRevalidate({ formData: (() => { const f = new FormData(); f.set("intent", "screen"); return f; })(), defaultShouldRevalidate: true } as never)).toBe(false);
    // Still checks permission.
    expect((await edit(id, { intent: "screen" }, demoEmail.applicantOtherArea)).status).toBe(404);
    expect((await edit(id, { intent: "screen" }, demoEmail.finance)).status).toBe(403);
  });

  it("answers 400 to a post without a known intent", async () => {
    const id = await createDraft();
    expect((await edit(id, {})).status).toBe(400);
    expect((await edit(id, { intent: "delete" })).status).toBe(400);
  });
});

describe("/applications/:id/edit action: submit", () => {
  it("submits and opens the detail page", async () => {
    const id = await createDraft();
    const outboxBefore = await prisma.outboxEmail.count();
    const result = await edit(id, { ...(await validForm()), intent: "submit" });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/applications/${id}?ok=submitted`);
    const app = await prisma.application.findUniqueOrThrow({ where: { id } });
    expect([app.status, app.versionNo, app.requestedOre]).toEqual(["SUBMITTED", 1, 4_034_567n]);
    expect(await prisma.outboxEmail.count()).toBe(outboxBefore + 2);
  });

  it("puts every missing field's message next to the field and stores nothing — not even the typed values", async () => {
    const id = await createDraft();
    const before = await snapshot(id);
    const result = await edit(id, { title: "Halvfærdig", coFinancing: "", intent: "submit" });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toMatchObject({
      purpose: ["validation.required"],
      focusAreaIds: ["applications.error.focusAreaRequired"],
      participants: ["validation.required"],
      startDate: ["validation.required"],
      endDate: ["validation.required"],
      costLines: ["applications.error.costLinesRequired"],
      expectedEffect: ["validation.required"],
      followUpPlan: ["validation.required"],
    });
    expect(fieldErrors(result).title).toBeUndefined();
    expect(await snapshot(id)).toEqual(before);
  });

  it("shows the co-financing over the total with the total", async () => {
    const id = await createDraft();
    const result = await edit(id, { ...(await validForm({ coFinancing: "60.000" })), intent: "submit" });
    expect(result.status).toBe(400);
    expect(fieldErrors(result).coFinancing).toEqual(["Egenfinansieringen kan ikke være større end de samlede udgifter (52.345,68 kr.)."]);
  });

  it("refuses after the round closed with a Danish message, changing nothing", async () => {
    const id = await createDraft();
    await edit(id, { ...(await validForm()), intent: "save" });
    const { round } = await demo();
    await prisma.round.update({ where: { id: round.id }, data: { closesAt: new Date("2026-11-25T11:00:00Z") } });
    const before = await snapshot(id);
    const result = await edit(id, { ...(await validForm({ title: "Ændret" })), intent: "submit" });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)[""]).toEqual(["Runden lukkede 25.11.2026 kl. 12.00. Ansøgningen kan ikke indsendes."]);
    expect(await snapshot(id)).toEqual(before);
  });

  it("blocks on a failed hard rule and asks for a justification of a soft warning", async () => {
    const id = await createDraft();
    const hard = await edit(id, { ...(await validForm({ "costLines[0].category": "SUBSTITUTE_COVER" })), intent: "submit" });
    expect(hard.status).toBe(400);
    expect(fieldErrors(hard)[""]).toEqual([
      "Tilskudsberettigede udgifter: Udgifter til vikardækning (40.000,01 kr.) er ikke tilskudsberettigede og skal dækkes af egenfinansieringen, som kun er 12.000,01 kr.",
    ]);
    const soft = await edit(id, { ...(await validForm({ participants: "4" })), intent: "submit" });
    expect(soft.status).toBe(400);
    expect(fieldErrors(soft).softRuleJustification).toEqual(["applications.error.justificationRequired"]);
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
    const justified = await edit(id, { ...(await validForm({ participants: "4", softRuleJustification: "Et lille team." })), intent: "submit" });
    expect(justified.status).toBe(302);
  });

  it("is refused for another unit's applicant (404) and other roles (403)", async () => {
    const id = await createDraft();
    const form = { ...(await validForm()), intent: "submit" };
    expect((await edit(id, form, demoEmail.applicantOtherArea)).status).toBe(404);
    expect((await edit(id, form, demoEmail.areaLead)).status).toBe(403);
    expect((await edit(id, form, demoEmail.hmu)).status).toBe(403);
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });
});

describe("/applications/:id/edit action: two people saving one draft", () => {
  const STALE = "applications.error.staleRevision";

  it("refuses the second of two saves opened on the same revision, keeps what was typed, and overwrites nothing", async () => {
    const id = await createDraft();
    const first = await edit(id, { ...(await validForm({ title: "Anna's titel" })), revision: "0", intent: "save" });
    expect(first.status).toBe(302);
    const afterFirst = await snapshot(id);
    expect(afterFirst.app).toMatchObject({ title: "Anna's titel", revision: 1 });

    const second = await edit(id, { ...(await validForm({ title: "Bents titel", purpose: "Bents formål" })), revision: "0", intent: "save" });
    expect(second.status).toBe(400);
    expect(fieldErrors(second)).toEqual({ "": [STALE] });
    expect(await snapshot(id)).toEqual(afterFirst);
    // The reply carries what Bent typed, and the revision he opened (so that a second click is refused too).
    const reply = (second.data as { result: { initialValue: Record<string, unknown> } }).result;
    expect(reply.initialValue).toMatchObject({ title: "Bents titel", purpose: "Bents formål", revision: "0" });
    expect((await edit(id, { ...(await validForm({ title: "Bents titel" })), revision: "0", intent: "save" })).status).toBe(400);

    // Opened again, the form is at the new revision and saves.
    const reopened = (await loadEdit(id)).data as EditData;
    expect(reopened.defaults.revision).toBe("1");
    expect((await edit(id, { ...(await validForm({ title: "Bents titel" })), revision: reopened.defaults.revision, intent: "save" })).status).toBe(302);
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).revision).toBe(2);
  });

  it("lets exactly one of two simultaneous saves from the same revision through", async () => {
    const id = await createDraft();
    const [a, b] = await Promise.all([
      edit(id, { ...(await validForm({ title: "Fra fane A" })), revision: "0", intent: "save" }),
      edit(id, { ...(await validForm({ title: "Fra fane B" })), revision: "0", intent: "save" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([302, 400]);
    const winner = a.status === 302 ? "Fra fane A" : "Fra fane B";
    const stored = await prisma.application.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ title: winner, revision: 1 });
    expect(await auditCount("application.saveDraft")).toBe(1);
  });

  it("refuses a stale submission and one without a revision, changing nothing", async () => {
    const id = await createDraft();
    await edit(id, { ...(await validForm()), revision: "0", intent: "save" });
    const before = await snapshot(id);
    const stale = await edit(id, { ...(await validForm({ title: "Indsendt på en gammel udgave" })), revision: "0", intent: "submit" });
    expect(stale.status).toBe(400);
    expect(fieldErrors(stale)).toEqual({ "": [STALE] });
    const { revision: _omitted, ...withoutRevision } = { ...(await validForm()), revision: "", intent: "save" };
    for (const form of [withoutRevision, { ...withoutRevision, revision: "-1" }, { ...withoutRevision, revision: "1e3" }]) {
      const result = await callAction(editRoute, `/applications/${id}/edit`, { params: { applicationId: id }, cookie: await cookieFor(demoEmail.applicant), form });
      expect(result.status).toBe(400);
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it("shows the refusal with a way to the new version, and keeps the typed text and the old revision in the form", async () => {
    const id = await createDraft();
    await edit(id, { ...(await validForm({ title: "Anna's titel" })), revision: "0", intent: "save" });
    const refused = await edit(id, { ...(await validForm({ title: "Bents titel" })), revision: "0", intent: "save" });
    const loaderData = (await loadEdit(id)).data as EditData;
    const Stub = createRoutesStub([{ id: "edit", path: "/applications/:applicationId/edit", Component: editRoute.default as ComponentType, loader: () => loaderData, action: () => refused.data }]);
    const html = renderToString(
      createElement(Stub, { initialEntries: [`/applications/${id}/edit`], hydrationData: { loaderData: { edit: loaderData }, actionData: { edit: refused.data } } }),
    );
    expect(html).toContain("Ansøgningen er ændret af en anden, siden du åbnede den, så dine ændringer er ikke gemt.");
    expect(html).toContain(`<a href="/applications/${id}/edit">Åbn den nye udgave af ansøgningen`);
    expect(html).toContain('value="Bents titel"');
    expect(html).toMatch(/<input type="hidden" name="revision" value="0"\/>/);
  });
});
