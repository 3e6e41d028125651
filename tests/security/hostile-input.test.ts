// Hostile input against every action of the route table, as every demo role
// and as an anonymous visitor: generated bodies (fast-check) with huge and
// sparse array indices, deep nesting, thousands of fields, NUL, control and
// bidi characters, malformed multipart, wrong Conform intents, oversized
// numbers and wrong content types. For every request: no 5xx, an answer within
// a fixed bound, and — compared per action — no change in the database (a
// digest of every table) or in the stored files.
//
// What may legitimately change, and is therefore left out of the digest:
// - Session.lastSeenAt / expiresAt: the sliding session moves on any
//   authenticated request (the rest of each session row is compared, so an
//   ended or a new session is seen);
// - LoginAttempt rows and their "auth.loginFailed" audit events: what a failed
//   login is meant to leave behind (a hostile login body can be a failed login);
// - tables of the login rate limiter (any table whose name contains
//   "ratelimit"/"rate_limit"), for the same reason.
// The logout action ends the session whatever the body says: it is checked for
// status and time, not for an unchanged database.
import { readdir } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/domain/permissions";
import routes from "~/routes";
import { currentDatabase } from "~/utils/db.server";
import { cookieFor, demoEmailFor } from "../db-utils";
import { seedRouteFixtures, type Ids } from "../route-fixtures";
import { callActionWithRequest, type RouteModule } from "../route-utils";

type Who = Role | "ANONYMOUS";
const EVERYONE: readonly Who[] = [...ROLES, "ANONYMOUS"];

/** Safety bound per request (generous for CI on two shared cores; not a benchmark). */
const BOUND_MS = 2_000;
/** Generated bodies per action (on top of the fixed ones sent as every visitor). */
const RUNS_PER_ACTION = 25;

// ---------------------------------------------------------------------------
// The actions of the route table, with the ids their URLs need

interface RouteEntry {
  path?: string;
  file: string;
  children?: RouteEntry[];
}

function flatten(entries: readonly RouteEntry[]): RouteEntry[] {
  return entries.flatMap((entry) => [entry, ...flatten(entry.children ?? [])]);
}

/** URL parameter values: records that exist and that the roles allowed to act on them may change. */
function paramValue(file: string, name: string, ids: Ids): string {
  const values: Record<string, string> = {
    unitId: ids.otherAreaUnit,
    areaId: ids.buuArea,
    userId: ids.someUser,
    // Pool year 2027 has no priorities nor rounds yet (see the permission matrix).
    year: file === "routes/priorities/new.tsx" || file === "routes/rounds/new.tsx" ? "2027" : "2026",
    roundId: ids.round,
    version: "2", // the draft guideline version
    focusAreaId: ids.focusArea,
    applicationId: ids.ownDraft,
    attachmentId: ids.ownAttachment,
  };
  if (!Object.hasOwn(values, name)) throw new Error(`No value for the URL parameter :${name} of ${file}: add one here`);
  return values[name]!;
}

interface ActionRoute {
  file: string;
  url: string;
  pattern: string;
  params: Record<string, string>;
  module: RouteModule;
}

/** Every route of app/routes.ts whose module has an action (read when the file is collected). */
const ACTION_ROUTES: { entry: RouteEntry; module: RouteModule }[] = [];
for (const entry of flatten(routes as unknown as RouteEntry[])) {
  const module = (await import(/* @vite-ignore */ path.resolve("app", entry.file))) as RouteModule;
  if (module.action) ACTION_ROUTES.push({ entry, module });
}

function actionRoute({ entry, module }: (typeof ACTION_ROUTES)[number], ids: Ids): ActionRoute {
  const pattern = `/${entry.path ?? ""}`;
  const params: Record<string, string> = {};
  const url = pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => (params[name] = paramValue(entry.file, name, ids)));
  return { file: entry.file, url, pattern, params, module };
}

// ---------------------------------------------------------------------------
// What may not change

async function digest(): Promise<Record<string, string>> {
  const runner = currentDatabase().runner;
  const tables = await runner.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    if (tablename === "LoginAttempt" || /rate_?limit/i.test(tablename)) continue;
    const rows =
      tablename === "Session"
        ? `SELECT id, "userId", "createdAt" FROM "Session"`
        : tablename === "AuditEvent"
          ? `SELECT * FROM "AuditEvent" WHERE action <> 'auth.loginFailed'`
          : `SELECT * FROM "${tablename}"`;
    const [row] = await runner.query<{ digest: string; count: string }>(
      `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest, count(*)::text AS count FROM (${rows}) t`,
    );
    out[tablename] = `${row!.count}:${row!.digest}`;
  }
  out["files"] = (await readdir(process.env.ATTACHMENTS_DIR!, { recursive: true }).catch(() => [])).sort().join(",");
  return out;
}

// ---------------------------------------------------------------------------
// Hostile bodies

interface HostileBody {
  label: string;
  /** Omitted: the Request sets it (FormData) or sends none. */
  contentType?: string;
  body: string | Uint8Array | FormData | undefined;
}

const NASTY_CHARACTERS = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\u001b",
  "\u001f",
  "\u007f",
  "\u202a",
  "\u202e",
  "\u2066",
  "\u2069",
  "\ud800", // a lone surrogate
  "\uffff",
  "\r\n",
  "\t",
  "%00",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "'; DROP TABLE \"User\"; --",
  "æøå",
];

const OVERSIZED_NUMBERS = [
  "9".repeat(400),
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "-0",
  "0x10",
  "99999999999999999999999",
  "1.7976931348623157e308",
  "-9223372036854775809",
  "25.000.000.000.000,00",
  "2.000.000.000.000,00",
  "1e-400",
];

/** Names the app's forms use, Conform's reserved ones and prototype keys. */
const KNOWN_NAMES = [
  "email",
  "password",
  "redirectTo",
  "intent",
  "title",
  "name",
  "code",
  "areaId",
  "unitId",
  "leadAreaId",
  "roles",
  "amount",
  "note",
  "body",
  "confirmed",
  "confirm",
  "active",
  "roundId",
  "ranks[0].id",
  "ranks[0].rank",
  "costLines[0].amount",
  "costLines[0].description",
  "focusAreaIds",
  "primaryFocusAreaId",
  "lang",
  "id",
  "attachmentId",
  "year",
  "opensAt",
  "closesAt",
  "weight",
  "kind",
  "rows[0].focusAreaId",
  "__intent__",
  "__state__",
  "__proto__",
  "constructor",
  "prototype",
  "__proto__.polluted",
  "constructor.prototype.polluted",
];

const INTENT_NAMES = ["intent"];
const APP_INTENTS = ["save", "submit", "screen", "update", "setPassword", "setActive", "rank", "upload", "remove", "markRead", "markAllRead", "adopt", "addRule", "withdraw", "endorse", "return"];

const nastyString = fc
  .array(fc.oneof(fc.constantFrom(...NASTY_CHARACTERS), fc.string({ maxLength: 12 }), fc.constantFrom(...OVERSIZED_NUMBERS)), { maxLength: 8 })
  .map((parts) => parts.join(""));

const hugeIndex = fc.oneof(fc.bigInt({ min: 10_000n, max: 10n ** 30n }), fc.constantFrom(100_000_000n, 4_294_967_295n, 4_294_967_296n));
const deepName = fc.tuple(fc.integer({ min: 7, max: 300 }), fc.constantFrom(".b", "[0]", "[]", ".__proto__", "[9999]")).map(([depth, step]) => `a${step.repeat(depth)}`);

const fieldName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_NAMES) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom("x", "costLines", "ranks", "rows", "focusAreaIds", "roles"), hugeIndex).map(([base, n]) => `${base}[${n}]`) },
  { weight: 1, arbitrary: hugeIndex.map((n) => `costLines[${n}].amount`) },
  { weight: 2, arbitrary: deepName },
  { weight: 1, arbitrary: fc.string({ minLength: 201, maxLength: 400 }) },
  { weight: 2, arbitrary: nastyString },
);

/** Conform intents: malformed, of unknown type, or asking for huge or deep structures. */
const conformIntent = fc.oneof(
  fc.constantFrom(
    "x",
    "{",
    "null",
    "[]",
    "1",
    '"insert"',
    '{"type":"insert"}',
    '{"type":"nope","payload":{}}',
    '{"type":"insert","payload":{"name":"costLines","index":100000000}}',
    '{"type":"insert","payload":{"name":"costLines[100000000]"}}',
    '{"type":"update","payload":{"value":{"injected":"x"}}}',
    '{"type":"update","payload":{"name":"__proto__.polluted","value":"x"}}',
    '{"type":"remove","payload":{"name":"costLines","index":-1}}',
    '{"type":"reorder","payload":{"name":"costLines","from":0,"to":4294967295}}',
    '{"type":"reset","payload":{}}',
    '{"type":"validate","payload":{"name":"title"}}',
    `{"type":"update","payload":{"name":"title","value":${"[".repeat(5000)}${"]".repeat(5000)}}}`,
  ),
  fc.json({ maxDepth: 4 }),
  fc.record({ type: fc.constantFrom("insert", "remove", "reorder", "update", "reset", "validate"), payload: fc.object({ maxDepth: 2 }) }).map((o) => JSON.stringify(o)),
);

const fieldValue = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.constantFrom(...OVERSIZED_NUMBERS) },
  { weight: 1, arbitrary: conformIntent },
  { weight: 1, arbitrary: fc.constantFrom(...APP_INTENTS) },
  { weight: 1, arbitrary: fc.string() },
);

const entries = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fieldName, fieldValue) },
    { weight: 2, arbitrary: fc.tuple(fc.constant("__intent__"), conformIntent) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...INTENT_NAMES), fc.constantFrom(...APP_INTENTS)) },
  ),
  { maxLength: 25 },
);

function urlencoded(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([name, value]) => `${encodeURIComponent(name.replace(/[\ud800-\udfff]/g, "\ufffd"))}=${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "\ufffd"))}`).join("&");
}

const fileName = fc.oneof(
  fc.constantFrom("plan.pdf", "x\u202Egnp.pdf", "a\u0000.pdf", "..\\..\\boot.ini", "x.constructor", "x.__proto__", `${"a".repeat(300)}.pdf`, "", "CON", ".pdf"),
  nastyString,
);
const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.constant(new TextEncoder().encode("%PDF-1.4\n%test\n")),
  fc.constant(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])), // a zip header and nothing else
);

const MALFORMED_MULTIPART: HostileBody[] = [
  { label: "multipart without boundary", contentType: "multipart/form-data", body: "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n" },
  { label: "multipart, wrong boundary", contentType: "multipart/form-data; boundary=y", body: "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n" },
  { label: "multipart, truncated", contentType: "multipart/form-data; boundary=x", body: "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1" },
  { label: "multipart, part without name", contentType: "multipart/form-data; boundary=x", body: "--x\r\nContent-Disposition: form-data\r\n\r\n1\r\n--x--\r\n" },
  { label: "multipart, header without end", contentType: "multipart/form-data; boundary=x", body: `--x\r\nContent-Disposition: form-data; name="a"${"x".repeat(10_000)}` },
  { label: "multipart, NUL in name", contentType: "multipart/form-data; boundary=x", body: "--x\r\nContent-Disposition: form-data; name=\"a\u0000b\"\r\n\r\n1\r\n--x--\r\n" },
  { label: "multipart, file with NUL and bidi in its name", contentType: "multipart/form-data; boundary=x", body: "--x\r\nContent-Disposition: form-data; name=\"intent\"\r\n\r\nupload\r\n--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000\u202Egnp.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--x--\r\n" },
];

const WRONG_CONTENT_TYPES: HostileBody[] = [
  { label: "JSON", contentType: "application/json", body: '{"email":"a@b.dk","__proto__":{"polluted":1}}' },
  { label: "text/plain", contentType: "text/plain", body: "email=a@b.dk" },
  { label: "XML", contentType: "application/xml", body: "<a>1</a>" },
  { label: "no content type", body: "a=1" },
  { label: "garbage content type", contentType: "x/y;;;boundary=;charset=\"\"", body: "a=1" },
];

const body: fc.Arbitrary<HostileBody> = fc.oneof(
  { weight: 5, arbitrary: entries.map((pairs) => ({ label: `urlencoded ${JSON.stringify(pairs).slice(0, 300)}`, contentType: "application/x-www-form-urlencoded", body: urlencoded(pairs) })) },
  {
    weight: 3,
    arbitrary: fc.tuple(entries, fc.array(fc.tuple(fc.constantFrom("file", "title", "__intent__", "x[100000000]"), fileName, fileBytes), { maxLength: 2 })).map(([pairs, files]) => {
      const form = new FormData();
      for (const [name, value] of pairs) form.append(name, value);
      for (const [name, filename, bytes] of files) form.append(name, new File([bytes], filename, { type: "application/pdf" }));
      return { label: `multipart ${JSON.stringify(pairs).slice(0, 200)} + files ${JSON.stringify(files.map((f) => f[1]))}`, body: form };
    }),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 1_000, max: 30_000 }), fc.constantFrom("a=1", "costLines[]=1", "ranks[0].rank=1", "&", "x[1]=")).map(([n, field]) => ({
      label: `${n} × ${field}`,
      contentType: "application/x-www-form-urlencoded",
      body: Array.from({ length: n }, () => field).join("&"),
    })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "a=%zz",
      "%=%",
      "a=%E0%A4%A",
      "&&&&",
      "=x",
      "a[=1",
      "a]=1",
      "title=%00",
      "email=a%00@b.dk&password=x",
      `title=${"x".repeat(200_000)}`,
      `body=${"x".repeat(1_100_000)}`,
    ).map((raw) => ({ label: `raw ${raw.slice(0, 80)}`, contentType: "application/x-www-form-urlencoded", body: raw })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_MULTIPART, ...WRONG_CONTENT_TYPES) },
);

/** Sent to every action as every visitor: one of each kind of attack. */
const FIXED_BODIES: HostileBody[] = [
  { label: "huge array index", contentType: "application/x-www-form-urlencoded", body: "anything[100000000]=1" },
  { label: "deep nesting", contentType: "application/x-www-form-urlencoded", body: `a${".b".repeat(500)}=1` },
  { label: "thousands of fields", contentType: "application/x-www-form-urlencoded", body: Array.from({ length: 20_000 }, (_, i) => `f${i}=1`).join("&") },
  { label: "NUL in every known field", contentType: "application/x-www-form-urlencoded", body: urlencoded(KNOWN_NAMES.filter((n) => !n.startsWith("__")).map((n) => [n, "a\u0000b"])) },
  { label: "malformed Conform intent", contentType: "application/x-www-form-urlencoded", body: "__intent__=x" },
  MALFORMED_MULTIPART[2]!,
  WRONG_CONTENT_TYPES[0]!,
];

// ---------------------------------------------------------------------------

let ids: Ids;
const cookies = new Map<Who, string | undefined>();

beforeAll(async () => {
  ids = await seedRouteFixtures();
});

// Fresh sessions for every action (outside the compared window): logout ends them.
beforeEach(async () => {
  cookies.set("ANONYMOUS", undefined);
  for (const role of ROLES) cookies.set(role, await cookieFor(demoEmailFor(role)));
});

async function send(route: ActionRoute, who: Who, hostile: HostileBody): Promise<void> {
  const headers = new Headers();
  const cookie = cookies.get(who);
  if (cookie) headers.set("Cookie", cookie);
  if (hostile.contentType !== undefined) headers.set("Content-Type", hostile.contentType);
  const request = new Request(new URL(route.url, "http://localhost"), { method: "POST", headers, body: hostile.body as BodyInit | undefined });
  const what = `${route.file} as ${who}: ${hostile.label}`;
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${BOUND_MS} ms`)), BOUND_MS * 2);
  });
  try {
    const result = await Promise.race([callActionWithRequest(route.module, request, { params: route.params, pattern: route.pattern }), timeout]);
    const elapsed = performance.now() - started;
    expect(result.status, `${what}: status`).toBeLessThan(500);
    expect(elapsed, `${what}: milliseconds`).toBeLessThan(BOUND_MS);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(what)) throw error;
    throw new Error(`${what}: threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

describe("hostile input", () => {
  for (const found of ACTION_ROUTES) {
    const file = found.entry.file;
    it(`${file}: no 5xx, bounded time, nothing changed`, { timeout: 120_000 }, async () => {
      const route = actionRoute(found, ids);
      const before = await digest();
      for (const who of EVERYONE) for (const hostile of FIXED_BODIES) await send(route, who, hostile);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...EVERYONE), body, async (who, hostile) => {
          await send(route, who, hostile);
        }),
        { numRuns: RUNS_PER_ACTION },
      );
      if (file !== "routes/logout.tsx") expect(await digest()).toEqual(before);
    });
  }
});
