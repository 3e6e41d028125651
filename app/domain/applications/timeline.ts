// The status timeline (forløb) of an application as its pages show it: one
// entry per audit event, with only the few details a label needs. Pure: the
// service reads the audit trail, the page labels the entries.

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
