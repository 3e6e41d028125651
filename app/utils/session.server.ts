// Sessions live in the database; the cookie holds a random token whose sha256
// is the session id. HttpOnly, SameSite=Lax; with Secure cookies (production)
// the name carries the __Host- prefix, so the browser only accepts it over
// HTTPS, for this host and Path=/. A session ends after SESSION_HOURS without
// use (sliding) and at the latest SESSION_ABSOLUTE_HOURS after login.
import { createCookie, redirect } from "react-router";
import type { Role, SessionUser } from "~/domain/permissions";
import { prisma } from "./db.server";
import { env, type Env } from "./env.server";
import { refuseControlCharactersInUrl } from "~/utils/url-guard.server";
import { absoluteEnd, hashToken, sessionExpiry } from "./session-tokens.server";

export { hashToken, sessionExpiry };

export type { SessionUser };

/** The session cookie under a configuration (exported for tests). */
export function sessionCookieFor(config: Pick<Env, "secureCookies">) {
  // __Host- requires Secure, Path=/ and no Domain; browsers refuse it on plain HTTP.
  return createCookie(config.secureCookies ? "__Host-kp_session" : "kp_session", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
  });
}

function sessionCookie() {
  return sessionCookieFor(env());
}

/** The device cookie: recognises the owner's usual browser for the login throttle (~/domain/login-throttle). */
export function deviceCookieFor(config: Pick<Env, "secureCookies">) {
  return createCookie(config.secureCookies ? "__Host-kp_device" : "kp_device", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    maxAge: 30 * 24 * 60 * 60,
  });
}

/** The device token the browser sent, if any. */
export async function deviceTokenOf(request: Request): Promise<string | null> {
  const value: unknown = await deviceCookieFor(env()).parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
}

/** The Set-Cookie value that hands the device token to the browser. */
export function deviceCookieHeader(token: string): Promise<string> {
  return deviceCookieFor(env()).serialize(token);
}


/** The Set-Cookie value that hands the session token to the browser. */
export function sessionCookieHeader(token: string, expiresAt: Date): Promise<string> {
  return sessionCookie().serialize(token, { expires: expiresAt });
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookieHeader(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0 });
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

/** The id (token hash) of the request's session, if it carries one. */
export async function sessionIdOf(request: Request): Promise<string | null> {
  const token = await readToken(request);
  return token ? hashToken(token) : null;
}

export const userSelect = {
  id: true,
  email: true,
  name: true,
  active: true,
  unitId: true,
  unit: { select: { name: true, areaId: true } },
  roles: { select: { role: true, areaId: true, unitId: true } },
} as const;

/** The logged-in user, or null. Expired sessions and inactive users count as logged out. */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const token = await readToken(request);
  if (!token) return null;
  const now = new Date();
  const session = await prisma.session.findUnique({
    where: { id: hashToken(token) },
    select: { id: true, createdAt: true, expiresAt: true, lastSeenAt: true, user: { select: userSelect } },
  });
  if (!session || !session.user.active) return null;
  // The absolute limit is checked too: a row's expiry may stem from a longer setting.
  if (session.expiresAt <= now || absoluteEnd(session.createdAt) <= now.getTime()) return null;
  // Sliding expiry: a session in use is extended, at most once every five minutes.
  if (now.getTime() - session.lastSeenAt.getTime() > 5 * 60 * 1000) {
    await prisma.session.update({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: sessionExpiry(session.createdAt, now) },
    });
  }
  return sessionUserOf(session.user);
}

/** The user as a request sees it, from a row read with `userSelect`. */
export function sessionUserOf(user: {
  id: string;
  email: string;
  name: string;
  unitId: string | null;
  unit: { name: string; areaId: string } | null;
  roles: { role: string; areaId: string | null; unitId: string | null }[];
}): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    unitId: user.unitId,
    unitName: user.unit?.name ?? null,
    areaId: user.unit?.areaId ?? null,
    roles: user.roles.map((r) => ({ role: r.role as Role, areaId: r.areaId, unitId: r.unitId })),
  };
}

/** The logged-in user; otherwise a redirect to /login that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  refuseControlCharactersInUrl(request);
  const user = await getSessionUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

// C0 control characters, DEL and backslashes: browsers drop tabs and newlines
// from URLs and read "\\" as "/", so "/\t/evil.example" would leave the site, and
// CR/LF must never reach a Location header.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_REDIRECT = /[\u0000-\u001f\u007f\\]/;

/**
 * The path to follow after login or a language switch: only a path on this
 * site's own origin (no open redirect). `target` is resolved against the
 * request's origin; anything else, or anything odd, gives `fallback`.
 */
export function safeRedirect(
  target: FormDataEntryValue | string | null | undefined,
  request: Request,
  fallback = "/",
): string {
  if (typeof target !== "string" || target === "" || UNSAFE_IN_REDIRECT.test(target)) return fallback;
  const origin = new URL(request.url).origin;
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser
  // would read as another host.
  return path.startsWith("//") ? fallback : path;
}
