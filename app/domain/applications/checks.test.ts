import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PermissionSubject, Role } from "../permissions";
import type { Verdict } from "../screening/engine";
import {
  availableActions,
  endorsementOnBehalfProblems,
  endorsementProblems,
  endorsementRankProblem,
  leadAreaIds,
  referenceProblems,
  roundClosedProblem,
  screeningProblems,
} from "./checks";
import type { ApplicationContent } from "./content";
import { rankProblems } from "./ranking";
import { APPLICATION_STATUSES } from "./status";

function user(role: Role, areaId: string | null = null, id = `u-${role}`): PermissionSubject {
  return { id, unitId: "unit-a1", roles: [{ role, areaId, unitId: role === "APPLICANT" ? "unit-a1" : null }] };
}

const content: ApplicationContent = {
  unitId: null,
  contactName: "",
  contactEmail: "",
  title: "",
  purpose: "",
  targetGroup: "",
  participants: null,
  activityType: null,
  startDate: null,
  endDate: null,
  costLines: [],
  coFinancingOre: 0n,
  focusAreaIds: [],
  primaryFocusAreaId: null,
  partnerAreaIds: [],
  expectedEffect: "",
  followUpPlan: "",
  softRuleJustification: "",
};
const context = { allowedFocusAreaIds: new Set(["fa-1"]), allowedPartnerAreaIds: new Set(["area-b"]) };
const round = {
  opensAt: new Date("2026-11-16T08:00:00Z"),
  closesAt: new Date("2026-12-11T11:00:00Z"),
  endorsementDeadline: new Date("2026-12-15T11:00:00Z"),
  decisionDate: new Date("2027-01-20T11:00:00Z"),
};
const verdict = (outcome: Verdict["outcome"]): Verdict => ({ ruleId: "r", kind: "MAX_AMOUNT", severity: "HARD", outcome, reason: "x", values: {} }) as Verdict;

describe("referenceProblems", () => {
  it("names every bad reference at once: unprioritised focus area, primary not chosen, own area as partner, negative co-financing", () => {
    const problems = referenceProblems(
      { ...content, focusAreaIds: ["fa-9"], primaryFocusAreaId: "fa-1", partnerAreaIds: ["area-a"], coFinancingOre: -1n },
      context,
      { status: "DRAFT", unitId: "unit-a1" },
      user("APPLICANT"),
      "area-a",
    );
    expect(problems.map((p) => [p.field, p.key])).toEqual([
      ["focusAreaIds", "applications.error.focusAreaNotPrioritised"],
      ["primaryFocusAreaId", "applications.error.primaryNotChosen"],
      ["partnerAreaIds", "applications.error.partnerOwnArea"],
      ["coFinancing", "applications.error.coFinancingNegative"],
    ]);
  });

  it("locks the unit once the application left the draft stage", () => {
    const moved = { ...content, unitId: "unit-a2" };
    expect(referenceProblems(moved, context, { status: "RETURNED", unitId: "unit-a1" }, user("APPLICANT"), "area-a")).toEqual([
      { field: "unitId", key: "applications.error.unitLocked" },
    ]);
  });
});

describe("roundClosedProblem", () => {
  it("takes submissions while the round is open, and quotes the moment as a Date otherwise", () => {
    expect(roundClosedProblem(round, "DRAFT", new Date("2026-11-20T10:00:00Z"))).toBeNull();
    expect(roundClosedProblem(round, "DRAFT", new Date("2026-11-01T10:00:00Z"))).toEqual({ field: "", key: "applications.error.roundNotYetOpen", vars: { opensAt: round.opensAt } });
    expect(roundClosedProblem(round, "DRAFT", round.closesAt)).toEqual({ field: "", key: "applications.error.roundClosed", vars: { closedAt: round.closesAt } });
  });

  it("takes a returned application again until the endorsement deadline", () => {
    expect(roundClosedProblem(round, "RETURNED", round.endorsementDeadline)).toBeNull();
    expect(roundClosedProblem(round, "RETURNED", new Date(round.endorsementDeadline.getTime() + 1000))).toEqual({
      field: "",
      key: "applications.error.resubmissionDeadlinePassed",
      vars: { deadline: round.endorsementDeadline },
    });
  });
});

describe("screeningProblems", () => {
  it("names each failed hard rule with its verdict (explained at the edge), and a missing justification of warnings", () => {
    const failed = verdict("fail");
    expect(screeningProblems([failed, verdict("pass"), verdict("warning")], " ")).toEqual([
      { field: "", key: "applications.error.hardRule", verdict: failed },
      { field: "softRuleJustification", key: "applications.error.justificationRequired" },
    ]);
    expect(screeningProblems([verdict("warning")], "Et lille team")).toEqual([]);
  });
});

describe("endorsement", () => {
  const app = { status: "SUBMITTED" as const, createdById: "u-lead", endorsementDeadline: round.endorsementDeadline };
  const late = new Date(round.endorsementDeadline.getTime() + 1000);

  it("refuses one's own application and a passed deadline together", () => {
    expect(endorsementProblems(app, "u-lead", late).map((p) => p.key)).toEqual(["applications.error.cannotEndorseOwn", "applications.error.endorsementDeadlinePassed"]);
    expect(endorsementProblems(app, "u-other", round.endorsementDeadline)).toEqual([]);
  });

  it("refuses anything but a submitted application", () => {
    for (const status of APPLICATION_STATUSES.filter((s) => s !== "SUBMITTED")) {
      expect(endorsementProblems({ ...app, status }, "u-other", round.opensAt), status).toEqual([{ field: "", key: "applications.error.cannotEndorse" }]);
    }
  });

  it("needs the secretariat's reason to endorse on the lead's behalf", () => {
    expect(endorsementOnBehalfProblems(app, "u-sec", "", round.opensAt)).toEqual([{ field: "reason", key: "applications.error.onBehalfReasonRequired" }]);
    expect(endorsementOnBehalfProblems(app, "u-sec", "Chefen har selv oprettet den", round.opensAt)).toEqual([]);
  });

  it("takes a rank that is a whole number from 1, or none", () => {
    fc.assert(fc.property(fc.integer({ min: -5, max: 50 }), (rank) => (endorsementRankProblem(rank) === null) === rank >= 1));
    expect(endorsementRankProblem(null)).toBeNull();
    expect(endorsementRankProblem(1.5)).not.toBeNull();
  });
});

describe("availableActions", () => {
  const submitted = { areaId: "area-a", unitId: "unit-a1", status: "SUBMITTED" as const, submittedAt: round.opensAt, createdById: "u-APPLICANT", round };
  const before = new Date("2026-12-01T10:00:00Z");
  const after = new Date("2026-12-16T10:00:00Z");

  it("offers the secretariat to endorse on the lead's behalf until the deadline, never the lead", () => {
    expect(availableActions(user("SECRETARIAT"), submitted, before).endorseOnBehalf).toBe(true);
    expect(availableActions(user("SECRETARIAT"), submitted, after).endorseOnBehalf).toBe(false);
    expect(availableActions(user("AREA_LEAD", "area-a"), submitted, before)).toMatchObject({ endorse: true, endorseOnBehalf: false });
  });

  it("does not offer a lead to endorse their own application, nor to return after the deadline; the secretariat still returns", () => {
    const own = { ...submitted, createdById: "u-AREA_LEAD" };
    expect(availableActions(user("AREA_LEAD", "area-a"), own, before).endorse).toBe(false);
    expect(availableActions(user("AREA_LEAD", "area-a"), submitted, after).return).toBe(false);
    expect(availableActions(user("SECRETARIAT"), submitted, after).return).toBe(true);
  });
});

describe("leadAreaIds and rankProblems", () => {
  it("lists each led area once", () => {
    const lead: PermissionSubject = { id: "u", unitId: null, roles: [{ role: "AREA_LEAD", areaId: "a", unitId: null }, { role: "AREA_LEAD", areaId: "a", unitId: null }, { role: "APPLICANT", areaId: "b", unitId: "x" }] };
    expect(leadAreaIds(lead)).toEqual(["a"]);
  });

  it("names every place out of range or used twice", () => {
    expect(rankProblems([1, 1, 5])).toEqual([
      { index: 0, message: "appList.rank.duplicate" },
      { index: 1, message: "appList.rank.duplicate" },
      { index: 2, message: "appList.rank.range" },
    ]);
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), (n) => rankProblems(Array.from({ length: n }, (_, i) => n - i)).length === 0));
  });
});
