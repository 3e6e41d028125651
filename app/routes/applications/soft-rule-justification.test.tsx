// The soft-rule justification on the application form: once the screening shows
// a warning the field is required and says why, and a refused submit lists it
// in the error summary at the top of the form with a link to it.
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/utils/db.server";
import { cookieFor, demoEmail, resetToDemo } from "../../../tests/db-utils";
import { callAction, callLoader, type RouteModule } from "../../../tests/route-utils";
import * as editModule from "./edit";
import * as newModule from "./new";

const editRoute = editModule as unknown as RouteModule & typeof editModule;
const newRoute = newModule as unknown as RouteModule & typeof newModule;

const NOW = new Date("2026-11-26T12:00:00Z");
const REQUIRED_LABEL = "Begrundelse for afvigelser (skal udfyldes, fordi vurderingen viser en advarsel)";

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW, shouldAdvanceTime: true });
  await resetToDemo();
});
afterEach(() => {
  vi.useRealTimers();
});

async function createDraft(): Promise<string> {
  const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" } });
  const applicant = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant } });
  const result = await callAction(newRoute, "/applications/new", { cookie: await cookieFor(demoEmail.applicant), form: { roundId: round.id, unitId: applicant.unitId! } });
  expect(result.status).toBe(302);
  return /\/applications\/([^/]+)\/edit/.exec(result.location!)![1]!;
}

/** A complete application; `participants` below the soft minimum (8) gives a warning. */
async function form(participants: string): Promise<Record<string, string | string[]>> {
  const prioritisation = await prisma.prioritisation.findFirstOrThrow({ include: { focusAreas: { orderBy: { rank: "asc" } } } });
  const focus = prioritisation.focusAreas.map((fa) => fa.focusAreaId);
  const vjh = await prisma.area.findUniqueOrThrow({ where: { code: "VJH" } });
  return {
    contactName: "Anna Andersen",
    contactEmail: "ansoeger@demo.aarhus.dk",
    title: "Konflikthåndtering",
    purpose: "Færre episoder med vold og trusler.",
    targetGroup: "Frontpersonale",
    participants,
    activityType: "COURSE",
    startDate: "2026-12-21",
    endDate: "2026-12-22",
    "costLines[0].category": "COURSE_FEE",
    "costLines[0].description": "Kursusafgift",
    "costLines[0].amount": "40.000",
    coFinancing: "12.000",
    focusAreaIds: [focus[0]!],
    primaryFocusAreaId: focus[0]!,
    partnerAreaIds: [vjh.id],
    expectedEffect: "Tryggere medarbejdere.",
    followUpPlan: "Måling efter tre måneder.",
    softRuleJustification: "",
  };
}

async function post(id: string, fields: Record<string, string | string[]>) {
  const stored = await prisma.application.findUniqueOrThrow({ where: { id }, select: { revision: true } });
  return callAction(editRoute, `/applications/${id}/edit`, {
    params: { applicationId: id },
    cookie: await cookieFor(demoEmail.applicant),
    form: { ...fields, revision: String(stored.revision) },
  });
}

async function renderEdit(id: string, actionData?: unknown): Promise<string> {
  const loaded = await callLoader(editRoute, `/applications/${id}/edit`, { params: { applicationId: id }, cookie: await cookieFor(demoEmail.applicant) });
  expect(loaded.status).toBe(200);
  const Stub = createRoutesStub([
    { id: "edit", path: "/applications/:applicationId/edit", Component: editRoute.default as ComponentType, loader: () => loaded.data, action: () => actionData },
  ]);
  return renderToString(
    createElement(Stub, {
      initialEntries: [`/applications/${id}/edit`],
      hydrationData: { loaderData: { edit: loaded.data }, ...(actionData ? { actionData: { edit: actionData } } : {}) },
    }),
  );
}

/** The label of the justification field, and the id of its textarea. */
function justification(html: string): { label: string; id: string } {
  const textarea = /<textarea[^>]*name="softRuleJustification"[^>]*>/.exec(html)?.[0] ?? "";
  const id = /id="([^"]+)"/.exec(textarea)?.[1] ?? "";
  const label = new RegExp(`<label class="form-label" for="${id.replace(/[[\].]/g, "\\$&")}">(.*?)</label>`).exec(html)?.[1] ?? "";
  return { label: label.replace(/<[^>]+>/g, ""), id };
}

describe("the soft-rule justification", () => {
  it("is optional while the screening shows no warning", async () => {
    const id = await createDraft();
    expect((await post(id, { ...(await form("12")), intent: "save" })).status).toBe(302);
    const { label } = justification(await renderEdit(id));
    expect(label).toBe("Begrundelse for afvigelser (valgfri)");
  });

  it("is labelled required, and why, once the screening shows a warning", async () => {
    const id = await createDraft();
    expect((await post(id, { ...(await form("5")), intent: "save" })).status).toBe(302);
    const html = await renderEdit(id);
    const { label } = justification(html);
    expect(label).toBe(REQUIRED_LABEL);
    expect(html).not.toContain("Begrundelse for afvigelser (valgfri)");
  });

  it("is listed in the error summary at the top of the form, with a link to it, after a refused submit", async () => {
    const id = await createDraft();
    const refused = await post(id, { ...(await form("5")), intent: "submit" });
    expect(refused.status).toBe(400);
    const html = await renderEdit(id, refused.data);
    const { id: fieldId, label } = justification(html);
    expect(label).toMatch(/^Begrundelse for afvigelser \(skal udfyldes, fordi vurderingen viser \d+ advarsler\)$/);
    const summary = /<div[^>]*data-testid="error-summary"[^>]*>.*?<\/ul>/s.exec(html)?.[0] ?? "";
    expect(summary).toContain(
      `<a href="#${fieldId}" class="function-link">Ansøgningen har advarsler fra den formelle vurdering. Skriv en begrundelse for, at den alligevel bør støttes.</a>`,
    );
    // At the top: before the form's first section.
    expect(html.indexOf('data-testid="error-summary"')).toBeLessThan(html.indexOf('id="section-about"'));
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });
});
