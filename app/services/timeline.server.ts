// The status timeline (forløb) of an application, built from the audit trail:
// the events on the application itself and on its attachments (including
// removed ones), oldest first, with the actor's name. Only the few details a
// label needs are passed on (version number, comment, rank, file name) — never
// the whole before/after.
import { timelineDetails, type TimelineEntry } from "~/domain/applications/timeline";
import { prisma } from "~/utils/db.server";

export type { TimelineEntry };

/**
 * `draftHistory`: whether the reader may see what the unit did while the
 * application was a draft (only the applying unit's readers may: a draft is the
 * unit's own until it is submitted). For everyone else the timeline starts at
 * the first submission, and the draft time shows only as its creation.
 */
export async function getTimeline(applicationId: string, { draftHistory }: { draftHistory: boolean }): Promise<TimelineEntry[]> {
  const attachments = await prisma.attachment.findMany({ where: { applicationId }, select: { id: true } });
  const firstVersion = draftHistory
    ? null
    : await prisma.applicationVersion.findFirst({ where: { applicationId }, orderBy: { versionNo: "asc" }, select: { submittedAt: true } });
  // Never submitted: a reader without draft access cannot open the application at all; show only its creation.
  const since = draftHistory ? null : (firstVersion?.submittedAt ?? new Date(8.64e15));
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
  const shown = since ? events.filter((event) => event.action === "application.create" || event.at >= since) : events;
  return shown.map((event) => ({
    id: event.id.toString(),
    at: event.at,
    action: event.action,
    actorName: event.actor?.name ?? null,
    details: since && event.at < since ? {} : timelineDetails(event.before, event.after),
  }));
}
