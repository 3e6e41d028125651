import { describe, expect, it } from "vitest";
import { domainListText, emailDomain, isInAllowedDomains, parseDomainList } from "./email-domains";

describe("allowed e-mail domains", () => {
  it("reads the configured list: trimmed, lower-case, without @, no duplicates", () => {
    expect(parseDomainList(" aarhus.dk, @KK.dk ,aarhus.dk,")).toEqual(["aarhus.dk", "kk.dk"]);
    expect(parseDomainList("")).toBeNull();
    expect(parseDomainList("aarhus.dk, *.evil")).toBeNull();
    expect(parseDomainList("localhost")).toBeNull();
    expect(parseDomainList("a@b.dk")).toBeNull();
  });

  it("accepts an address in a domain or one of its subdomains, and nothing that only looks like it", () => {
    const domains = ["demo.aarhus.dk"];
    expect(isInAllowedDomains("anna@demo.aarhus.dk", domains)).toBe(true);
    expect(isInAllowedDomains("Anna@DEMO.Aarhus.dk", domains)).toBe(true);
    expect(isInAllowedDomains("anna@msb.demo.aarhus.dk", domains)).toBe(true);
    expect(isInAllowedDomains("anna@evil-demo.aarhus.dk", domains)).toBe(false);
    expect(isInAllowedDomains("anna@demo.aarhus.dk.evil.example", domains)).toBe(false);
    expect(isInAllowedDomains("demo.aarhus.dk@evil.example", domains)).toBe(false);
    expect(isInAllowedDomains("anna@aarhus.dk", domains)).toBe(false);
    expect(isInAllowedDomains("no-at-sign", domains)).toBe(false);
    expect(emailDomain("a@b@c.dk")).toBe("c.dk");
  });

  it("names the domains for a message", () => {
    expect(domainListText(["aarhus.dk"], "eller")).toBe("@aarhus.dk");
    expect(domainListText(["aarhus.dk", "kk.dk", "x.dk"], "eller")).toBe("@aarhus.dk, @kk.dk eller @x.dk");
  });
});
