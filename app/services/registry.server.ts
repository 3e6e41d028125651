// Every mutation of the product, in one list. A test calls each one and checks
// that it leaves its audit event (app/services/registry.test.ts): a new service
// file adds its list here.
import { authMutations } from "./auth.server";
import type { Mutation } from "./mutation.server";
import { organisationMutations } from "./organisation.server";
import { poolYearMutations } from "./pool-years.server";
import { userMutations } from "./users.server";

export const allMutations: readonly Mutation<never, unknown>[] = [
  ...authMutations,
  ...organisationMutations,
  ...userMutations,
  ...poolYearMutations,
];
