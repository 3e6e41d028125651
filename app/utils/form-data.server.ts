// Reading a form body (multipart or urlencoded) in an action without trusting
// it: a body that is not form data answers 400 and one over the size cap 413,
// instead of an uncaught TypeError (500) or an unbounded read into memory.
// Besides its size, the body's shape is bounded (number of fields, field-name
// length and nesting, array indices, text sizes) before anything builds a
// structure from the names: `x[100000000]=1` would otherwise make Conform build
// (and the reply echo) an array of a hundred million slots.
import { data } from "react-router";

/** The cap for ordinary forms (no files): far above any form of the app. */
export const MAX_FORM_BYTES = 1024 * 1024; // 1 MB

/**
 * Bounds on a form's shape, far above any form of the app. The largest are the
 * area lead's ranking (two fields per endorsed application; a place has at most
 * four digits) and the application form (about 20 fields plus 30 cost lines of
 * three fields); the longest text is a guideline body (50,000 characters).
 */
export const FORM_BOUNDS = {
  /** Entries in one body. */
  maxFields: 10_000,
  /** Characters in one field name. */
  maxNameLength: 200,
  /** Segments in one field name (`costLines[0].amount` has three). */
  maxNameDepth: 6,
  /** The largest array index in a name (`ranks[9999].rank`). */
  maxArrayIndex: 9_999,
  /** Array slots the names would create, summed over every array of the form. */
  maxArraySlots: 20_000,
  /** Characters in one text value. */
  maxValueLength: 100_000,
  /** Characters in all text values together. */
  maxTotalValueLength: 1024 * 1024,
} as const;

export type FormBoundViolation =
  | "fields"
  | "nameLength"
  | "nameDepth"
  | "arrayIndex"
  | "arraySlots"
  | "valueLength"
  | "totalValueLength";
/** A refused body is read and thrown away up to this size (so the browser gets the answer); beyond, the connection is cut. */
const DISCARD_LIMIT_BYTES = 200 * 1024 * 1024;

export type CappedForm =
  | { ok: true; formData: FormData }
  | { ok: false; reason: "tooLarge" | "badRequest" }
  | { ok: false; reason: "outOfBounds"; violation: FormBoundViolation };

const NAME_TOKEN = /([^.[\]]+)|\[(\d*)\]/g;

/**
 * The segments of a field name as Conform reads them (`a.b[2]` → a, b, 2), or
 * null when Conform would ignore the name. Indices stay strings here, so that a
 * 400-digit index is never turned into a number.
 */
export function nameSegments(name: string): { key?: string; index?: string }[] | null {
  const segments: { key?: string; index?: string }[] = [];
  let lastIndex = 0;
  NAME_TOKEN.lastIndex = 0;
  for (let match = NAME_TOKEN.exec(name); match; match = NAME_TOKEN.exec(name)) {
    if (match.index !== lastIndex && !(match.index === lastIndex + 1 && name[lastIndex] === ".")) return null;
    segments.push(match[1] !== undefined ? { key: match[1] } : { index: match[2] });
    lastIndex = NAME_TOKEN.lastIndex;
  }
  return lastIndex === name.length ? segments : null;
}

/** The name's first segment (`costLines[0].amount` → `costLines`): the schema key it belongs to. */
export function topLevelName(name: string): string {
  const end = name.search(/[.[]/);
  return end === -1 ? name : name.slice(0, end);
}

/**
 * Checks the shape of parsed form data against FORM_BOUNDS: returns the first
 * bound it breaks, or null. Cost: one pass over the names and values.
 */
export function formBoundViolation(formData: FormData, bounds: typeof FORM_BOUNDS = FORM_BOUNDS): FormBoundViolation | null {
  let fields = 0;
  let totalValueLength = 0;
  /** The largest index seen per array (keyed by the name up to the index). */
  const arrays = new Map<string, number>();
  let arraySlots = 0;
  for (const [name, value] of formData.entries()) {
    fields += 1;
    if (fields > bounds.maxFields) return "fields";
    if (name.length > bounds.maxNameLength) return "nameLength";
    if (typeof value === "string") {
      if (value.length > bounds.maxValueLength) return "valueLength";
      totalValueLength += value.length;
      if (totalValueLength > bounds.maxTotalValueLength) return "totalValueLength";
    }
    const segments = nameSegments(name);
    if (!segments) continue; // Conform ignores a name it cannot read
    if (segments.length > bounds.maxNameDepth) return "nameDepth";
    let prefix = "";
    for (const segment of segments) {
      if (segment.index) {
        const digits = segment.index.replace(/^0+(?=\d)/, "");
        if (digits.length > String(bounds.maxArrayIndex).length || Number(digits) > bounds.maxArrayIndex) return "arrayIndex";
        const index = Number(digits);
        const seen = arrays.get(prefix) ?? -1;
        if (index > seen) {
          arraySlots += index - seen;
          if (arraySlots > bounds.maxArraySlots) return "arraySlots";
          arrays.set(prefix, index);
        }
      }
      prefix += segment.key !== undefined ? `.${segment.key}` : `[${segment.index ?? ""}]`;
    }
  }
  return null;
}

/** Occurrences of `needle` in `bytes` (without decoding them). */
function countOccurrences(bytes: Uint8Array, needle: Uint8Array, stopAfter: number): number {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1 && count <= stopAfter; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

/**
 * An upper bound on the number of entries in a raw body, counted on the bytes
 * before any parsing, so that a megabyte of `&` never becomes half a million
 * entries: separators for urlencoded, boundaries for multipart.
 */
function tooManyEntries(bytes: Uint8Array, contentType: string, maxFields: number): boolean {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "multipart/form-data") {
    const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    const value = boundary?.[1] ?? boundary?.[2];
    if (!value) return false; // the parser refuses it
    // Each part starts with a boundary line; the body ends with one more.
    return countOccurrences(bytes, new TextEncoder().encode(`--${value}`), maxFields + 1) > maxFields + 1;
  }
  let separators = 0;
  for (const byte of bytes) {
    if (byte === 0x26 /* & */ && ++separators >= maxFields) return true;
  }
  return false;
}

async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<void> {
  let total = alreadyRead;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
      if (total > DISCARD_LIMIT_BYTES) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // the client went away: nothing to do
  }
}

/**
 * Parses a form body (multipart or urlencoded), refusing anything larger than
 * `limit`: first by its declared Content-Length, then by counting the bytes as
 * they arrive. At most `limit` bytes are ever held in memory. Never throws:
 * for routes that answer a refusal themselves (e.g. the upload's redirect).
 */
export async function readCappedFormData(request: Request, limit: number): Promise<CappedForm> {
  const declared = Number(request.headers.get("Content-Length") ?? "NaN");
  const body = request.body;
  if (!body) return { ok: true, formData: new FormData() };
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = body.getReader();
  } catch {
    // already read or locked
    return { ok: false, reason: "badRequest" };
  }
  if (Number.isFinite(declared) && declared > limit) {
    void discard(reader, 0);
    return { ok: false, reason: "tooLarge" };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      return { ok: false, reason: "badRequest" };
    }
    if (next.done) break;
    total += next.value.byteLength;
    if (total > limit) {
      void discard(reader, total);
      return { ok: false, reason: "tooLarge" };
    }
    chunks.push(next.value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  chunks.length = 0;
  const contentType = request.headers.get("Content-Type") ?? "";
  if (total === 0 && !contentType) return { ok: true, formData: new FormData() };
  if (tooManyEntries(bytes, contentType, FORM_BOUNDS.maxFields)) return { ok: false, reason: "outOfBounds", violation: "fields" };
  let formData: FormData;
  try {
    formData = await new Request(request.url, { method: "POST", headers: { "Content-Type": contentType }, body: bytes }).formData();
  } catch {
    return { ok: false, reason: "badRequest" };
  }
  const violation = formBoundViolation(formData);
  if (violation) return { ok: false, reason: "outOfBounds", violation };
  return { ok: true, formData };
}

/**
 * The request's form data for an action. Throws a 400 response (the error page)
 * when the body is not form data or breaks FORM_BOUNDS, and 413 when it is
 * larger than `maxBytes`.
 */
export async function readForm(request: Request, { maxBytes = MAX_FORM_BYTES }: { maxBytes?: number } = {}): Promise<FormData> {
  const form = await readCappedFormData(request, maxBytes);
  if (form.ok) return form.formData;
  if (form.reason === "tooLarge") throw data({ message: "payload too large" }, { status: 413 });
  if (form.reason === "outOfBounds") throw data({ message: `form out of bounds: ${form.violation}` }, { status: 400 });
  throw data({ message: "bad request" }, { status: 400 });
}
