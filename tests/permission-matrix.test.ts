// Walks every route × every demo role (and an anonymous visitor) and compares
// the status of each loader and action with the table below. A route added to
// app/routes.ts without a row here fails the test; so does a loader or action
// without a case.
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/domain/permissions";
import routes from "~/routes";
import { cookieFor, demoEmailFor } from "./db-utils";
import { seedRouteFixtures, type Ids } from "./route-fixtures";
import { callAction, callLoader, type RouteModule } from "./route-utils";

type Who = Role | "ANONYMOUS";
const EVERYONE: readonly Who[] = [...ROLES, "ANONYMOUS"];

/** Expected status per visitor; the rest of the visitors get `otherwise`. */
type Expectation = { only: Partial<Record<Who, number>>; otherwise: number };

const allLoggedIn = (status: number): Partial<Record<Who, number>> =>
  Object.fromEntries(ROLES.map((role) => [role, status]));

/** Logged-in roles listed get `status`, other logged-in roles 403, anonymous → login. */
function rolesOnly(status: number, roles: readonly Role[]): Expectation {
  return { only: { ...allLoggedIn(403), ...Object.fromEntries(roles.map((r) => [r, status])), ANONYMOUS: 302 }, otherwise: 403 };
}
const everyoneLoggedIn = (status = 200): Expectation => ({ only: { ...allLoggedIn(status), ANONYMOUS: 302 }, otherwise: status });
const publicPage = (status = 200): Expectation => ({ only: {}, otherwise: status });

interface Case {
  file: string;
  name: string;
  path: (ids: Ids) => string;
  params?: (ids: Ids) => Record<string, string>;
  loader?: Expectation;
  action?: Expectation;
}


const ADMIN_ONLY_PAGE = rolesOnly(200, ["ADMIN"]);
/** Who reads application content: never HMU (aggregates only) nor admin. */
const APPLICATION_READERS: Role[] = ["APPLICANT", "AREA_LEAD", "SECRETARIAT", "LEADERSHIP", "FINANCE"];
const ADMIN_ONLY_FORM = rolesOnly(400, ["ADMIN"]);
/** A draft is the applying unit's own until submitted: other readers get 404, as if it did not exist. */
const DRAFT_READERS_404 = { AREA_LEAD: 404, SECRETARIAT: 404, LEADERSHIP: 404, FINANCE: 404 } as const;

const CASES: Case[] = [
  { file: "routes/home.tsx", name: "home", path: () => "/", loader: everyoneLoggedIn() },
  { file: "routes/login.tsx", name: "login", path: () => "/login", loader: { only: { ...allLoggedIn(302), ANONYMOUS: 200 }, otherwise: 200 }, action: publicPage(400) },
  { file: "routes/logout.tsx", name: "logout", path: () => "/logout", loader: publicPage(302), action: publicPage(302) },
  { file: "routes/language.tsx", name: "language", path: () => "/language", loader: publicPage(302), action: publicPage(302) },
  { file: "routes/accessibility.tsx", name: "accessibility statement (no loader: static, public)", path: () => "/accessibility" },
  { file: "routes/healthz.ts", name: "health check", path: () => "/healthz", loader: publicPage(200) },

  { file: "routes/organisation/index.tsx", name: "organisation", path: () => "/organisation", loader: everyoneLoggedIn() },
  {
    file: "routes/organisation/unit.tsx",
    name: "own unit of the applicant",
    path: (ids) => `/organisation/units/${ids.ownUnit}`,
    params: (ids) => ({ unitId: ids.ownUnit }),
    loader: { only: { ...allLoggedIn(200), HMU: 403, ANONYMOUS: 302 }, otherwise: 200 },
  },
  {
    file: "routes/organisation/unit.tsx",
    name: "another unit in the applicant's area",
    path: (ids) => `/organisation/units/${ids.sameAreaUnit}`,
    params: (ids) => ({ unitId: ids.sameAreaUnit }),
    loader: { only: { ...allLoggedIn(200), APPLICANT: 404, HMU: 403, ANONYMOUS: 302 }, otherwise: 200 },
  },
  {
    file: "routes/organisation/unit.tsx",
    name: "a unit in another area",
    path: (ids) => `/organisation/units/${ids.otherAreaUnit}`,
    params: (ids) => ({ unitId: ids.otherAreaUnit }),
    loader: { only: { ...allLoggedIn(200), APPLICANT: 404, AREA_LEAD: 404, HMU: 403, ANONYMOUS: 302 }, otherwise: 200 },
  },
  {
    file: "routes/organisation/unit.tsx",
    name: "a unit that does not exist",
    path: () => "/organisation/units/nope",
    params: () => ({ unitId: "nope" }),
    loader: { only: { ...allLoggedIn(404), HMU: 403, ANONYMOUS: 302 }, otherwise: 404 },
  },

  { file: "routes/admin/area-new.tsx", name: "new area", path: () => "/admin/areas/new", loader: ADMIN_ONLY_PAGE, action: ADMIN_ONLY_FORM },
  {
    file: "routes/admin/area-edit.tsx",
    name: "edit area",
    path: (ids) => `/admin/areas/${ids.buuArea}`,
    params: (ids) => ({ areaId: ids.buuArea }),
    loader: ADMIN_ONLY_PAGE,
    action: ADMIN_ONLY_FORM,
  },
  { file: "routes/admin/unit-new.tsx", name: "new unit", path: () => "/admin/units/new", loader: ADMIN_ONLY_PAGE, action: ADMIN_ONLY_FORM },
  {
    file: "routes/admin/unit-edit.tsx",
    name: "edit unit",
    path: (ids) => `/admin/units/${ids.otherAreaUnit}`,
    params: (ids) => ({ unitId: ids.otherAreaUnit }),
    loader: ADMIN_ONLY_PAGE,
    action: ADMIN_ONLY_FORM,
  },
  { file: "routes/admin/users.tsx", name: "users", path: () => "/admin/users", loader: ADMIN_ONLY_PAGE },
  { file: "routes/admin/user-new.tsx", name: "new user", path: () => "/admin/users/new", loader: ADMIN_ONLY_PAGE, action: ADMIN_ONLY_FORM },
  {
    file: "routes/admin/user-edit.tsx",
    name: "edit user",
    path: (ids) => `/admin/users/${ids.someUser}`,
    params: (ids) => ({ userId: ids.someUser }),
    loader: ADMIN_ONLY_PAGE,
    action: ADMIN_ONLY_FORM,
  },

  { file: "routes/pool-years/index.tsx", name: "pool years", path: () => "/pool-years", loader: everyoneLoggedIn() },
  { file: "routes/pool-years/new.tsx", name: "new pool year", path: () => "/pool-years/new", loader: rolesOnly(200, ["FINANCE"]), action: rolesOnly(400, ["FINANCE"]) },
  {
    file: "routes/pool-years/year.tsx",
    name: "pool year 2026",
    path: () => "/pool-years/2026",
    params: () => ({ year: "2026" }),
    loader: everyoneLoggedIn(),
    action: rolesOnly(400, ["FINANCE"]),
  },
  {
    file: "routes/pool-years/year.tsx",
    name: "a pool year that does not exist",
    path: () => "/pool-years/2099",
    params: () => ({ year: "2099" }),
    loader: everyoneLoggedIn(404),
  },

  { file: "routes/audit.tsx", name: "audit log", path: () => "/audit", loader: rolesOnly(200, ["ADMIN", "SECRETARIAT"]) },

  { file: "routes/applications/index.tsx", name: "application lists", path: () => "/applications", loader: rolesOnly(200, APPLICATION_READERS), action: rolesOnly(400, ["AREA_LEAD"]) },
  { file: "routes/applications/new.tsx", name: "new application", path: () => "/applications/new", loader: rolesOnly(200, ["APPLICANT"]), action: rolesOnly(400, ["APPLICANT"]) },
  { file: "routes/applications/statistics.tsx", name: "aggregate figures", path: () => "/applications/statistics", loader: everyoneLoggedIn() },
  {
    file: "routes/applications/application.tsx",
    name: "a submitted application of the applicant's unit",
    path: (ids) => `/applications/${ids.ownApplication}`,
    params: (ids) => ({ applicationId: ids.ownApplication }),
    loader: rolesOnly(200, APPLICATION_READERS),
    action: rolesOnly(400, ["APPLICANT", "AREA_LEAD", "SECRETARIAT"]),
  },
  {
    file: "routes/applications/application.tsx",
    name: "a submitted application of another area",
    path: (ids) => `/applications/${ids.otherAreaSubmitted}`,
    params: (ids) => ({ applicationId: ids.otherAreaSubmitted }),
    loader: { ...rolesOnly(200, APPLICATION_READERS), only: { ...rolesOnly(200, APPLICATION_READERS).only, APPLICANT: 404, AREA_LEAD: 404 } },
    action: { ...rolesOnly(400, ["SECRETARIAT"]), only: { ...rolesOnly(400, ["SECRETARIAT"]).only, APPLICANT: 404, AREA_LEAD: 404 } },
  },
  {
    file: "routes/applications/application.tsx",
    name: "a draft of the applicant's unit",
    path: (ids) => `/applications/${ids.ownDraft}`,
    params: (ids) => ({ applicationId: ids.ownDraft }),
    loader: { ...rolesOnly(200, ["APPLICANT"]), only: { ...rolesOnly(200, ["APPLICANT"]).only, ...DRAFT_READERS_404 } },
    action: { ...rolesOnly(400, ["APPLICANT"]), only: { ...rolesOnly(400, ["APPLICANT"]).only, AREA_LEAD: 404, SECRETARIAT: 404 } },
  },
  {
    file: "routes/applications/application.tsx",
    name: "a draft of another area",
    path: (ids) => `/applications/${ids.otherAreaApplication}`,
    params: (ids) => ({ applicationId: ids.otherAreaApplication }),
    loader: { ...rolesOnly(200, []), only: { ...rolesOnly(200, []).only, APPLICANT: 404, ...DRAFT_READERS_404 } },
    action: { ...rolesOnly(400, []), only: { ...rolesOnly(400, []).only, APPLICANT: 404, AREA_LEAD: 404, SECRETARIAT: 404 } },
  },
  {
    file: "routes/applications/edit.tsx",
    name: "edit a draft of the applicant's unit",
    path: (ids) => `/applications/${ids.ownDraft}/edit`,
    params: (ids) => ({ applicationId: ids.ownDraft }),
    loader: rolesOnly(200, ["APPLICANT"]),
    action: rolesOnly(400, ["APPLICANT"]),
  },
  {
    file: "routes/applications/edit.tsx",
    name: "edit a draft of another area",
    path: (ids) => `/applications/${ids.otherAreaApplication}/edit`,
    params: (ids) => ({ applicationId: ids.otherAreaApplication }),
    loader: { ...rolesOnly(200, []), only: { ...rolesOnly(200, []).only, APPLICANT: 404 } },
    action: { ...rolesOnly(400, []), only: { ...rolesOnly(400, []).only, APPLICANT: 404 } },
  },
  {
    file: "routes/applications/versions.tsx",
    name: "versions of an application",
    path: (ids) => `/applications/${ids.ownApplication}/versions`,
    params: (ids) => ({ applicationId: ids.ownApplication }),
    loader: rolesOnly(200, APPLICATION_READERS),
  },
  {
    file: "routes/applications/versions.tsx",
    name: "versions of a draft of the applicant's unit",
    path: (ids) => `/applications/${ids.ownDraft}/versions`,
    params: (ids) => ({ applicationId: ids.ownDraft }),
    loader: { ...rolesOnly(200, ["APPLICANT"]), only: { ...rolesOnly(200, ["APPLICANT"]).only, ...DRAFT_READERS_404 } },
  },
  {
    file: "routes/applications/attachments.tsx",
    name: "upload to a draft of the applicant's unit",
    path: (ids) => `/applications/${ids.ownDraft}/attachments`,
    params: (ids) => ({ applicationId: ids.ownDraft }),
    action: rolesOnly(400, ["APPLICANT"]),
  },
  {
    file: "routes/attachments/download.ts",
    name: "an attachment of the applicant's unit",
    path: (ids) => `/attachments/${ids.ownAttachment}`,
    params: (ids) => ({ attachmentId: ids.ownAttachment }),
    loader: rolesOnly(200, APPLICATION_READERS),
  },
  {
    file: "routes/attachments/download.ts",
    name: "an attachment of a submitted application of another area",
    path: (ids) => `/attachments/${ids.otherAreaSubmittedAttachment}`,
    params: (ids) => ({ attachmentId: ids.otherAreaSubmittedAttachment }),
    loader: { ...rolesOnly(200, APPLICATION_READERS), only: { ...rolesOnly(200, APPLICATION_READERS).only, APPLICANT: 404, AREA_LEAD: 404 } },
  },
  {
    file: "routes/attachments/download.ts",
    name: "an attachment of a draft of the applicant's unit",
    path: (ids) => `/attachments/${ids.ownDraftAttachment}`,
    params: (ids) => ({ attachmentId: ids.ownDraftAttachment }),
    loader: { ...rolesOnly(200, ["APPLICANT"]), only: { ...rolesOnly(200, ["APPLICANT"]).only, ...DRAFT_READERS_404 } },
  },
  {
    file: "routes/attachments/download.ts",
    name: "an attachment of a draft of another area",
    path: (ids) => `/attachments/${ids.otherAreaAttachment}`,
    params: (ids) => ({ attachmentId: ids.otherAreaAttachment }),
    loader: { ...rolesOnly(200, []), only: { ...rolesOnly(200, []).only, APPLICANT: 404, ...DRAFT_READERS_404 } },
  },
  { file: "routes/notifications.tsx", name: "notifications", path: () => "/notifications", loader: everyoneLoggedIn(), action: everyoneLoggedIn(400) },

  {
    file: "routes/priorities/index.tsx",
    name: "priorities of 2026",
    path: () => "/pool-years/2026/priorities",
    params: () => ({ year: "2026" }),
    loader: everyoneLoggedIn(),
  },
  {
    file: "routes/priorities/new.tsx",
    name: "record priorities for 2027",
    path: () => "/pool-years/2027/priorities/new",
    params: () => ({ year: "2027" }),
    loader: rolesOnly(200, ["LEADERSHIP"]),
    action: rolesOnly(400, ["LEADERSHIP"]),
  },
  {
    file: "routes/rounds/new.tsx",
    name: "new round in 2027",
    path: () => "/pool-years/2027/rounds/new",
    params: () => ({ year: "2027" }),
    loader: rolesOnly(200, ["SECRETARIAT"]),
    action: rolesOnly(400, ["SECRETARIAT"]),
  },
  {
    file: "routes/rounds/round.tsx",
    name: "a round",
    path: (ids) => `/rounds/${ids.round}`,
    params: (ids) => ({ roundId: ids.round }),
    loader: everyoneLoggedIn(),
    action: rolesOnly(400, ["SECRETARIAT"]),
  },
  {
    file: "routes/rounds/round.tsx",
    name: "a round that does not exist",
    path: () => "/rounds/nope",
    params: () => ({ roundId: "nope" }),
    loader: everyoneLoggedIn(404),
  },

  { file: "routes/guidelines/index.tsx", name: "guidelines", path: () => "/guidelines", loader: everyoneLoggedIn() },
  { file: "routes/guidelines/new.tsx", name: "new guideline draft", path: () => "/guidelines/new", loader: rolesOnly(200, ["SECRETARIAT"]), action: rolesOnly(400, ["SECRETARIAT"]) },
  {
    file: "routes/guidelines/version.tsx",
    name: "adopted guidelines v1",
    path: () => "/guidelines/1",
    params: () => ({ version: "1" }),
    loader: everyoneLoggedIn(),
    action: rolesOnly(400, ["SECRETARIAT"]),
  },
  {
    file: "routes/guidelines/version.tsx",
    name: "guideline draft v2",
    path: () => "/guidelines/2",
    params: () => ({ version: "2" }),
    loader: { only: { ...allLoggedIn(200), APPLICANT: 404, AREA_LEAD: 404, FINANCE: 404, ANONYMOUS: 302 }, otherwise: 200 },
  },
  {
    file: "routes/guidelines/diff.tsx",
    name: "diff of the draft v2 against v1",
    path: () => "/guidelines/2/diff?against=1",
    params: () => ({ version: "2" }),
    loader: { only: { ...allLoggedIn(200), APPLICANT: 404, AREA_LEAD: 404, FINANCE: 404, ANONYMOUS: 302 }, otherwise: 200 },
  },
  { file: "routes/focus-areas/index.tsx", name: "focus areas", path: () => "/focus-areas", loader: everyoneLoggedIn(), action: rolesOnly(400, ["SECRETARIAT", "LEADERSHIP"]) },
  {
    file: "routes/focus-areas/edit.tsx",
    name: "edit a focus area",
    path: (ids) => `/focus-areas/${ids.focusArea}`,
    params: (ids) => ({ focusAreaId: ids.focusArea }),
    loader: rolesOnly(200, ["SECRETARIAT", "LEADERSHIP"]),
    action: rolesOnly(400, ["SECRETARIAT", "LEADERSHIP"]),
  },
];

function expected(expectation: Expectation, who: Who): number {
  return expectation.only[who] ?? expectation.otherwise;
}

function flattenRoutes(entries: readonly { file: string; children?: unknown }[]): string[] {
  return entries.flatMap((entry) => [entry.file, ...flattenRoutes((entry.children as typeof entries | undefined) ?? [])]);
}

const modules = new Map<string, RouteModule>();
async function load(file: string): Promise<RouteModule> {
  let module = modules.get(file);
  if (!module) {
    module = (await import(/* @vite-ignore */ path.resolve("app", file))) as RouteModule;
    modules.set(file, module);
  }
  return module;
}

let ids: Ids;
const cookies = new Map<Who, string | undefined>();

beforeAll(async () => {
  ids = await seedRouteFixtures();
});

// Fresh sessions for every case: the logout case ends them.
beforeEach(async () => {
  cookies.set("ANONYMOUS", undefined);
  for (const role of ROLES) cookies.set(role, await cookieFor(demoEmailFor(role)));
});

describe("permission matrix", () => {
  it("has a case for every route, loader and action", async () => {
    const files = flattenRoutes(routes as never);
    const missing: string[] = [];
    for (const file of files) {
      const module = await load(file);
      const cases = CASES.filter((c) => c.file === file);
      if (cases.length === 0) missing.push(`${file}: no case`);
      if (module.loader && !cases.some((c) => c.loader)) missing.push(`${file}: loader has no case`);
      if (module.action && !cases.some((c) => c.action)) missing.push(`${file}: action has no case`);
      for (const c of cases) {
        if (c.loader && !module.loader) missing.push(`${file}: case "${c.name}" expects a loader`);
        if (c.action && !module.action) missing.push(`${file}: case "${c.name}" expects an action`);
      }
    }
    expect(missing).toEqual([]);
  });

  for (const c of CASES) {
    for (const kind of ["loader", "action"] as const) {
      const expectation = c[kind];
      if (!expectation) continue;
      it(`${kind} of ${c.name} (${c.file})`, async () => {
        const module = await load(c.file);
        const got: Record<string, number> = {};
        const want: Record<string, number> = {};
        for (const who of EVERYONE) {
          const call = kind === "loader" ? callLoader : callAction;
          const result = await call(module, c.path(ids), { params: c.params?.(ids), cookie: cookies.get(who), form: {} });
          got[who] = result.status;
          want[who] = expected(expectation, who);
        }
        expect(got).toEqual(want);
      });
    }
  }
});
