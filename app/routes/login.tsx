import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/login";
import { AppForm, useAppForm } from "~/components/ui/form";
import { TextField } from "~/components/ui/forms";
import { createTranslator } from "~/i18n";
import { actorFor } from "~/services/mutation.server";
import { login } from "~/services/auth.server";
import { email } from "~/utils/validation";
import { env } from "~/utils/env.server";
import { getLang } from "~/utils/lang.server";
import { deviceCookieHeader, deviceTokenOf, getSessionUser, safeRedirect, sessionCookieHeader } from "~/utils/session.server";
import { useT } from "~/utils/i18n";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";
import { clientIpOf } from "~/utils/client-ip.server";

const LoginSchema = z.object({
  email,
  password: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).max(200, { error: "validation.tooLong" }),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: Route.LoaderArgs) {
  // Public page: anyone may see the login form. A logged-in user goes on.
  const user = await getSessionUser(request);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), request);
  if (user) throw redirect(redirectTo);
  if (!env().demo) return { demoUsers: null, demoPassword: null };
  const { DEMO_USERS, DEMO_PASSWORD } = await import("../../prisma/seed-data");
  return {
    demoUsers: DEMO_USERS.map((u) => ({ email: u.email, name: u.name, roles: u.roles.map((r) => r.role) })),
    demoPassword: DEMO_PASSWORD,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await readForm(request);
  const submission = parseSubmission(formData, LoginSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { email: address, password, redirectTo } = submission.value;
  const outcome = await login(actorFor(request, null), { email: address, password, ip: clientIpOf(context), deviceToken: await deviceTokenOf(request) });
  if (!outcome.ok) {
    const t = createTranslator(await getLang(request));
    const message =
      outcome.reason !== "throttled"
        ? t("login.invalid")
        : outcome.seconds < 120
          ? t("login.throttled", { seconds: outcome.seconds })
          : t("login.throttledMinutes", { minutes: Math.ceil(outcome.seconds / 60) });
    return data(
      { result: submission.reply({ formErrors: [message], hideFields: ["password"] }) },
      { status: outcome.reason === "throttled" ? 429 : 400 },
    );
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookieHeader(outcome.token, outcome.expiresAt));
  headers.append("Set-Cookie", await deviceCookieHeader(outcome.deviceToken));
  throw redirect(safeRedirect(redirectTo, request), { headers });
}

export default function LoginPage() {
  const t = useT();
  const { demoUsers, demoPassword } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useAppForm({
    id: "login",
    lastResult: actionData?.result,
    schema: LoginSchema,
  });
  return (
    <div className="row">
      <div className="col-12 col-md-7 col-lg-6">
        <h1>{t("login.title")}</h1>
        <p>{t("login.intro")}</p>
        <AppForm form={form} method="post">
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
          <TextField field={fields.email} label={t("login.email")} type="email" autoComplete="username" />
          <TextField field={fields.password} label={t("login.password")} type="password" autoComplete="current-password" />
          <div className="kp-actions">
            <button type="submit" className="button button-primary">
              {t("login.submit")}
            </button>
          </div>
        </AppForm>
      </div>
      {demoUsers ? (
        <div className="col-12 col-md-5 col-lg-6">
          <h2 className="h3">{t("login.demoTitle")}</h2>
          <p>{t("login.demoIntro", { password: demoPassword ?? "" })}</p>
          <div className="kp-table-wrap">
            <table className="table table--compact" data-testid="demo-users">
              <thead>
                <tr>
                  <th scope="col">{t("login.demoUser")}</th>
                  <th scope="col">{t("login.demoRole")}</th>
                </tr>
              </thead>
              <tbody>
                {demoUsers.map((u) => (
                  <tr key={u.email}>
                    <td>
                      {u.name}
                      <br />
                      <code>{u.email}</code>
                    </td>
                    <td>{u.roles.map((r) => t(`role.${r}`)).join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </div>
  );
}

export function meta() {
  return [{ name: "robots", content: "noindex" }];
}
