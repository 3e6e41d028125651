// HMU guidelines (retningslinjer): versions with a Markdown text, eligibility
// rules and assessment criteria. The secretariat drafts a version and records
// the date HMU adopted it; an adopted (or superseded) version never changes —
// a change is a new draft, usually based on the version in force.
//
// Reading: ./guidelines/queries.server.ts; a version's drafting and adoption:
// ./guidelines/versions.server.ts; its rules and criteria: ./guidelines/rules.server.ts.
import { addGuidelineRule, removeGuidelineCriterion, removeGuidelineRule, saveGuidelineCriterion } from "./guidelines/rules.server";
import { adoptGuidelineVersion, createGuidelineDraft, updateGuidelineDraft } from "./guidelines/versions.server";

export * from "./guidelines/queries.server";
export * from "./guidelines/rules.server";
export * from "./guidelines/versions.server";

/** Every mutation of this service, for the registry. */
export const guidelineMutations = [
  createGuidelineDraft,
  updateGuidelineDraft,
  addGuidelineRule,
  removeGuidelineRule,
  saveGuidelineCriterion,
  removeGuidelineCriterion,
  adoptGuidelineVersion,
] as const;
