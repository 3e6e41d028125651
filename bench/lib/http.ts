// Logging in over HTTP for the benchmarks that measure the running app.
import { DEMO_PASSWORD } from "../../prisma/seed-data";

/** Logs a demo user in and returns the session cookie ("name=value"). */
export async function login(baseURL: string, email: string): Promise<string> {
  const body = new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/" });
  const response = await fetch(`${baseURL}/login`, { method: "POST", body, redirect: "manual" });
  const cookie = response.headers.getSetCookie().find((c) => /^(__Host-)?kp_session=/.test(c));
  if (response.status !== 302 || !cookie) throw new Error(`Login as ${email} failed: ${response.status}`);
  return cookie.split(";")[0]!;
}
