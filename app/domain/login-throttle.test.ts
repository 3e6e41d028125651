import { describe, expect, it } from "vitest";
import { FREE_ATTEMPTS, secondsUntilNextAttempt } from "./login-throttle";

const now = new Date("2026-11-26T12:00:00Z");
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

describe("secondsUntilNextAttempt", () => {
  it("lets the first attempts through", () => {
    const failures = Array.from({ length: FREE_ATTEMPTS - 1 }, () => secondsAgo(1));
    expect(secondsUntilNextAttempt(failures, now)).toBe(0);
  });
  it("makes the next attempt wait after the free ones", () => {
    const failures = Array.from({ length: FREE_ATTEMPTS }, () => secondsAgo(10));
    expect(secondsUntilNextAttempt(failures, now)).toBe(20);
  });
  it("doubles the wait with every further failure, up to a cap", () => {
    const six = Array.from({ length: FREE_ATTEMPTS + 1 }, () => secondsAgo(0));
    expect(secondsUntilNextAttempt(six, now)).toBe(60);
    const many = Array.from({ length: FREE_ATTEMPTS + 20 }, () => secondsAgo(0));
    expect(secondsUntilNextAttempt(many, now)).toBe(900);
  });
  it("is free again once the wait has passed", () => {
    const failures = Array.from({ length: FREE_ATTEMPTS }, () => secondsAgo(31));
    expect(secondsUntilNextAttempt(failures, now)).toBe(0);
  });
});
