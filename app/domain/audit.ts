// The audit trail (revisionsspor): who may see which events, and how an
// event's before/after is shown. Pure: no framework imports.
import { DANISH_TIME_ZONE, toIsoDate } from "./dates";
import { can, type PermissionSubject } from "./permissions";

/**
 * Entity types that are "pool records": the pool secretariat may read their
 * audit events (audit:readPool). Everything else (users, logins, organisation)
 * needs audit:readAll. Later features add their entity types here.
 */
export const POOL_ENTITY_TYPES = [
  "PoolYear", // puljeår
  "BudgetAdjustment", // tillægsbevilling / reduktion
  "GuidelineVersion", // retningslinjer (HMU)
  "FocusArea", // fokusområde
  "Prioritisation", // årlig prioritering
  "Round", // ansøgningsrunde
  "Application", // ansøgning
  "Attachment", // bilag til en ansøgning
  "Decision", // afgørelse
  "Grant", // bevilling
  "SpendingEntry", // forbrug
] as const;
export type PoolEntityType = (typeof POOL_ENTITY_TYPES)[number];

export function isPoolEntityType(entityType: string): entityType is PoolEntityType {
  return (POOL_ENTITY_TYPES as readonly string[]).includes(entityType);
}

/** Which part of the audit trail a user may read: all of it, pool records only, or nothing. */
export type AuditScope = "all" | "pool" | null;

export function auditScope(user: PermissionSubject | null | undefined): AuditScope {
  if (can(user, "audit:readAll")) return "all";
  if (can(user, "audit:readPool")) return "pool";
  return null;
}

/** May a user with this scope see an event on this entity type? */
export function auditScopeCovers(scope: AuditScope, entityType: string): boolean {
  return scope === "all" || (scope === "pool" && isPoolEntityType(entityType));
}

/**
 * Entity types whose events carry an application's content (titles, amounts,
 * texts, comments, file names). Their fields are shown only to a reader who
 * may read that application elsewhere (application:read on it).
 */
export const APPLICATION_CONTENT_ENTITY_TYPES = ["Application", "Attachment"] as const;

export function isApplicationContentEntityType(entityType: string): boolean {
  return (APPLICATION_CONTENT_ENTITY_TYPES as readonly string[]).includes(entityType);
}

/**
 * How much of one event a reader sees: "full" (the fields before and after),
 * "reference" (who did what, when, to which record, and its reference number,
 * no content fields), or null (not at all).
 */
export type AuditDetail = "full" | "reference" | null;

/** The fields kept in a "reference" view: they name the record, they do not tell its content. */
export const AUDIT_REFERENCE_FIELDS: readonly string[] = ["reference"];

/** What the reader may know elsewhere about the application an event is about. */
export interface AuditApplicationAccess {
  /** May the reader open the application now (application:read on its current scope)? */
  readable: boolean;
  /** The first submission; before it, the application was the unit's draft. */
  firstSubmittedAt: Date | null;
}

/**
 * The audit trail shows each reader only what that reader may read elsewhere
 * (decision 015):
 * - events outside the reader's audit scope: not at all;
 * - events on application content (APPLICATION_CONTENT_ENTITY_TYPES):
 *   - full, to a reader who may open the application, for events from its
 *     first submission on;
 *   - as a reference, to such a reader for the draft's own events before it
 *     was submitted (the draft was never theirs to read), and to the
 *     administrator, who keeps the trail but may not open applications;
 *   - not at all to a pool reader who may not open it (a unit's draft:
 *     its existence is the unit's own);
 * - every other event in scope: full.
 */
export function auditEventDetail(
  scope: AuditScope,
  event: { entityType: string; at: Date },
  application: AuditApplicationAccess | null,
): AuditDetail {
  if (!auditScopeCovers(scope, event.entityType)) return null;
  if (!isApplicationContentEntityType(event.entityType)) return "full";
  if (application?.readable) {
    return application.firstSubmittedAt && event.at >= application.firstSubmittedAt ? "full" : "reference";
  }
  return scope === "all" ? "reference" : null;
}

/** An event's before/after cut down to what the detail allows. */
export function auditEventFields(detail: "full" | "reference", before: unknown, after: unknown): { before: unknown; after: unknown } {
  if (detail === "full") return { before, after };
  const keep = (value: unknown) =>
    isPlainObject(value) ? Object.fromEntries(AUDIT_REFERENCE_FIELDS.filter((k) => k in value).map((k) => [k, value[k]])) : null;
  return { before: keep(before), after: keep(after) };
}

export interface AuditChange {
  key: string;
  before: unknown;
  after: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so that equal values compare equal. */
export function stableJson(value: unknown): string {
  if (value === undefined) return "undefined";
  return JSON.stringify(value, (_key, v: unknown) => {
    if (isPlainObject(v)) {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]));
    }
    return v;
  });
}

/**
 * The fields that changed between an event's before and after, in a stable
 * order (keys of before first, then new keys of after). A created record
 * (no before) lists every field of after; a removed one every field of before.
 * Values that are not objects are compared as one field with the key "".
 */
export function auditDiff(before: unknown, after: unknown): AuditChange[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return [];
  if ((hasBefore && !isPlainObject(before)) || (hasAfter && !isPlainObject(after))) {
    return stableJson(before ?? null) === stableJson(after ?? null)
      ? []
      : [{ key: "", before: before ?? null, after: after ?? null }];
  }
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
  const changes: AuditChange[] = [];
  for (const key of keys) {
    const was = key in b ? b[key] : null;
    const now = key in a ? a[key] : null;
    if (stableJson(was) !== stableJson(now)) changes.push({ key, before: was, after: now });
  }
  return changes;
}

/**
 * Money in the audit trail is whole øre written as a string (bigint → JSON).
 * A field named "…Ore" holding an integer string is shown as kroner.
 */
export function auditMoneyValue(key: string, value: unknown): bigint | null {
  if (!/Ore$/.test(key)) return null;
  if (typeof value === "string" && /^-?\d{1,18}$/.test(value)) return BigInt(value);
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  return null;
}

/**
 * The first instant of a calendar day (yyyy-mm-dd) in a time zone, as a UTC
 * Date. Used for "from/to date" filters on timestamps, in Danish time.
 */
export function startOfDayInZone(isoDate: string, timeZone = DANISH_TIME_ZONE): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // Offset of the zone at (about) that moment; midnight is never inside a DST switch in Europe.
  let guess = utcMidnight;
  for (let i = 0; i < 2; i++) guess = utcMidnight - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

function zoneOffsetMs(date: Date, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** The day after yyyy-mm-dd, as yyyy-mm-dd. */
export function nextIsoDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return toIsoDate(date);
}
