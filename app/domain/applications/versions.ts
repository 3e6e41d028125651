// What changed between two submitted versions of an application.

export type Snapshot = Record<string, unknown>;

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fields (top-level keys) whose value differs, in the order of the newer snapshot's keys. */
export function diffSnapshots(before: Snapshot, after: Snapshot, ignore: readonly string[] = []): FieldChange[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter((k) => !ignore.includes(k));
  return keys.filter((k) => !same(before[k], after[k])).map((field) => ({ field, before: before[field], after: after[field] }));
}
