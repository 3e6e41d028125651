// notify() writes one in-app notification per user recipient and one outbox
// e-mail per distinct address, in the caller's transaction: when the change
// fails, its messages are gone too.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { demoEmail, resetToDemo } from "../../tests/db-utils";
import { notify, recipientsWithRole, type Recipient } from "./notifications.server";

beforeEach(resetToDemo);

const vars = {
  reference: "2026-0042",
  title: "Traumebevidst pædagogik",
  unit: "Center for Familieindsatser",
  round: "Vinterrunde 2026",
  deadline: "15.12.2026 kl. 12.00",
  link: "https://kp.aarhus.dk/applications/x",
};

async function recipients(): Promise<Recipient[]> {
  const lead = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.areaLead } });
  const secretariat = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.secretariat } });
  return [
    { userId: lead.id, email: lead.email, name: lead.name },
    { userId: secretariat.id, email: secretariat.email, name: secretariat.name },
    // The same person again with the address in capitals: told once.
    { userId: lead.id, email: lead.email.toUpperCase(), name: lead.name },
    // A contact person without an account, inside the allowed domains: e-mail only.
    { userId: null, email: "kontakt@demo.aarhus.dk", name: "Karen Kontakt" },
    // An address somebody typed, outside the allowed domains and no user's: never written to.
    { userId: null, email: "offer@phishing.example", name: "Ukendt" },
    // No address: nobody to write to.
    { userId: null, email: "", name: "Ingen" },
  ];
}

describe("notify", () => {
  it("writes one notification per user and one outbox e-mail per distinct address, in Danish with the values", async () => {
    const people = await recipients(); // read before the transaction: inside it only tx may be used
    const told = await prisma.$transaction(async (tx) => notify(tx, { kind: "application.submitted", applicationId: null, recipients: people, vars }));
    expect(told).toBe(3);
    const notifications = await prisma.notification.findMany({ include: { user: { select: { email: true } } }, orderBy: { user: { email: "asc" } } });
    expect(notifications.map((n) => n.user.email)).toEqual([demoEmail.areaLead, demoEmail.secretariat]);
    expect(notifications[0]).toMatchObject({ kind: "application.submitted", vars, readAt: null });

    const outbox = await prisma.outboxEmail.findMany({ orderBy: { toEmail: "asc" } });
    expect(outbox.map((o) => o.toEmail)).toEqual([demoEmail.areaLead, "kontakt@demo.aarhus.dk", demoEmail.secretariat]);
    const mail = outbox[0]!;
    expect(mail.subject).toBe("Ny ansøgning til indstilling: Traumebevidst pædagogik");
    expect(mail.body).toContain('Ansøgningen 2026-0042 "Traumebevidst pædagogik" fra Center for Familieindsatser er indsendt i Vinterrunde 2026');
    expect(mail.body).toContain("senest 15.12.2026 kl. 12.00");
    expect(mail.body).toContain("Se ansøgningen: https://kp.aarhus.dk/applications/x");
    expect(mail.body).not.toMatch(/\{\w+\}/);
    expect(mail.sentAt).toBeNull();
    expect(mail.toName).toBe("Mette Kjær");
  });

  it("writes only to users and to addresses inside the allowed domains", async () => {
    const outsider = await prisma.user.create({ data: { email: "konsulent@partner.example", name: "Ekstern Konsulent" } });
    const people: Recipient[] = [
      { userId: null, email: "offer@phishing.example", name: "Ukendt" },
      { userId: null, email: "x@demo.aarhus.dk.phishing.example", name: "Ligner" },
      { userId: null, email: "x@evil-demo.aarhus.dk", name: "Ligner også" },
      // A user's own address is always allowed, whatever its domain.
      { userId: null, email: outsider.email.toUpperCase(), name: outsider.name },
      { userId: null, email: "ny@afdeling.demo.aarhus.dk", name: "Underdomæne" },
    ];
    const told = await prisma.$transaction(async (tx) => notify(tx, { kind: "application.returned", applicationId: null, recipients: people, vars: { ...vars, by: "X", comment: "Y" } }));
    expect(told).toBe(2);
    const outbox = await prisma.outboxEmail.findMany({ orderBy: { toEmail: "asc" } });
    expect(outbox.map((o) => o.toEmail)).toEqual(["konsulent@partner.example", "ny@afdeling.demo.aarhus.dk"]);
  });

  it("is rolled back together with the caller's transaction", async () => {
    const people = await recipients();
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.area.create({ data: { code: "RBK", name: "Rulles tilbage" } });
        await notify(tx, { kind: "application.withdrawn", applicationId: null, recipients: people, vars });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.notification.count()).toBe(0);
    expect(await prisma.outboxEmail.count()).toBe(0);
    expect(await prisma.area.count({ where: { code: "RBK" } })).toBe(0);
  });

  it("finds area leads of an area and the secretariat", async () => {
    const buu = await prisma.area.findUniqueOrThrow({ where: { code: "BUU" } });
    const leads = await prisma.$transaction((tx) => recipientsWithRole(tx, "AREA_LEAD", buu.id));
    expect(leads.map((r) => r.email)).toEqual([demoEmail.areaLead]);
    const secretariat = await prisma.$transaction((tx) => recipientsWithRole(tx, "SECRETARIAT"));
    expect(secretariat.map((r) => r.email)).toEqual([demoEmail.secretariat]);
  });
});
