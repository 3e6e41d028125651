// Who the system may e-mail. Notifications go to users of the system; an
// address typed on a form (an application's contact e-mail) is accepted only
// inside the domains that the configuration names (ALLOWED_EMAIL_DOMAINS), so
// that nobody can make the municipality's sender write to any address.

/** The demo organisation's domain: the default when nothing is configured. */
export const DEFAULT_ALLOWED_EMAIL_DOMAINS: readonly string[] = ["demo.aarhus.dk"];

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Is this a plain domain name ("aarhus.dk"), lower-case, without "@" or wildcards? */
export function isDomainName(text: string): boolean {
  return DOMAIN.test(text);
}

/**
 * The configured list "aarhus.dk, @kk.dk" as domains (lower-case, without "@",
 * no duplicates). Null when an entry is not a domain name (a configuration
 * error: the server should refuse to start rather than guess).
 */
export function parseDomainList(text: string): string[] | null {
  const entries = text
    .split(",")
    .map((entry) => entry.trim().toLowerCase().replace(/^@/, ""))
    .filter((entry) => entry !== "");
  if (entries.length === 0 || !entries.every(isDomainName)) return null;
  return [...new Set(entries)];
}

/** The domain of an e-mail address (after its last "@"), lower-case; "" when there is none. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 1 ? "" : email.slice(at + 1).trim().toLowerCase();
}

/** Is the address inside one of the domains, or a subdomain of one ("x@msb.aarhus.dk" is inside "aarhus.dk")? */
export function isInAllowedDomains(email: string, domains: readonly string[]): boolean {
  const domain = emailDomain(email);
  if (!domain) return false;
  return domains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`));
}

/** "@aarhus.dk" or "@aarhus.dk eller @kk.dk" (for a message). */
export function domainListText(domains: readonly string[], or: string): string {
  const names = domains.map((d) => `@${d}`);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} ${or} ${names.at(-1)}`;
}
