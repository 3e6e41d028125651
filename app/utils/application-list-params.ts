// The application list's URL state, the area lead's ranking form and the
// statistics page's filter. Pure (Zod only): used on the server and in the browser.
import { z } from "zod";
import { rankProblems } from "~/domain/applications/ranking";
import { APPLICATION_STATUSES, type ApplicationStatus } from "~/domain/applications/status";
import { pageParam, parseSearchParams } from "~/utils/list-params";

/** Which applications a list shows: the user's units, the lead's area(s), or everything. */
export const LIST_VIEWS = ["mine", "area", "all"] as const;
export type ListView = (typeof LIST_VIEWS)[number];

export const APPLICATION_SORTS = ["reference", "title", "unit", "requested", "status", "submittedAt", "rank"] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

const id = z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Comma-separated statuses ("SUBMITTED,ENDORSED"); unknown values are dropped. */
const statusList = z
  .string()
  .max(400)
  .optional()
  .transform((text): ApplicationStatus[] => {
    if (!text) return [];
    const wanted = new Set(text.split(",").map((s) => s.trim()));
    return APPLICATION_STATUSES.filter((status) => wanted.has(status));
  })
  .catch([]);

/** The list's state in the URL. Every field falls back to its default when the value is bad. */
export const ApplicationListParams = z.object({
  view: z.enum(LIST_VIEWS).optional().catch(undefined),
  round: id.optional().catch(undefined),
  area: id.optional().catch(undefined),
  unit: id.optional().catch(undefined),
  focus: id.optional().catch(undefined),
  status: statusList,
  /** Amounts in kroner as typed ("25.000"); parsed with parseKroner, invalid ones are ignored with a note. */
  min: z.string().trim().max(40).optional().catch(undefined),
  max: z.string().trim().max(40).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(APPLICATION_SORTS).catch("reference"),
  dir: z.enum(SORT_DIRECTIONS).catch("desc"),
  page: pageParam,
  /** Set after a saved ranking (post/redirect/get). */
  ranked: z.literal("1").optional().catch(undefined),
});
export type ApplicationListFilter = z.infer<typeof ApplicationListParams>;

/**
 * Reads the list's search params. A status may come as several params
 * (checkboxes: status=A&status=B) or comma-separated (status=A,B).
 */
export function parseApplicationListParams(url: string | URL): ApplicationListFilter {
  const copy = new URL(url);
  const statuses = copy.searchParams.getAll("status").filter(Boolean);
  copy.searchParams.delete("status");
  if (statuses.length) copy.searchParams.set("status", statuses.join(","));
  return parseSearchParams(copy, ApplicationListParams);
}

/** Search params that only describe one moment (not the list state) and are dropped from links. */
export const TRANSIENT_PARAMS = ["page", "ranked"] as const;

// ---------------------------------------------------------------------------
// The area lead's ranking of endorsed applications (one area, one round).

const rankText = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .regex(/^\d{1,4}$/, { error: "validation.integer" })
  .transform(Number);

export const RankSchema = z
  .object({
    intent: z.literal("rank", { error: "validation.invalid" }),
    roundId: z.string({ error: "validation.required" }).trim().min(1, { error: "validation.required" }),
    areaId: z.string({ error: "validation.required" }).trim().min(1, { error: "validation.required" }),
    ranks: z
      .array(
        z.object({
          id: z.string({ error: "validation.required" }).trim().min(1, { error: "validation.required" }),
          rank: rankText,
        }),
        { error: "validation.required" },
      )
      .min(1, { error: "validation.required" }),
  })
  .superRefine((value, ctx) => {
    const ranks = value.ranks.map((r) => r.rank);
    // A place that is not a whole number already has its own message.
    if (!ranks.every((rank) => Number.isInteger(rank))) return;
    for (const issue of rankProblems(ranks)) {
      ctx.addIssue({ code: "custom", path: ["ranks", issue.index, "rank"], message: issue.message });
    }
  });
export type RankInput = z.infer<typeof RankSchema>;

// ---------------------------------------------------------------------------
// The statistics page's filter: a pool year ("all" = every year) and a round.

export const StatisticsParams = z.object({
  year: z
    .string()
    .regex(/^(all|\d{4})$/)
    .optional()
    .catch(undefined),
  round: id.optional().catch(undefined),
});
export type StatisticsFilter = z.infer<typeof StatisticsParams>;
