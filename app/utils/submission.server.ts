// The one way an action turns form data into a Conform submission. On top of
// Conform's parseWithZod it
// - keeps only the fields the schema knows (by top-level name), so that the
//   reply never echoes back what a stranger added to the body;
// - refuses a malformed Conform intent (`__intent__`) with a 400 instead of the
//   SyntaxError Conform would throw (a 500), and bounds the list operations an
//   intent may ask for like the field names themselves (FORM_BOUNDS);
// - turns a NUL byte or another control character in any field into a message
//   next to that field (PostgreSQL refuses NUL in text: a 500 otherwise).
// The body itself is bounded before this, in readForm (form-data.server.ts).
import { parse, type Submission } from "@conform-to/dom";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import { z } from "zod";
import { FORM_BOUNDS, nameSegments, topLevelName } from "~/utils/form-data.server";
import { CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE } from "~/utils/validation";

/** Conform's reserved field names. */
const INTENT = "__intent__";
const STATE = "__state__";

type AnySchema = z.ZodType;

/**
 * The top-level keys of the objects a schema accepts: through pipes
 * (`.transform`), optional/nullable/default/catch/readonly wrappers, unions and
 * discriminated unions, intersections and lazy schemas. Null when the schema
 * holds no object at all.
 */
export function schemaKeys(schema: AnySchema): Set<string> | null {
  const keys = new Set<string>();
  let objects = 0;
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> & { type?: string } } })._zod?.def;
    if (!def) return;
    switch (def.type) {
      case "object":
        objects += 1;
        for (const key of Object.keys(def.shape as Record<string, unknown>)) keys.add(key);
        return;
      case "pipe":
        visit(def.in);
        return;
      case "union":
        for (const option of def.options as unknown[]) visit(option);
        return;
      case "intersection":
        visit(def.left);
        visit(def.right);
        return;
      case "lazy":
        visit((def.getter as () => unknown)());
        return;
      default:
        if ("innerType" in def) visit(def.innerType);
    }
  };
  visit(schema);
  return objects > 0 ? keys : null;
}

const keyCache = new WeakMap<AnySchema, Set<string>>();
function keysOf(schema: AnySchema): Set<string> {
  let keys = keyCache.get(schema);
  if (!keys) {
    const found = schemaKeys(schema);
    if (!found) throw new Error("parseSubmission needs an object schema (or a union, pipe or wrapper of objects)");
    keys = found;
    keyCache.set(schema, keys);
  }
  return keys;
}

/** A field name an intent may point at: one the form could have sent, within FORM_BOUNDS. */
function isBoundedName(name: string, keys: Set<string>): boolean {
  if (name.length > FORM_BOUNDS.maxNameLength || !keys.has(topLevelName(name))) return false;
  const segments = nameSegments(name);
  if (!segments || segments.length > FORM_BOUNDS.maxNameDepth) return false;
  return segments.every((s) => s.index === undefined || (/^\d{1,5}$/.test(s.index) && Number(s.index) <= FORM_BOUNDS.maxArrayIndex));
}

/** A value an intent carries (a cost line's default value, say): plain JSON, shallow and small. */
function isSmallJson(value: unknown, depth = 0): boolean {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return true;
  if (depth >= FORM_BOUNDS.maxNameDepth || typeof value !== "object") return false;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.length <= 100 && children.every((child) => isSmallJson(child, depth + 1));
}

const index = z.number().int().min(0).max(FORM_BOUNDS.maxArrayIndex);
const name = z.string();
const IntentSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("validate"), payload: z.object({ name: name.optional() }) }),
  z.object({ type: z.literal("update"), payload: z.object({ name, index: index.optional(), value: z.unknown().optional(), validated: z.boolean().optional() }) }),
  z.object({ type: z.literal("reset"), payload: z.object({ name: name.optional(), index: index.optional() }) }),
  z.object({ type: z.literal("insert"), payload: z.object({ name, index: index.optional(), defaultValue: z.unknown().optional() }) }),
  z.object({ type: z.literal("remove"), payload: z.object({ name, index }) }),
  z.object({ type: z.literal("reorder"), payload: z.object({ name, from: index, to: index }) }),
]);

/** Longest `__intent__` value accepted (Conform's own are well under 1,000 characters). */
const MAX_INTENT_LENGTH = 10_000;

/** Whether a serialized Conform intent is one Conform can carry out within our bounds. */
export function isAcceptableIntent(serialized: FormDataEntryValue, keys: Set<string>): boolean {
  if (typeof serialized !== "string" || serialized.length > MAX_INTENT_LENGTH) return false;
  let json: unknown;
  try {
    json = JSON.parse(serialized);
  } catch {
    return false;
  }
  const intent = IntentSchema.safeParse(json);
  if (!intent.success) return false;
  const payload = intent.data.payload as { name?: string; value?: unknown; defaultValue?: unknown };
  if (payload.name !== undefined && !isBoundedName(payload.name, keys)) return false;
  return isSmallJson(payload.value ?? null) && isSmallJson(payload.defaultValue ?? null);
}

function badRequest(message: string): never {
  throw data({ message }, { status: 400 });
}

/** The entries of `formData` whose top-level name the schema knows, plus a valid intent. */
function knownFields(formData: FormData, keys: Set<string>): FormData {
  const kept = new FormData();
  const intents = formData.getAll(INTENT);
  if (intents.length > 1) badRequest("more than one form intent");
  if (intents.length === 1) {
    if (!isAcceptableIntent(intents[0]!, keys)) badRequest("malformed form intent");
    kept.append(INTENT, intents[0]!);
  }
  for (const [name, value] of formData.entries()) {
    if (name === INTENT || name === STATE) continue; // the app renders no form state input
    if (keys.has(topLevelName(name))) kept.append(name, value);
  }
  return kept;
}

/** The names of text fields holding a control character that text fields refuse. */
function fieldsWithControlCharacters(formData: FormData): string[] {
  const names = new Set<string>();
  for (const [name, value] of formData.entries()) {
    if (name !== INTENT && typeof value === "string" && CONTROL_CHARACTERS.test(value)) names.add(name);
  }
  return [...names];
}

/**
 * parseWithZod for a route action, on the fields the schema knows. Throws a 400
 * response for a malformed intent. Use this in every action (never
 * parseWithZod on the raw form data).
 */
export function parseSubmission<Schema extends AnySchema>(formData: FormData, schema: Schema): Submission<z.input<Schema>, string[], z.output<Schema>> {
  const fields = knownFields(formData, keysOf(schema));
  const submission = parseWithZod(fields, { schema });
  const withControls = fieldsWithControlCharacters(fields);
  if (withControls.length === 0) return submission;
  // Same submission, with a message next to each such field (and never a value).
  const error: Record<string, string[] | null> = { ...(submission.status === "success" ? {} : submission.error) };
  for (const field of withControls) {
    const messages = error[field] ?? [];
    error[field] = messages.includes(CONTROL_CHARACTERS_MESSAGE) ? messages : [...messages, CONTROL_CHARACTERS_MESSAGE];
  }
  return parse(fields, { resolve: () => ({ error }) }) as Submission<z.input<Schema>, string[], z.output<Schema>>;
}

/** A submission whose replies never echo a typed password back to the browser. */
export function withoutPasswords<S extends Submission<unknown>>(submission: S): S {
  const reply = (options?: Parameters<S["reply"]>[0]) =>
    submission.reply(options && "resetForm" in options ? options : { ...options, hideFields: ["password"] });
  return { ...submission, reply } as S;
}
