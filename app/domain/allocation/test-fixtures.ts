// Small builders for the allocation tests.
import { kroner } from "../money";
import type { AllocationApplication, AllocationInput } from "./types";

export const application = (id: string, rank: number, requestedKroner: number, over: Partial<AllocationApplication> = {}): AllocationApplication => ({
  id,
  reference: `KP-${id}`,
  rank,
  requestedOre: kroner(requestedKroner),
  minimumOre: null,
  priority: 1_000_000 - rank,
  scoreHundredths: 6_000,
  focusAreaId: "digital",
  areaId: "north",
  eligible: true,
  ...over,
});

export const baseInput = (applications: AllocationApplication[], over: Partial<AllocationInput> = {}): AllocationInput => ({
  applications,
  roundRemainingOre: kroner(1_000),
  yearAvailableOre: kroner(5_000),
  reservations: [],
  caps: [],
  areaBounds: [],
  minimumScoreHundredths: null,
  pins: [],
  ...over,
});
