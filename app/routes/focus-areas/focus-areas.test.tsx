import type { ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { ROLES } from "~/domain/permissions";
import { prisma } from "~/utils/db.server";
import { DEMO_FOCUS_AREAS } from "../../../prisma/seed-data";
import { auditCount, cookieFor, demoEmail, demoEmailFor, resetToDemo } from "../../../tests/db-utils";
import { callAction, callLoader, fieldErrors, type RouteModule } from "../../../tests/route-utils";
import * as editModule from "./edit";
import * as indexModule from "./index";

const indexRoute = indexModule as unknown as RouteModule & { default: ComponentType };
const editRoute = editModule as unknown as RouteModule & { default: ComponentType };

beforeEach(resetToDemo);

const MANAGERS = ["SECRETARIAT", "LEADERSHIP"];

function render(module: { default: ComponentType }, pattern: string, url: string, loaderData: unknown, actionData?: unknown): string {
  const Stub = createRoutesStub([{ id: "page", path: pattern, Component: module.default }]);
  return renderToString(
    <Stub initialEntries={[url]} hydrationData={{ loaderData: { page: loaderData }, ...(actionData ? { actionData: { page: actionData } } : {}) }} />,
  );
}

async function focusAreaId(name: string): Promise<string> {
  return (await prisma.focusArea.findUniqueOrThrow({ where: { name } })).id;
}

describe("/focus-areas", () => {
  it("shows everyone the catalogue, and the create form only to the secretariat and the leadership", async () => {
    for (const role of ROLES) {
      const result = await callLoader(indexRoute, "/focus-areas", { cookie: await cookieFor(demoEmailFor(role)) });
      expect(result.status, role).toBe(200);
      const data = result.data as Awaited<ReturnType<typeof indexModule.loader>>;
      expect(data.focusAreas).toHaveLength(DEMO_FOCUS_AREAS.length);
      expect(data.canManage, role).toBe(MANAGERS.includes(role));
      const html = render(indexRoute, "/focus-areas", "/focus-areas", data);
      expect(html).toContain("Forebyggelse af vold og trusler");
      expect(html.includes('id="focus-area-create"'), role).toBe(MANAGERS.includes(role));
      expect(html.includes('href="/focus-areas/'), role).toBe(MANAGERS.includes(role));
    }
  });

  it("names each edit link by its visible word first (WCAG 2.5.3): 'Rediger' and the focus area's name", async () => {
    const result = await callLoader(indexRoute, "/focus-areas", { cookie: await cookieFor(demoEmail.secretariat) });
    const html = render(indexRoute, "/focus-areas", "/focus-areas", result.data).replace(/<!-- -->/g, "");
    const links = [...html.matchAll(/<a[^>]*href="\/focus-areas\/[^"]+"[^>]*>(.*?)<\/a>/g)];
    expect(links.length).toBe(DEMO_FOCUS_AREAS.length);
    for (const [whole, inner] of links) {
      expect(whole).not.toContain("aria-label");
      expect(inner).toMatch(/^Rediger<span class="sr-only"> .+<\/span>$/);
    }
  });

  it("creates a focus area and audits it", async () => {
    const result = await callAction(indexRoute, "/focus-areas", {
      cookie: await cookieFor(demoEmail.leadership),
      form: { name: "Rekruttering og fastholdelse", description: "Tiltrække og fastholde medarbejdere." },
    });
    expect(result.status).toBe(302);
    const created = await prisma.focusArea.findUniqueOrThrow({ where: { name: "Rekruttering og fastholdelse" } });
    expect(result.location).toBe(`/focus-areas?ok=created#focus-area-${created.id}`);
    expect(created).toMatchObject({ description: "Tiltrække og fastholde medarbejdere.", active: true });
    expect(await auditCount("focusArea.create")).toBe(1);
  });

  it("puts a clear Danish message next to a name already in use, and creates nothing", async () => {
    const cookie = await cookieFor(demoEmail.secretariat);
    const before = { rows: await prisma.focusArea.count(), audits: await auditCount() };
    const clash = await callAction(indexRoute, "/focus-areas", { cookie, form: { name: "LEDELSESKRAFT" } });
    expect(clash.status).toBe(400);
    expect(fieldErrors(clash)).toEqual({ name: ["Der findes allerede et fokusområde med navnet »LEDELSESKRAFT«."] });
    const empty = await callAction(indexRoute, "/focus-areas", { cookie, form: { name: "", description: "x".repeat(1001) } });
    expect(fieldErrors(empty)).toEqual({ name: ["validation.required"], description: ["validation.tooLong"] });
    expect({ rows: await prisma.focusArea.count(), audits: await auditCount() }).toEqual(before);

    const page = await callLoader(indexRoute, "/focus-areas", { cookie });
    const html = render(indexRoute, "/focus-areas", "/focus-areas", page.data, clash.data);
    expect(html).toContain("Der findes allerede et fokusområde med navnet »LEDELSESKRAFT«.");
    expect(html).toContain('aria-invalid="true"');
  });

  it("refuses everyone else (403), creating nothing", async () => {
    for (const role of ROLES.filter((r) => !MANAGERS.includes(r))) {
      const result = await callAction(indexRoute, "/focus-areas", { cookie: await cookieFor(demoEmailFor(role)), form: { name: "Forbudt" } });
      expect(result.status, role).toBe(403);
    }
    expect(await prisma.focusArea.count({ where: { name: "Forbudt" } })).toBe(0);
  });
});

describe("/focus-areas/:focusAreaId", () => {
  it("edits and deactivates a focus area (unchecked box = inactive)", async () => {
    const id = await focusAreaId("Ledelseskraft");
    const cookie = await cookieFor(demoEmail.secretariat);
    const page = await callLoader(editRoute, `/focus-areas/${id}`, { params: { focusAreaId: id }, cookie });
    expect(page.status).toBe(200);
    const html = render(editRoute, "/focus-areas/:focusAreaId", `/focus-areas/${id}`, page.data);
    expect(html).toContain("Ret fokusområdet: Ledelseskraft");
    expect(html).toMatch(/type="checkbox"[^>]*checked=""/);

    const result = await callAction(editRoute, `/focus-areas/${id}`, { params: { focusAreaId: id }, cookie, form: { name: "Ledelseskraft", description: "Ny" } });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/focus-areas?ok=saved#focus-area-${id}`);
    expect(await prisma.focusArea.findUniqueOrThrow({ where: { id } })).toMatchObject({ description: "Ny", active: false });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "focusArea.update", entityId: id } });
    expect(event.before).toMatchObject({ active: true });
    expect(event.after).toMatchObject({ active: false, description: "Ny" });

    const again = await callAction(editRoute, `/focus-areas/${id}`, { params: { focusAreaId: id }, cookie, form: { name: "Ledelseskraft", active: "on" } });
    expect(again.status).toBe(302);
    expect((await prisma.focusArea.findUniqueOrThrow({ where: { id } })).active).toBe(true);
  });

  it("refuses another focus area's name next to the field, changing nothing", async () => {
    const id = await focusAreaId("Ledelseskraft");
    const audits = await auditCount();
    const result = await callAction(editRoute, `/focus-areas/${id}`, {
      params: { focusAreaId: id },
      cookie: await cookieFor(demoEmail.leadership),
      form: { name: "Faglig udvikling", active: "on" },
    });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ name: ["Der findes allerede et fokusområde med navnet »Faglig udvikling«."] });
    expect((await prisma.focusArea.findUniqueOrThrow({ where: { id } })).name).toBe("Ledelseskraft");
    expect(await auditCount()).toBe(audits);
  });

  it("answers 403 to other roles and 404 to an unknown focus area", async () => {
    const id = await focusAreaId("Ledelseskraft");
    for (const role of ROLES) {
      const cookie = await cookieFor(demoEmailFor(role));
      const expected = MANAGERS.includes(role) ? 200 : 403;
      expect((await callLoader(editRoute, `/focus-areas/${id}`, { params: { focusAreaId: id }, cookie })).status, role).toBe(expected);
      const action = await callAction(editRoute, `/focus-areas/${id}`, { params: { focusAreaId: id }, cookie, form: { name: "Ændret", active: "on" } });
      expect(action.status, role).toBe(MANAGERS.includes(role) ? 302 : 403);
      if (MANAGERS.includes(role)) await prisma.focusArea.update({ where: { id }, data: { name: "Ledelseskraft" } });
      const missing = await callLoader(editRoute, "/focus-areas/nope", { params: { focusAreaId: "nope" }, cookie });
      expect(missing.status, role).toBe(MANAGERS.includes(role) ? 404 : 403);
    }
  });
});
