// The frozen content of a submitted application (ApplicationVersion.content),
// also used to show a draft. JSON-safe: money is øre as a decimal string,
// dates are yyyy-mm-dd. Pure: shared by the server and the pages.

export interface SnapshotCostLine {
  category: string;
  description: string;
  amountOre: string;
}

export interface SnapshotFocusArea {
  id: string;
  name: string;
  primary: boolean;
}

export interface SnapshotArea {
  id: string;
  code: string;
  name: string;
}

export interface SnapshotAttachment {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

export interface ApplicationSnapshot {
  reference: string;
  round: { id: string; name: string };
  unit: { id: string; name: string };
  area: SnapshotArea;
  contactName: string;
  contactEmail: string;
  title: string;
  purpose: string;
  targetGroup: string;
  participants: number | null;
  activityType: string | null;
  startDate: string | null;
  endDate: string | null;
  costLines: SnapshotCostLine[];
  totalCostOre: string;
  coFinancingOre: string;
  requestedOre: string;
  focusAreas: SnapshotFocusArea[];
  partnerAreas: SnapshotArea[];
  expectedEffect: string;
  followUpPlan: string;
  softRuleJustification: string;
  attachments: SnapshotAttachment[];
}

/** The fields in the order the form shows them (for the list of changes between versions). */
export const SNAPSHOT_FIELDS = [
  "unit",
  "contactName",
  "contactEmail",
  "title",
  "purpose",
  "focusAreas",
  "partnerAreas",
  "targetGroup",
  "participants",
  "activityType",
  "startDate",
  "endDate",
  "costLines",
  "totalCostOre",
  "coFinancingOre",
  "requestedOre",
  "expectedEffect",
  "followUpPlan",
  "softRuleJustification",
  "attachments",
] as const satisfies readonly (keyof ApplicationSnapshot)[];
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

/** Long texts: their changes are shown word by word. */
export const TEXT_FIELDS: readonly SnapshotField[] = ["title", "purpose", "targetGroup", "expectedEffect", "followUpPlan", "softRuleJustification"];

/** Fields that never differ in a meaningful way between versions of one application. */
export const IGNORED_IN_DIFF: readonly string[] = ["reference", "round", "area"];

export function isSnapshot(value: unknown): value is ApplicationSnapshot {
  return typeof value === "object" && value !== null && typeof (value as { reference?: unknown }).reference === "string";
}
