// The status timeline (forløb) of an application, built from the audit trail:
// the events on the application itself and on its attachments (including
// removed ones), oldest first, with the actor's name. Only the few details a
// label needs are passed on (version number, comment, rank, file name) — never
// the whole before/after.
import { prisma } from "~/utils/db.server";

export interface TimelineEntry {
  id: string;
  at: Date;
  action: string;
  actorName: string | null;
  details: {
    versionNo?: number;
    comment?: string;
    rank?: number;
    fileName?: string;
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function pickNumber(...values: unknown[]): number | undefined {
  for (const value of values) {
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  }
  return undefined;
}

function pickString(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === "string" && value.trim() !== "") return value;
  return undefined;
}

/** The details a label needs, read defensively from the event's after (then before). */
export function timelineDetails(before: unknown, after: unknown): TimelineEntry["details"] {
  const a = isObject(after) ? after : {};
  const b = isObject(before) ? before : {};
  const details: TimelineEntry["details"] = {};
  const versionNo = pickNumber(a.versionNo, a.version);
  if (versionNo !== undefined) details.versionNo = versionNo;
  const comment = pickString(a.comment, a.returnComment, a.reason);
  if (comment !== undefined) details.comment = comment;
  const rank = pickNumber(a.endorsementRank, a.rank);
  if (rank !== undefined) details.rank = rank;
  const fileName = pickString(a.fileName, b.fileName);
  if (fileName !== undefined) details.fileName = fileName;
  return details;
}

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
