// Eligibility rule kinds (formel vurdering) and their parameters. A rule is
// stored with its kind and a JSON `params` object validated here. Amounts are
// øre as decimal strings (JSON has no bigint); shares are basis points (25 % = 2500).
import { z } from "zod";

export const COST_CATEGORIES = [
  "COURSE_FEE", // kursusafgift
  "SUBSTITUTE_COVER", // vikardækning
  "TRANSPORT", // transport
  "ACCOMMODATION", // ophold og forplejning
  "MATERIALS", // materialer
  "EXTERNAL_TEACHING", // ekstern underviser
  "OTHER", // andet
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

const oreString = z.string().regex(/^\d{1,17}$/);

export const RULE_PARAMS = {
  /** Maksimalt beløb pr. ansøgning */
  MAX_AMOUNT: z.object({ maxOre: oreString }),
  /** Mindste egenfinansiering (andel af de samlede udgifter) */
  MIN_COFINANCING_SHARE: z.object({ minBasisPoints: z.number().int().min(1).max(10_000) }),
  /** Tilskudsberettigede udgiftstyper; andre udgifter skal dækkes af egenfinansieringen */
  COST_CATEGORIES: z.object({ eligible: z.array(z.enum(COST_CATEGORIES)).min(1) }),
  /** Mindst ét af årets fokusområder */
  FOCUS_AREA_REQUIRED: z.object({}),
  /** Aktiviteten ligger inden for puljeåret */
  ACTIVITY_IN_YEAR: z.object({}),
  /** Aktiviteten starter senest N måneder efter afgørelsen */
  START_WITHIN_MONTHS: z.object({ months: z.number().int().min(1).max(36) }),
  /** Mindste antal deltagere */
  MIN_PARTICIPANTS: z.object({ min: z.number().int().min(1).max(100_000) }),
  /** Mindst N forvaltningsområder involveret (tværgående) */
  MIN_AREAS: z.object({ min: z.number().int().min(1).max(20) }),
  /** Højst en andel af rundens ramme til ét forvaltningsområde (kontrolleres ved afgørelsen) */
  MAX_ROUND_SHARE_PER_AREA: z.object({ maxBasisPoints: z.number().int().min(1).max(10_000) }),
} as const;

export type RuleKind = keyof typeof RULE_PARAMS;
export const RULE_KINDS = Object.keys(RULE_PARAMS) as RuleKind[];
export type RuleParams<K extends RuleKind> = z.infer<(typeof RULE_PARAMS)[K]>;

export type Severity = "HARD" | "SOFT";

export type EligibilityRule = {
  [K in RuleKind]: { id: string; kind: K; severity: Severity; params: RuleParams<K> };
}[RuleKind];

export function isRuleKind(kind: string): kind is RuleKind {
  return Object.prototype.hasOwnProperty.call(RULE_PARAMS, kind);
}

/** Reads a stored rule; null when its kind or parameters are not valid. */
export function parseRule(stored: { id: string; kind: string; severity: Severity; params: unknown }): EligibilityRule | null {
  if (!isRuleKind(stored.kind)) return null;
  const parsed = RULE_PARAMS[stored.kind].safeParse(stored.params);
  if (!parsed.success) return null;
  return { id: stored.id, kind: stored.kind, severity: stored.severity, params: parsed.data } as EligibilityRule;
}
