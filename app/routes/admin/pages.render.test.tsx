// Renders the organisation and user admin pages on the server with the data
// their real loaders return (and the replies their real actions give), to
// check the markup: labels, errors next to fields, links by permission.
import type { ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { cookieFor, demoEmail, resetToDemo } from "../../../tests/db-utils";
import { callAction, callLoader, type RouteModule } from "../../../tests/route-utils";
import * as orgIndex from "../organisation/index";
import * as unitPage from "../organisation/unit";
import * as areaEdit from "./area-edit";
import * as areaNew from "./area-new";
import * as unitEdit from "./unit-edit";
import * as unitNew from "./unit-new";
import * as userEdit from "./user-edit";
import * as userNew from "./user-new";
import * as users from "./users";

beforeEach(resetToDemo);

type PageModule = { default: ComponentType };

async function render(
  module: PageModule,
  path: string,
  options: { params?: Record<string, string>; email?: string; post?: Record<string, string | string[]>; pattern: string },
): Promise<string> {
  const cookie = await cookieFor(options.email ?? demoEmail.admin);
  const route = module as unknown as RouteModule;
  let actionData: unknown;
  if (options.post) {
    const reply = await callAction(route, path, { params: options.params, cookie, form: options.post });
    expect(reply.status).toBe(400);
    actionData = reply.data;
  }
  const loaded = await callLoader(route, path, { params: options.params, cookie });
  expect(loaded.status).toBe(200);
  const Stub = createRoutesStub([{ id: "page", path: options.pattern, Component: module.default }]);
  return renderToString(
    <Stub
      initialEntries={[path]}
      hydrationData={{ loaderData: { page: loaded.data }, ...(actionData ? { actionData: { page: actionData } } : {}) }}
    />,
  );
}

async function ids() {
  const area = await prisma.area.findUniqueOrThrow({ where: { code: "BUU" } });
  const unit = await prisma.unit.findFirstOrThrow({ where: { areaId: area.id, name: "Center for Familieindsatser" } });
  const user = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant } });
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.admin } });
  return { area: area.id, unit: unit.id, user: user.id, admin: admin.id };
}

describe("organisation pages", () => {
  it("shows admins the create and edit links", async () => {
    const html = await render(orgIndex, "/organisation", { pattern: "/organisation" });
    expect(html).toContain("<h1>Organisation</h1>");
    expect(html).toContain("Opret område");
    expect(html).toContain("Opret enhed");
    expect(html).toContain('href="/admin/areas/');
    expect(html).toContain('href="/admin/units/');
    expect(html).toContain("Mette Kjær");
  });

  it("shows an applicant plain names, one link to their own unit, and no admin links", async () => {
    const { unit } = await ids();
    const html = await render(orgIndex, "/organisation", { pattern: "/organisation", email: demoEmail.applicant });
    expect(html).not.toContain("Opret område");
    expect(html).not.toContain('href="/admin/');
    expect(html.match(/href="\/organisation\/units\//g)).toHaveLength(1);
    expect(html).toContain(`href="/organisation/units/${unit}"`);
    expect(html).toContain("Center for Bo- og Dagtilbud");
  });

  it("renders a unit page with its staff table", async () => {
    const { unit } = await ids();
    const html = await render(unitPage, `/organisation/units/${unit}`, { pattern: "/organisation/units/:unitId", params: { unitId: unit } });
    expect(html).toContain("<h1>Center for Familieindsatser</h1>");
    expect(html).toContain("Omkostningssted");
    expect(html).toContain('<th scope="col">E-mail</th>');
    expect(html).toContain("Anna Andersen");
    expect(html).toContain("Ansøger");
  });
});

describe("organisation admin forms", () => {
  it("renders the new area form and its errors next to the fields", async () => {
    const html = await render(areaNew, "/admin/areas/new", {
      pattern: "/admin/areas/new",
      post: { code: "BUU", name: "Børn igen", active: "on" },
    });
    expect(html).toContain("Opret forvaltningsområde");
    expect(html).toContain("Koden bruges allerede af et andet område.");
    expect(html).toContain('value="Børn igen"'); // the typed values stay
    expect(html).toMatch(/aria-invalid="true"[^>]*name="code"|name="code"[^>]*aria-invalid="true"/);
  });

  it("renders the edit area form with the current values", async () => {
    const { area } = await ids();
    const html = await render(areaEdit, `/admin/areas/${area}`, { pattern: "/admin/areas/:areaId", params: { areaId: area } });
    expect(html).toContain('value="BUU"');
    expect(html).toContain('value="Børn, Unge og Uddannelse"');
    expect(html).toMatch(/name="active"[^>]*checked/);
  });

  it("renders the unit forms, with a cycle error next to the parent", async () => {
    const { area, unit } = await ids();
    expect(await render(unitNew, "/admin/units/new", { pattern: "/admin/units/new" })).toContain("Overordnet enhed");
    const child = await prisma.unit.create({ data: { areaId: area, parentId: unit, name: "Underenhed" } });
    const html = await render(unitEdit, `/admin/units/${unit}`, {
      pattern: "/admin/units/:unitId",
      params: { unitId: unit },
      post: { areaId: area, parentId: child.id, name: "Center for Familieindsatser", active: "on" },
    });
    expect(html).toContain("En enhed kan ikke ligge under sig selv");
  });
});

describe("user admin pages", () => {
  it("renders the list with its filter form", async () => {
    const html = await render(users, "/admin/users?q=anna", { pattern: "/admin/users" });
    expect(html).toContain("<h1>Brugere</h1>");
    expect(html).toContain('method="get"');
    expect(html).toContain('value="anna"');
    expect(html).toContain("Anna Andersen");
    expect(html).not.toContain("Adam Ahmadi");
  });

  it("renders the new user form with seven role checkboxes and errors", async () => {
    const html = await render(userNew, "/admin/users/new", {
      pattern: "/admin/users/new",
      post: { email: demoEmail.hmu, name: "X", roles: ["AREA_LEAD"], password: "hemmelig-adgangskode" },
    });
    expect(html.match(/type="checkbox"[^>]*name="roles"|name="roles"[^>]*type="checkbox"/g)).toHaveLength(7);
    expect(html).toContain("Vælg det område, som forvaltningschefen / centerchefen leder.");
    expect(html).not.toContain("hemmelig-adgangskode");
    expect(html).toContain("Mindst 10 tegn og svær at gætte.");
  });

  it("ticks no role on a new user, and marks the area field optional until the area-lead role is ticked", async () => {
    const areaLabel = (html: string) => html.match(/<label[^>]*for="[^"]*leadAreaId"[^>]*>(.*?)<\/label>/)?.[1] ?? "";
    const blank = await render(userNew, "/admin/users/new", { pattern: "/admin/users/new" });
    expect(blank.match(/name="roles"/g)).toHaveLength(7);
    expect(blank).not.toMatch(/<input[^>]*name="roles"[^>]*checked|<input[^>]*checked=""[^>]*name="roles"/);
    expect(areaLabel(blank)).toContain("Område, som brugeren leder");
    expect(areaLabel(blank)).toContain("(valgfri)");

    const lead = await render(userNew, "/admin/users/new", {
      pattern: "/admin/users/new",
      post: { email: "ny.leder@example.dk", name: "Ny Leder", roles: ["AREA_LEAD"], password: "hemmelig-adgangskode" },
    });
    expect(areaLabel(lead)).toContain("Område, som brugeren leder");
    expect(areaLabel(lead)).not.toContain("(valgfri)");
    expect(lead).toContain("Vælg det område, som forvaltningschefen / centerchefen leder.");
  });

  it("renders the edit page with the confirmation step", async () => {
    const { user } = await ids();
    const html = await render(userEdit, `/admin/users/${user}?confirm=deactivate`, { pattern: "/admin/users/:userId", params: { userId: user } });
    expect(html).toContain("Er du sikker?");
    expect(html).toContain("Ja, deaktiver brugeren");
    expect(html).toContain('name="confirmed" value="yes"');
    expect(html).toContain('name="roles" checked="" value="APPLICANT"');
    expect(html).toContain('name="roles" value="ADMIN"');
  });

  it("shows the self-deactivation error as a form error", async () => {
    const { admin } = await ids();
    const html = await render(userEdit, `/admin/users/${admin}`, {
      pattern: "/admin/users/:userId",
      params: { userId: admin },
      post: { intent: "setActive", active: "false", confirmed: "yes" },
    });
    expect(html).toContain('role="alert"');
    expect(html).toContain("Du kan ikke deaktivere dig selv.");
    expect(html).not.toContain("Deaktiver bruger<");
  });
});
