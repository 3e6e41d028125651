// Who hears about a change to an application, and what the message quotes.
import { formatDateTime } from "~/i18n";
import type { Tx } from "~/utils/db.server";
import type { Recipient } from "../notifications.server";

/** The values a notification quotes (e-mails are Danish; see renderNotification). */
export function notificationVars(
  app: { id: string; reference: string; title: string; unit: { name: string }; round: { name: string; endorsementDeadline: Date } },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    reference: app.reference,
    title: app.title || app.reference,
    unit: app.unit.name,
    round: app.round.name,
    deadline: formatDateTime(app.round.endorsementDeadline, "da"),
    link: `/applications/${app.id}`,
    ...extra,
  };
}

/** The applicant side: who created the application and its contact person. */
export async function applicantRecipients(tx: Tx, app: { createdById: string; contactEmail: string; contactName: string }): Promise<Recipient[]> {
  const recipients: Recipient[] = [];
  const creator = await tx.user.findUnique({ where: { id: app.createdById }, select: { id: true, email: true, name: true, active: true } });
  if (creator?.active) recipients.push({ userId: creator.id, email: creator.email, name: creator.name });
  const contactEmail = app.contactEmail.trim().toLowerCase();
  if (contactEmail && contactEmail !== creator?.email) {
    const contact = await tx.user.findUnique({ where: { email: contactEmail }, select: { id: true, name: true, active: true } });
    recipients.push({ userId: contact?.active ? contact.id : null, email: contactEmail, name: contact?.name ?? app.contactName });
  }
  return recipients;
}
