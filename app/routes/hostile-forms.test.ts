// Regression tests for hostile bodies and query values on real routes: each
// answered 500 (or ran the process out of memory) before the shared form
// reader, parseSubmission and the own-property lookups.
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { checkAttachment } from "~/domain/applications/attachments";
import { prisma } from "~/utils/db.server";
import { auditCount, cookieFor, demoEmail, resetToDemo } from "../../tests/db-utils";
import { callAction, callActionWithRequest, callLoader, fieldErrors } from "../../tests/route-utils";
import { seedRouteFixtures } from "../../tests/route-fixtures";
import * as areaNew from "./admin/area-new";
import * as applicationPage from "./applications/application";
import * as attachmentsAction from "./applications/attachments";
import * as applicationList from "./applications/index";
import * as download from "./attachments/download";
import * as login from "./login";

beforeEach(resetToDemo);

function post(path: string, body: string, cookie?: string): Request {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(new URL(path, "http://localhost"), { method: "POST", headers, body });
}

describe("the login form against hostile bodies", () => {
  it("answers 400 to a huge array index, quickly, and records no attempt", async () => {
    const started = performance.now();
    const result = await callActionWithRequest(login, post("/login", "anything[100000000]=1&email=a%40b.dk&password=x"));
    expect(result.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await prisma.loginAttempt.count()).toBe(0);
  });

  it("answers 400 to a malformed Conform intent (was a SyntaxError: 500)", async () => {
    const result = await callActionWithRequest(login, post("/login", "__intent__=x&email=a%40b.dk&password=x"));
    expect(result.status).toBe(400);
    expect(await prisma.loginAttempt.count()).toBe(0);
  });

  it("does not echo fields the form does not have", async () => {
    const result = await callAction(login, "/login", { form: { email: "ikke-en-adresse", password: "x", "evil[9999]": "1", injected: "<b>x</b>" } });
    expect(result.status).toBe(400);
    const reply = (result.data as { result: { initialValue: Record<string, unknown>; fields: string[] } }).result;
    expect(Object.keys(reply.initialValue)).toEqual(["email"]);
    expect(reply.fields).not.toContain("injected");
  });
});

describe("NUL bytes in text fields", () => {
  it("give a message next to the field and change nothing (was a 500 from the database)", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const areas = await prisma.area.count();
    const audits = await auditCount();
    const result = await callAction(areaNew, "/admin/areas/new", { cookie, form: { code: "NUL", name: "Område\u0000navn" } });
    expect(result.status).toBe(400);
    expect(fieldErrors(result).name).toEqual(["validation.controlCharacters"]);
    expect(await prisma.area.count()).toBe(areas);
    expect(await auditCount()).toBe(audits);
  });
});

describe("NUL bytes in URLs and in fields without a form schema", () => {
  it("answer 400 before any lookup (were 500s from the database)", async () => {
    const ids = await seedRouteFixtures();
    const attachments = await prisma.attachment.count();
    const applicant = await cookieFor(demoEmail.applicant);
    const secretariat = await cookieFor(demoEmail.secretariat);
    const statuses = {
      routeParam: (await callLoader(applicationPage, "/applications/a%00b", { params: { applicationId: "a\u0000b" }, cookie: applicant })).status,
      download: (await callLoader(download, "/attachments/a%00b", { params: { attachmentId: "a\u0000b" }, cookie: applicant })).status,
      query: (await callLoader(applicationList, "/applications?q=a%00b", { cookie: secretariat })).status,
      removeAttachment: (
        await callAction(attachmentsAction, `/applications/${ids.ownDraft}/attachments`, {
          params: { applicationId: ids.ownDraft },
          cookie: applicant,
          form: { intent: "remove", attachmentId: "a\u0000", confirm: "yes" },
        })
      ).status,
    };
    expect(statuses).toEqual({ routeParam: 400, download: 400, query: 400, removeAttachment: 400 });
    expect(await prisma.attachment.count()).toBe(attachments);
  });
});

describe("query values looked up in plain objects", () => {
  it("?ok=__proto__ on an application page shows the page without a message (was a 500)", async () => {
    const cookie = await cookieFor(demoEmail.applicant);
    const applicant = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant }, include: { unit: true } });
    const round = await prisma.round.findFirstOrThrow();
    const application = await prisma.application.create({
      data: { reference: "2026-9100", roundId: round.id, unitId: applicant.unitId!, areaId: applicant.unit!.areaId, createdById: applicant.id, status: "DRAFT", title: "Kursus" },
    });
    const path = `/applications/${application.id}`;
    const loaded = await callLoader(applicationPage, path, { params: { applicationId: application.id }, cookie });
    expect(loaded.status).toBe(200);
    const render = (query: string) => {
      const Stub = createRoutesStub([{ id: "page", path: "/applications/:applicationId", Component: applicationPage.default as ComponentType }]);
      return renderToString(createElement(Stub, { initialEntries: [`${path}${query}`], hydrationData: { loaderData: { page: loaded.data } } }));
    };
    for (const key of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(render(`?ok=${key}`)).toContain('data-testid="application-title"');
    }
    expect(render("?ok=submitted")).toContain("alert-success");
  });

  it("a file extension named like an Object member is an unsupported type, not a content mismatch", () => {
    const pdf = new TextEncoder().encode("%PDF-1.4\n");
    for (const name of ["x.constructor", "x.toString", "x.valueOf", "x.hasOwnProperty"]) {
      expect(checkAttachment(name, pdf)).toEqual({ ok: false, problem: "unsupportedType" });
    }
  });
});
