// The notifications page: one's own messages only, newest first, in one's
// language, unread marked; marking read works only on one's own messages and
// is audited.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { AppShell } from "~/components/layout/app-shell";
import { countUnread, type InboxItem } from "~/services/notifications-inbox.server";
import { notify } from "~/services/notifications.server";
import { prisma } from "~/utils/db.server";
import { langCookie } from "~/utils/lang.server";
import { auditCount, cookieFor, demoEmail, resetToReferenceData, sessionUserFor } from "../../tests/db-utils";
import { createRound } from "../../tests/factories";
import { callAction, callLoader } from "../../tests/route-utils";
import * as page from "./notifications";

let roundId: string;

beforeEach(async () => {
  await resetToReferenceData();
  roundId = (await createRound({ now: new Date("2026-11-26T12:00:00Z") })).id;
});

type Inbox = { items: InboxItem[]; unread: number };

async function application(reference: string, email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, unitId: true, unit: { select: { areaId: true } } } });
  return prisma.application.create({
    data: { reference, roundId, unitId: user.unitId!, areaId: user.unit!.areaId, createdById: user.id, status: "SUBMITTED", title: "Kursus" },
  });
}

/** Anna (applicant) gets three messages — one read, one about another area's application; Sara (secretariat) one. */
async function seed() {
  const anna = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant } });
  const sara = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.secretariat } });
  const own = await application("2026-0601", demoEmail.applicant);
  const foreign = await application("2026-0602", demoEmail.applicantOtherArea);
  const vars = (reference: string) => ({ reference, title: "Kursus", unit: "Center", round: "Vinterrunde 2026", deadline: "15.12.2026", by: "Mette Kjær", comment: "Uddyb effekten.", link: "/x" });
  const make = async (userId: string, kind: string, applicationId: string, reference: string, createdAt: string, readAt: string | null = null) =>
    prisma.notification.create({
      data: { userId, kind, applicationId, vars: vars(reference), createdAt: new Date(createdAt), readAt: readAt ? new Date(readAt) : null },
    });
  const receipt = await make(anna.id, "application.submittedReceipt", own.id, "2026-0601", "2026-11-20T09:00:00Z", "2026-11-20T10:00:00Z");
  const returned = await make(anna.id, "application.returned", own.id, "2026-0601", "2026-11-25T09:00:00Z");
  const strange = await make(anna.id, "application.endorsed", foreign.id, "2026-0602", "2026-11-24T09:00:00Z");
  const saras = await make(sara.id, "application.withdrawn", own.id, "2026-0601", "2026-11-26T09:00:00Z");
  return { anna, sara, own, receipt, returned, strange, saras };
}

describe("notifications page", () => {
  it("shows the user's own messages, newest first, rendered in Danish, unread marked, links only where readable", async () => {
    const { own, receipt, returned, strange } = await seed();
    const result = await callLoader(page, "/notifications", { cookie: await cookieFor(demoEmail.applicant) });
    expect(result.status).toBe(200);
    const inbox = result.data as Inbox;
    expect(inbox.unread).toBe(2);
    expect(inbox.items.map((i) => i.id)).toEqual([returned.id, strange.id, receipt.id]);
    expect(inbox.items[0]).toMatchObject({
      subject: "Ansøgning 2026-0601 er sendt tilbage til ændringer",
      // People's text is isolated (U+2068 … U+2069), so that its direction cannot reorder the sentence.
      body: 'Ansøgningen 2026-0601 "\u2068Kursus\u2069" er sendt tilbage af \u2068Mette Kjær\u2069 med kommentaren: \u2068Uddyb effekten.\u2069',
      readAt: null,
      application: { id: own.id, reference: "2026-0601" },
    });
    expect(inbox.items[1]!.application).toBeNull(); // another area's application: no link
    expect(inbox.items[2]!.readAt).not.toBeNull();

    const Stub = createRoutesStub([{ id: "page", path: "/notifications", Component: page.default }]);
    const html = renderToString(createElement(Stub, { initialEntries: ["/notifications"], hydrationData: { loaderData: { page: inbox } } })).replace(/<!-- -->/g, "");
    expect(html).toContain("<h1>Beskeder</h1>");
    expect(html).toContain("Du har 2 ulæste beskeder.");
    expect(html.match(/Ulæst: /g)).toHaveLength(2);
    expect(html).toContain(`href="/applications/${own.id}"`);
    expect(html).not.toContain(`href="/applications/${strange.applicationId}"`);
    expect(html.match(/name="intent" value="markRead"/g)).toHaveLength(2);
    expect(html).toContain('name="intent" value="markAllRead"');
    expect(html.indexOf("sendt tilbage til ændringer")).toBeLessThan(html.indexOf("Kvittering"));
  });

  it("renders in English for an English reader", async () => {
    await seed();
    const en = (await langCookie.serialize("en")).split(";")[0]!;
    const result = await callLoader(page, "/notifications", { cookie: `${await cookieFor(demoEmail.applicant)}; ${en}` });
    expect((result.data as Inbox).items[0]!.subject).toBe("Application 2026-0601 has been returned for changes");
  });

  it("shows nobody else's messages", async () => {
    await seed();
    const lead = await callLoader(page, "/notifications", { cookie: await cookieFor(demoEmail.hmu) });
    expect((lead.data as Inbox).items).toEqual([]);
    const sara = await callLoader(page, "/notifications", { cookie: await cookieFor(demoEmail.secretariat) });
    expect((sara.data as Inbox).items).toHaveLength(1);
  });

  it("marks one own message read, audits it, and redirects back", async () => {
    const { returned } = await seed();
    const result = await callAction(page, "/notifications", { cookie: await cookieFor(demoEmail.applicant), form: { intent: "markRead", id: returned.id } });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/notifications?ok=read#besked-${returned.id}`);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: returned.id } })).readAt).not.toBeNull();
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "notification.markRead" } });
    expect(event).toMatchObject({ entityType: "Notification", entityId: returned.id });
  });

  it("answers 404 to marking someone else's message, changing nothing", async () => {
    const { saras } = await seed();
    const result = await callAction(page, "/notifications", { cookie: await cookieFor(demoEmail.applicant), form: { intent: "markRead", id: saras.id } });
    expect(result.status).toBe(404);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: saras.id } })).readAt).toBeNull();
    expect(await auditCount("notification.markRead")).toBe(0);
    const unknown = await callAction(page, "/notifications", { cookie: await cookieFor(demoEmail.applicant), form: { intent: "markRead", id: "nope" } });
    expect(unknown.status).toBe(404);
  });

  it("marks all of the user's own messages read, and only those", async () => {
    const { anna, saras } = await seed();
    const result = await callAction(page, "/notifications", { cookie: await cookieFor(demoEmail.applicant), form: { intent: "markAllRead" } });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/notifications?ok=all");
    expect(await countUnread(anna.id)).toBe(0);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: saras.id } })).readAt).toBeNull();
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "notification.markAllRead" } });
    expect(event).toMatchObject({ entityType: "Notification", entityId: anna.id });
    expect(event.after).toMatchObject({ count: 2 });
  });

  it("answers 400 to a form without a known intent or without an id", async () => {
    await seed();
    const cookie = await cookieFor(demoEmail.applicant);
    for (const form of [{}, { intent: "delete" }, { intent: "markRead" }] as Record<string, string>[]) {
      const result = await callAction(page, "/notifications", { cookie, form });
      expect(result.status).toBe(400);
    }
    expect(await auditCount("notification.markRead")).toBe(0);
    expect(await auditCount("notification.markAllRead")).toBe(0);
  });

  it("shows messages written by notify() to their recipient", async () => {
    const sara = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.secretariat } });
    await prisma.$transaction((tx) =>
      notify(tx, {
        kind: "application.endorsed",
        applicationId: null,
        recipients: [{ userId: sara.id, email: sara.email, name: sara.name }],
        vars: { reference: "2026-0700", title: "Mentorforløb", by: "Mette Kjær", link: "/x" },
      }),
    );
    const result = await callLoader(page, "/notifications", { cookie: await cookieFor(demoEmail.secretariat) });
    expect((result.data as Inbox).items[0]).toMatchObject({
      subject: "Ansøgning 2026-0700 er indstillet",
      body: 'Ansøgningen 2026-0700 "\u2068Mentorforløb\u2069" er indstillet af \u2068Mette Kjær\u2069 og går videre til puljesekretariatet.',
      application: null,
    });
  });
});

describe("header link", () => {
  it("shows the unread count next to the user", async () => {
    const user = await sessionUserFor(demoEmail.applicant);
    const render = (unreadNotifications: number) => {
      const Stub = createRoutesStub([{ id: "root", path: "/", Component: () => createElement(AppShell, null, "indhold") }]);
      return renderToString(
        createElement(Stub, { initialEntries: ["/"], hydrationData: { loaderData: { root: { user, lang: "da", demo: true, unreadNotifications } } } }),
      ).replace(/<!-- -->/g, "");
    };
    // The visible words start the link's name (WCAG 2.5.3); the rest is visually hidden.
    expect(render(3)).toMatch(/<a(?:(?!aria-label)[^>])*href="\/notifications"(?:(?!aria-label)[^>])*>Beskeder \(3\)<span class="sr-only">, 3 ulæste<\/span><\/a>/);
    expect(render(0)).toMatch(/<a[^>]*href="\/notifications"[^>]*>Beskeder<\/a>/);
  });
});
