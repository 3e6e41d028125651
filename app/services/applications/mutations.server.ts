// Every mutation of the applications feature, for the registry.
import { createApplication, saveDraft } from "./drafting.server";
import { endorseApplication, endorseOnBehalf, returnApplication } from "./endorsement.server";
import { rankApplications } from "./ranking.server";
import { submitApplication, withdrawApplication } from "./submission.server";

export const applicationMutations = [
  createApplication,
  saveDraft,
  submitApplication,
  endorseApplication,
  endorseOnBehalf,
  returnApplication,
  withdrawApplication,
  rankApplications,
] as const;
