import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES, canTransition, countsTowardsRequested, isDecided, nextStatus, REQUESTED_STATUSES, TRANSITIONS } from "./status";

const anyStatus = fc.constantFrom(...APPLICATION_STATUSES);
const anyTransition = fc.constantFrom(...TRANSITIONS);

describe("the status machine", () => {
  it("leads each allowed transition to one status, and refuses the others", () => {
    fc.assert(
      fc.property(anyStatus, anyTransition, (status, transition) => {
        const next = nextStatus(status, transition);
        return canTransition(status, transition) ? next !== null && next !== status : next === null;
      }),
    );
  });

  it("walks the whole life cycle: submitted, endorsed, screened, assessed, decided, reported, closed", () => {
    const path = ["submit", "endorse", "screenEligible", "assess", "grantPartly", "report", "close"] as const;
    let status: (typeof APPLICATION_STATUSES)[number] = "DRAFT";
    const seen = [];
    for (const transition of path) {
      status = nextStatus(status, transition)!;
      seen.push(status);
    }
    expect(seen).toEqual(["SUBMITTED", "ENDORSED", "SCREENED", "ASSESSED", "PARTLY_GRANTED", "REPORTED", "CLOSED"]);
  });

  it("decides only an assessed application, and only once", () => {
    for (const decision of ["grant", "grantPartly", "reject"] as const) {
      expect(APPLICATION_STATUSES.filter((s) => canTransition(s, decision))).toEqual(["ASSESSED"]);
    }
    expect(APPLICATION_STATUSES.filter(isDecided)).toEqual(["GRANTED", "PARTLY_GRANTED", "REJECTED", "REPORTED", "CLOSED"]);
  });

  it("ends in CLOSED or WITHDRAWN: nothing leaves them", () => {
    for (const end of ["CLOSED", "WITHDRAWN"] as const) expect(TRANSITIONS.filter((t) => canTransition(end, t))).toEqual([]);
  });

  it("never withdraws a decided application", () => {
    fc.assert(fc.property(anyStatus, (status) => !(isDecided(status) && canTransition(status, "withdraw"))));
  });
});

describe("countsTowardsRequested", () => {
  it("counts every submitted application that is not withdrawn, over all statuses", () => {
    fc.assert(fc.property(anyStatus, (status) => countsTowardsRequested(status) === (status !== "DRAFT" && status !== "WITHDRAWN")));
  });

  it("counts a status exactly when some way from a draft reaches it through a submission, and it is not withdrawn", () => {
    // The statuses reachable from SUBMITTED by the machine (a draft becomes an application when submitted).
    const reachable = new Set<string>(["SUBMITTED"]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const status of [...reachable]) {
        for (const transition of TRANSITIONS) {
          const next = nextStatus(status as (typeof APPLICATION_STATUSES)[number], transition);
          if (next && !reachable.has(next)) {
            reachable.add(next);
            changed = true;
          }
        }
      }
    }
    expect(APPLICATION_STATUSES.filter((s) => reachable.has(s) && s !== "WITHDRAWN")).toEqual([...REQUESTED_STATUSES]);
  });
});
