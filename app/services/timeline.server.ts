// The status timeline (forløb) of an application, built from the audit trail:
// the events on the application itself and on its attachments (including
// removed ones), oldest first, with the actor's name. Only the few details a
// label needs are passed on (version number, comment, rank, file name) — never
// the whole before/after.
import { timelineDetails, type TimelineEntry } from "~/domain/applications/timeline";
import { prisma } from "~/utils/db.server";

export type { TimelineEntry };

export async function getTimeline(applicationId: string): Promise<TimelineEntry[]> {
  const attachments = await prisma.attachment.findMany({ where: { applicationId }, select: { id: true } });
  const events = await prisma.auditEvent.findMany({
    where: {
      OR: [
        { entityType: "Application", entityId: applicationId },
        ...(attachments.length ? [{ entityType: "Attachment", entityId: { in: attachments.map((a) => a.id) } }] : []),
      ],
    },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, at: true, action: true, before: true, after: true, actor: { select: { name: true } } },
  });
  return events.map((event) => ({
    id: event.id.toString(),
    at: event.at,
    action: event.action,
    actorName: event.actor?.name ?? null,
    details: timelineDetails(event.before, event.after),
  }));
}
