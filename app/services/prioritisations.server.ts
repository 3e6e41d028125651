// The leadership's yearly prioritisation of focus areas (årlig prioritering):
// reading in ./prioritisations/queries.server.ts, recording in
// ./prioritisations/record.server.ts. This file gathers both for callers.
export * from "./prioritisations/queries.server";
export * from "./prioritisations/record.server";
export type { FocusAreaChangeView, PrioritisationView, PrioritisedFocusAreaView } from "~/domain/prioritisation";
export type { YearSummary } from "./pool-year-summary.server";

/** @deprecated Use `danishToday` from ~/domain/dates. */
export { danishToday as todayInDenmark } from "~/domain/dates";
