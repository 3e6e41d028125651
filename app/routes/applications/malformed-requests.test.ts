// Bodies that are not form data (a broken multipart boundary, JSON) answer 400
// and bodies over the form cap answer 413, on every application action and the
// notifications page, and nothing is stored. The same form without the excess
// is accepted, so the refusals come from the body, not from its fields.
import { isRouteErrorResponse } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { MAX_FORM_BYTES, readForm } from "~/utils/form-data.server";
import { auditCount, cookieFor, demoEmail, resetToDemo } from "../../../tests/db-utils";
import * as notifications from "../notifications";
import * as applicationPage from "./application";
import * as edit from "./edit";
import * as index from "./index";
import * as newApplication from "./new";

beforeEach(async () => {
  await resetToDemo();
  // Keep the round open whatever day the tests run.
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  await prisma.round.updateMany({
    where: { name: "Vinterrunde 2026" },
    data: { opensAt: new Date(now - day), closesAt: new Date(now + 7 * day), endorsementDeadline: new Date(now + 9 * day), decisionDate: new Date(now + 12 * day) },
  });
});

type Action = (args: never) => unknown;

interface Outcome {
  status: number;
  location: string | null;
}

/** Calls an action with a raw request and reads the status the way React Router would. */
async function send(action: Action, request: Request, params: Record<string, string> = {}): Promise<Outcome> {
  const url = new URL(request.url);
  let value: unknown;
  try {
    value = await (action as (args: unknown) => unknown)({ request, params, context: {}, url, pattern: url.pathname });
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) return { status: value.status, location: value.headers.get("Location") };
  if (isRouteErrorResponse(value)) return { status: value.status, location: null };
  if (typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit") {
    const init = (value as { init: ResponseInit | null }).init;
    return { status: init?.status ?? 200, location: new Headers(init?.headers).get("Location") };
  }
  if (value instanceof Error) throw value;
  return { status: 200, location: null };
}

function post(path: string, cookie: string, body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(new URL(path, "http://localhost"), { method: "POST", headers: { Cookie: cookie, ...headers }, body });
}

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}

/** A multipart body whose boundary does not match the declared one. */
function brokenMultipart(path: string, cookie: string): Request {
  const body = '--other\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsave\r\n--other--\r\n';
  return post(path, cookie, body, { "Content-Type": "multipart/form-data; boundary=declared" });
}

/** A multipart body without a boundary parameter at all. */
function multipartWithoutBoundary(path: string, cookie: string): Request {
  return post(path, cookie, "intent=save", { "Content-Type": "multipart/form-data" });
}

/** JSON where a form is expected. */
function jsonBody(path: string, cookie: string): Request {
  return post(path, cookie, JSON.stringify({ intent: "save" }), { "Content-Type": "application/json" });
}

const PADDING = "x".repeat(MAX_FORM_BYTES + 1024);

/** The form plus a field that takes it over the cap (multipart, streamed without Content-Length). */
function oversizedMultipart(path: string, cookie: string, fields: Record<string, string>): Request {
  return post(path, cookie, formOf({ ...fields, padding: PADDING }));
}

/** The form plus padding, urlencoded, with its (honest) Content-Length. */
function oversizedUrlencoded(path: string, cookie: string, fields: Record<string, string>): Request {
  const body = new URLSearchParams({ ...fields, padding: PADDING }).toString();
  return post(path, cookie, body, { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) });
}

const BROKEN_BODIES = [
  ["a multipart body with a broken boundary", brokenMultipart],
  ["a multipart body without boundary", multipartWithoutBoundary],
  ["a JSON body", jsonBody],
] as const;

async function application(reference: string, email: string, status: "DRAFT" | "SUBMITTED" | "ENDORSED" = "DRAFT") {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, unitId: true, unit: { select: { areaId: true } } } });
  const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" }, select: { id: true } });
  return prisma.application.create({
    data: { reference, roundId: round.id, unitId: user.unitId!, areaId: user.unit!.areaId, createdById: user.id, status, title: "Kursus i klarsprog" },
  });
}

/** Everything an action of these routes could change, to compare before and after. */
async function stored() {
  const [audit, applications, notes] = await Promise.all([
    auditCount(),
    prisma.application.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, title: true, endorsementRank: true, updatedAt: true } }),
    prisma.notification.findMany({ orderBy: { id: "asc" }, select: { id: true, readAt: true } }),
  ]);
  return { audit, applications, notes };
}

interface Case {
  name: string;
  email: string;
  /** Creates what the route needs; returns the path, params and a form the route accepts. */
  setup: () => Promise<{ path: string; params: Record<string, string>; fields: Record<string, string> }>;
  action: Action;
  /** The status of the accepted form (a redirect, or 200 for an in-page answer). */
  accepted: number;
}

const CASES: Case[] = [
  {
    name: "POST /applications/new",
    email: demoEmail.applicant,
    action: newApplication.action,
    accepted: 302,
    async setup() {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant }, select: { unitId: true } });
      const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" }, select: { id: true } });
      return { path: "/applications/new", params: {}, fields: { roundId: round.id, unitId: user.unitId! } };
    },
  },
  {
    name: "POST /applications/:id/edit",
    email: demoEmail.applicant,
    action: edit.action,
    accepted: 302,
    async setup() {
      const draft = await application("2026-0901", demoEmail.applicant);
      return { path: `/applications/${draft.id}/edit`, params: { applicationId: draft.id }, fields: { intent: "save", title: "Ny titel", revision: "0" } };
    },
  },
  {
    name: "POST /applications/:id",
    email: demoEmail.applicant,
    action: applicationPage.action,
    accepted: 302,
    async setup() {
      const submitted = await application("2026-0902", demoEmail.applicant, "SUBMITTED");
      return { path: `/applications/${submitted.id}`, params: { applicationId: submitted.id }, fields: { intent: "withdraw", confirm: "yes" } };
    },
  },
  {
    name: "POST /applications (ranking)",
    email: demoEmail.areaLead,
    action: index.action,
    accepted: 302,
    async setup() {
      const endorsed = await application("2026-0903", demoEmail.applicant, "ENDORSED");
      const all = await prisma.application.findMany({
        where: { roundId: endorsed.roundId, areaId: endorsed.areaId, status: "ENDORSED" },
        orderBy: { id: "asc" },
        select: { id: true },
      });
      const fields: Record<string, string> = { intent: "rank", roundId: endorsed.roundId, areaId: endorsed.areaId };
      all.forEach((a, i) => {
        fields[`ranks[${i}].id`] = a.id;
        fields[`ranks[${i}].rank`] = String(i + 1);
      });
      return { path: "/applications?view=area", params: {}, fields };
    },
  },
  {
    name: "POST /notifications",
    email: demoEmail.applicant,
    action: notifications.action,
    accepted: 302,
    async setup() {
      const anna = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant }, select: { id: true } });
      const own = await application("2026-0904", demoEmail.applicant, "SUBMITTED");
      await prisma.notification.create({
        data: { userId: anna.id, kind: "application.submittedReceipt", applicationId: own.id, vars: { reference: "2026-0904", title: "Kursus", unit: "Center", round: "Vinterrunde 2026", deadline: "15.12.2026", by: "", comment: "", link: "/x" } },
      });
      return { path: "/notifications", params: {}, fields: { intent: "markAllRead" } };
    },
  },
];

describe.each(CASES)("$name", ({ email, setup, action, accepted }) => {
  for (const [label, build] of BROKEN_BODIES) {
    it(`answers 400 to ${label} and stores nothing`, async () => {
      const { path, params } = await setup();
      const cookie = await cookieFor(email);
      const before = await stored();
      expect((await send(action, build(path, cookie), params)).status).toBe(400);
      expect(await stored()).toEqual(before);
    });
  }

  it("answers 413 to a form over the cap (multipart and urlencoded), stores nothing, and accepts the same form without the excess", async () => {
    const { path, params, fields } = await setup();
    const cookie = await cookieFor(email);
    const before = await stored();
    expect((await send(action, oversizedMultipart(path, cookie, fields), params)).status).toBe(413);
    expect((await send(action, oversizedUrlencoded(path, cookie, fields), params)).status).toBe(413);
    expect(await stored()).toEqual(before);

    const ok = await send(action, post(path, cookie, formOf(fields)), params);
    expect(ok.status).toBe(accepted);
    expect(await stored()).not.toEqual(before);
  });
});

describe("readForm", () => {
  it("reads a multipart and an urlencoded form, and an empty body as an empty form", async () => {
    const multipart = await readForm(new Request("http://localhost/x", { method: "POST", body: formOf({ a: "æøå", b: "2" }) }));
    expect([...multipart.entries()]).toEqual([["a", "æøå"], ["b", "2"]]);
    const urlencoded = await readForm(new Request("http://localhost/x", { method: "POST", body: new URLSearchParams({ a: "1" }) }));
    expect(urlencoded.get("a")).toBe("1");
    const empty = await readForm(new Request("http://localhost/x", { method: "POST" }));
    expect([...empty.keys()]).toEqual([]);
  });

  it("takes a smaller cap and refuses by the declared Content-Length before reading", async () => {
    const small = new Request("http://localhost/x", { method: "POST", body: new URLSearchParams({ a: "x".repeat(200) }) });
    await expect(readForm(small, { maxBytes: 100 })).rejects.toMatchObject({ init: { status: 413 } });
    const declared = new Request("http://localhost/x", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(MAX_FORM_BYTES + 1) },
      body: "a=1",
    });
    await expect(readForm(declared)).rejects.toMatchObject({ init: { status: 413 } });
  });
});
