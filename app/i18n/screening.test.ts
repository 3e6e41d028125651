import { describe, expect, it } from "vitest";
import { dateOnlyUtc } from "~/domain/dates";
import { kroner } from "~/domain/money";
import { screen } from "~/domain/screening/engine";
import { formatPercent } from "./format";
import { explainVerdict, ruleName } from "./screening";

const app = {
  requestedOre: kroner(85_000),
  totalCostOre: kroner(100_000),
  coFinancingOre: kroner(15_000),
  costLines: [{ category: "SUBSTITUTE_COVER" as const, amountOre: kroner(30_000) }],
  focusAreaIds: [],
  participants: 12,
  startDate: dateOnlyUtc(2027, 3, 1),
  endDate: dateOnlyUtc(2028, 3, 1),
  applyingAreaId: "a",
  partnerAreaIds: [],
};
const ctx = { poolYear: 2027, yearFocusAreaIds: ["x"], decisionDate: dateOnlyUtc(2027, 2, 15) };

describe("explainVerdict", () => {
  it("quotes the numbers in Danish", () => {
    const verdicts = screen(
      [
        { id: "1", kind: "MIN_COFINANCING_SHARE", severity: "HARD", params: { minBasisPoints: 2500 } },
        { id: "2", kind: "MAX_AMOUNT", severity: "HARD", params: { maxOre: String(kroner(75_000)) } },
        { id: "3", kind: "COST_CATEGORIES", severity: "HARD", params: { eligible: ["COURSE_FEE"] } },
        { id: "4", kind: "ACTIVITY_IN_YEAR", severity: "HARD", params: {} },
        { id: "5", kind: "MIN_PARTICIPANTS", severity: "SOFT", params: { min: 15 } },
      ],
      app,
      ctx,
    );
    expect(verdicts.map((v) => explainVerdict(v, "da"))).toEqual([
      "Egenfinansiering 15 % er under kravet på 25 %.",
      "Ansøgt beløb 85.000,00 kr. er over maksimum på 75.000,00 kr.",
      "Udgifter til vikardækning (30.000,00 kr.) er ikke tilskudsberettigede og skal dækkes af egenfinansieringen, som kun er 15.000,00 kr.",
      "Aktiviteten (1.3.2027–1.3.2028) skal ligge i puljeåret 2027 eller inden for 12 måneder efter rundens afgørelse, dvs. senest 14.2.2028.",
      "Antal deltagere 12 er under kravet på mindst 15.",
    ]);
    expect(explainVerdict(verdicts[0]!, "en")).toBe("Co-financing 15% is below the requirement of 25%.");
  });
  it("formats shares", () => {
    expect(formatPercent(2499)).toBe("24,99 %");
    expect(formatPercent(2450)).toBe("24,5 %");
    expect(formatPercent(10_000)).toBe("100 %");
    expect(formatPercent(5, "en")).toBe("0.05%");
  });
});

describe("counted sentences and rule names", () => {
  const rules = [
    { id: "a", kind: "MIN_AREAS", severity: "SOFT", params: { min: 2 } },
    { id: "s", kind: "START_WITHIN_MONTHS", severity: "HARD", params: { months: 6 } },
    { id: "one", kind: "START_WITHIN_MONTHS", severity: "HARD", params: { months: 1 } },
  ] as const;

  it("agrees with the count instead of writing (r)", () => {
    const [alone] = screen([rules[0]], app, ctx);
    expect(explainVerdict(alone!, "da")).toBe("Ansøgningen involverer 1 forvaltningsområde; kravet er mindst 2.");
    expect(explainVerdict(alone!, "en")).toBe("The application involves 1 area; at least 2 are required.");
    const [none] = screen([rules[0]], { ...app, applyingAreaId: null }, ctx);
    expect(explainVerdict(none!, "da")).toBe("Ansøgningen involverer 0 forvaltningsområder; kravet er mindst 2.");
  });

  it("names a rule with its own limit, not a literal N", () => {
    const verdicts = screen([...rules], app, ctx);
    expect(verdicts.map((v) => ruleName(v, "da"))).toEqual([
      "Tværgående: mindst 2 forvaltningsområder",
      "Start senest 6 måneder efter afgørelsen",
      "Start senest 1 måned efter afgørelsen",
    ]);
    expect(ruleName(verdicts[1]!, "en")).toBe("Starts at most 6 months after the decision");
  });

  it("explains a missing start date as the start rule's own problem", () => {
    const [verdict] = screen([rules[1]], { ...app, startDate: null, endDate: null }, ctx);
    expect(explainVerdict(verdict!, "da")).toBe("Startdatoen mangler. Aktiviteten skal starte mellem afgørelsen 15.2.2027 og 15.8.2027.");
  });
});
