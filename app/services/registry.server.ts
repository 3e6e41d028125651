// Every mutation of the product, in one list. A test calls each one and checks
// that it leaves its audit event (app/services/registry.test.ts): a new service
// file adds its list here.
import { applicationMutations } from "./applications/mutations.server";
import { attachmentMutations } from "./attachments.server";
import { authMutations } from "./auth.server";
import { focusAreaMutations } from "./focus-areas.server";
import { guidelineMutations } from "./guidelines.server";
import type { Mutation } from "./mutation.server";
import { notificationInboxMutations } from "./notifications-inbox.server";
import { organisationMutations } from "./organisation.server";
import { poolYearMutations } from "./pool-years.server";
import { prioritisationMutations } from "./prioritisations.server";
import { roundMutations } from "./rounds.server";
import { userMutations } from "./users.server";

export const allMutations: readonly Mutation<never, unknown>[] = [
  ...authMutations,
  ...organisationMutations,
  ...userMutations,
  ...poolYearMutations,
  ...guidelineMutations,
  ...focusAreaMutations,
  ...prioritisationMutations,
  ...roundMutations,
  ...attachmentMutations,
  ...notificationInboxMutations,
  ...applicationMutations,
];
