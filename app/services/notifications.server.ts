// Telling people: an in-app notification per recipient and an e-mail in the
// outbox, written in the caller's transaction (so a change and its message
// commit together). Sending the outbox is a separate job.
import { translate, type MessageKey } from "~/i18n";
import type { Tx } from "~/utils/db.server";

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
 * Writes one notification and one outbox e-mail per distinct recipient. Must be
 * called with the transaction of the change it reports.
 */
export async function notify(
  tx: Tx,
  input: { kind: NotificationKind; applicationId: string | null; recipients: readonly Recipient[]; vars: Record<string, string> },
): Promise<number> {
  const seen = new Set<string>();
  const recipients = input.recipients.filter((r) => {
    const key = r.email.toLowerCase();
    if (!r.email || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
