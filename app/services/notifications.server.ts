// Telling people: an in-app notification per recipient and an e-mail in the
// outbox, written in the caller's transaction (so a change and its message
// commit together). Sending the outbox is a separate job.
import { isInAllowedDomains } from "~/domain/email-domains";
import { translate, type MessageKey } from "~/i18n";
import type { Db, Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";

export const NOTIFICATION_KINDS = [
  "application.submitted", // to the area lead(s): please endorse
  "application.submittedReceipt", // to the applicant
  "application.returned", // to the applicant
  "application.endorsed", // to the applicant and the secretariat
  "application.withdrawn", // to the area lead(s) and the secretariat
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Recipient {
  userId: string | null; // null: e-mail only (e.g. a contact person without an account)
  email: string;
  name: string;
}

/**
 * A notification's subject, its text, and the e-mail body (the text with the
 * signature and link). E-mails are Danish (the product's first language); the
 * in-app text is rendered in each reader's language.
 */
export function renderNotification(kind: NotificationKind, vars: Record<string, string>, lang: "da" | "en" = "da") {
  const subject = translate(lang, `notification.${kind}.subject` as MessageKey, vars);
  const text = translate(lang, `notification.${kind}.body` as MessageKey, vars);
  return { subject, text, body: `${text}\n\n${translate(lang, "notification.footer", vars)}` };
}

/**
 * May the system e-mail this address? Only a user's address (active or not: the
 * address is the municipality's own) or one inside ALLOWED_EMAIL_DOMAINS.
 */
export async function mayEmail(db: Db | Tx, email: string): Promise<boolean> {
  const address = email.trim().toLowerCase();
  if (!address) return false;
  if (isInAllowedDomains(address, env().ALLOWED_EMAIL_DOMAINS)) return true;
  return (await db.user.findUnique({ where: { email: address }, select: { id: true } })) !== null;
}

/**
 * Writes one notification and one outbox e-mail per distinct recipient. Must be
 * called with the transaction of the change it reports. A recipient the system
 * may not e-mail (see mayEmail: neither a user's address nor inside the allowed
 * domains) gets nothing, whatever the caller computed: the municipality's sender
 * never relays text to an address somebody typed.
 */
export async function notify(
  tx: Tx,
  input: { kind: NotificationKind; applicationId: string | null; recipients: readonly Recipient[]; vars: Record<string, string> },
): Promise<number> {
  const seen = new Set<string>();
  const recipients: Recipient[] = [];
  for (const r of input.recipients) {
    const key = r.email.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    if (await mayEmail(tx, key)) recipients.push({ ...r, email: key });
  }
  const { subject, body } = renderNotification(input.kind, input.vars);
  for (const recipient of recipients) {
    if (recipient.userId) {
      await tx.notification.create({
        data: { userId: recipient.userId, applicationId: input.applicationId, kind: input.kind, vars: input.vars },
      });
    }
    await tx.outboxEmail.create({
      data: {
        toEmail: recipient.email,
        toName: recipient.name,
        kind: input.kind,
        subject,
        body,
        applicationId: input.applicationId,
      },
    });
  }
  return recipients.length;
}

/** Active users holding a role, optionally scoped to an area (area leads). */
export async function recipientsWithRole(tx: Tx, role: "AREA_LEAD" | "SECRETARIAT", areaId?: string): Promise<Recipient[]> {
  const users = await tx.user.findMany({
    where: { active: true, roles: { some: { role, ...(areaId ? { areaId } : {}) } } },
    select: { id: true, email: true, name: true },
    orderBy: { email: "asc" },
  });
  return users.map((u) => ({ userId: u.id, email: u.email, name: u.name }));
}
