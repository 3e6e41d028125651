import { describe, expect, it } from "vitest";
import { ipCountingKey, LOGIN_LIMITS, limitersFor, secondsToWait } from "./login-throttle";

describe("limitersFor", () => {
  it("counts an unknown browser on all three counters and the owner's usual browser (device cookie) on its own only", () => {
    expect(limitersFor(false)).toEqual(["pair", "ip", "account"]);
    expect(limitersFor(true)).toEqual(["device"]);
  });

  it("is strictest for one account from one machine and looser across machines", () => {
    expect(LOGIN_LIMITS.pair.points).toBeLessThan(LOGIN_LIMITS.account.points);
    expect(LOGIN_LIMITS.account.points).toBeLessThan(LOGIN_LIMITS.ip.points);
  });
});

describe("secondsToWait", () => {
  const pair = LOGIN_LIMITS.pair.points;

  it("lets attempts up to the limit through", () => {
    expect(secondsToWait([{ limiter: "pair", consumed: 1, msBeforeReset: 900_000 }])).toBe(0);
    expect(secondsToWait([{ limiter: "pair", consumed: pair, msBeforeReset: 900_000 }])).toBe(0);
    expect(secondsToWait([])).toBe(0);
  });

  it("makes the attempt over the limit wait until its window ends, in whole seconds", () => {
    expect(secondsToWait([{ limiter: "pair", consumed: pair + 1, msBeforeReset: 61_500 }])).toBe(62);
    // Never "wait 0 seconds" while over the limit.
    expect(secondsToWait([{ limiter: "pair", consumed: pair + 1, msBeforeReset: 0 }])).toBe(1);
  });

  it("waits for the longest window over its limit", () => {
    expect(
      secondsToWait([
        { limiter: "pair", consumed: 2, msBeforeReset: 800_000 },
        { limiter: "ip", consumed: LOGIN_LIMITS.ip.points + 1, msBeforeReset: 120_000 },
        { limiter: "account", consumed: LOGIN_LIMITS.account.points + 3, msBeforeReset: 300_000 },
      ]),
    ).toBe(300);
  });
});

describe("ipCountingKey", () => {
  it("keeps IPv4 addresses, also IPv4-mapped ones", () => {
    expect(ipCountingKey("192.0.2.1")).toBe("192.0.2.1");
    expect(ipCountingKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
  });
  it("counts IPv6 addresses by their /64, however they are written", () => {
    expect(ipCountingKey("2001:db8:1:2::5")).toBe("2001:db8:1:2::/64");
    expect(ipCountingKey("2001:0DB8:0001:0002:ffff:0:0:1")).toBe("2001:db8:1:2::/64");
    expect(ipCountingKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipCountingKey("::1")).toBe("0:0:0:0::/64");
    expect(ipCountingKey("2001:db8:1:3::1")).not.toBe(ipCountingKey("2001:db8:1:2::1"));
  });
});
