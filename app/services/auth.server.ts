// Logging in and out. Every attempt is counted by the login throttle before the
// password is checked (see ~/domain/login-throttle); failed attempts, successful
// logins and logouts are audited.
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "~/utils/db.server";
import { dummyPasswordHash, verifyPassword } from "~/utils/password.server";
import { hashToken, sessionExpiry } from "~/utils/session-tokens.server";
import { admitLoginAttempt, deviceHashOf, isKnownDevice } from "./login-throttle.server";
import { defineMutation, type Actor } from "./mutation.server";

export type LoginResult =
  /** `deviceToken`: the browser's device cookie for this account (kept, or new), see ~/domain/login-throttle. */
  | { ok: true; userId: string; token: string; expiresAt: Date; deviceToken: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; seconds: number };

function maskEmail(email: string): string {
  // The audit trail of failed logins keeps a hash, not the typed address.
  return createHash("sha256").update(email).digest("hex").slice(0, 16);
}

export const recordFailedLogin = defineMutation<{ email: string; ip: string }, void>("auth.loginFailed", {
  permission: null,
  async run({ tx }, { email, ip }) {
    const attempt = await tx.loginAttempt.create({ data: { email, ip, success: false } });
    return {
      result: undefined,
      audit: { action: "auth.loginFailed", entityType: "LoginAttempt", entityId: attempt.id.toString(), after: { emailHash: maskEmail(email), ip } },
    };
  },
});

export const startSession = defineMutation<{ userId: string; email: string; ip: string; deviceHash?: string }, { token: string; expiresAt: Date }>(
  "auth.login",
  {
    permission: null,
    async run({ tx }, { userId, email, ip, deviceHash = "" }) {
      const token = randomBytes(32).toString("base64url");
      const createdAt = new Date();
      const expiresAt = sessionExpiry(createdAt, createdAt);
      await tx.session.create({ data: { id: hashToken(token), userId, createdAt, expiresAt } });
      await tx.loginAttempt.create({ data: { email, ip, success: true, deviceHash } });
      return {
        result: { token, expiresAt },
        audit: { action: "auth.login", actorId: userId, entityType: "User", entityId: userId, after: { ip } },
      };
    },
  },
);

export const endSession = defineMutation<{ sessionId: string }, void>("auth.logout", {
  permission: "app:use",
  async run({ tx, actor }, { sessionId }) {
    await tx.session.deleteMany({ where: { id: sessionId, userId: actor.user!.id } });
    return { result: undefined, audit: { action: "auth.logout", entityType: "User", entityId: actor.user!.id } };
  },
});

/** Checks the password (taking the same time for unknown users) and starts a session. */
export async function login(
  actor: Actor,
  input: { email: string; password: string; ip: string; /** the browser's device cookie, if it sent one */ deviceToken?: string | null },
): Promise<LoginResult> {
  const presentedHash = deviceHashOf(input.deviceToken);
  const gate = await admitLoginAttempt(input.email, input.ip, presentedHash);
  if (gate.waitSeconds > 0) return { ok: false, reason: "throttled", seconds: gate.waitSeconds };
  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: { id: true, active: true, passwordHash: true },
  });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !user.active || !valid || !user.passwordHash) {
    await recordFailedLogin(actor, { email: input.email, ip: input.ip });
    return { ok: false, reason: "invalid" };
  }
  await gate.succeeded();
  // The browser keeps its device cookie for this account, or gets a new one (a cookie of another account is replaced).
  const deviceToken =
    input.deviceToken && (await isKnownDevice(input.email, presentedHash)) ? input.deviceToken : randomBytes(32).toString("base64url");
  const { token, expiresAt } = await startSession(actor, { userId: user.id, email: input.email, ip: input.ip, deviceHash: deviceHashOf(deviceToken) });
  return { ok: true, userId: user.id, token, expiresAt, deviceToken };
}

/** Every mutation of this service, for the registry. */
export const authMutations = [recordFailedLogin, startSession, endSession] as const;
