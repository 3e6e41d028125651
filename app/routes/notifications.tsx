// Beskeder: the logged-in user's own in-app notifications, newest first, in
// their language; unread ones are marked and can be marked read one by one or
// all at once. Everyone logged in may open it; nobody sees others' messages.
import { Form, Link, redirect, useLoaderData, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/notifications";
import { SuccessMessage } from "~/components/ui/forms";
import { formatDateTime } from "~/i18n";
import { actorFor } from "~/services/mutation.server";
import { listInbox, markAllNotificationsRead, markNotificationRead } from "~/services/notifications-inbox.server";
import { attempt, invalid } from "~/utils/action.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";
import { useLang, useT } from "~/utils/i18n";
import { getLang } from "~/utils/lang.server";
import { requireUserWith } from "~/utils/permissions.server";

const NotificationActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("markRead"), id: z.string({ error: "validation.required" }).trim().min(1).max(100) }),
  z.object({ intent: z.literal("markAllRead") }),
]);

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "app:use");
  return listInbox(user, await getLang(request));
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUserWith(request, "app:use");
  const submission = parseSubmission(await readForm(request), NotificationActionSchema);
  if (submission.status !== "success") return invalid(submission);
  const actor = actorFor(request, user);
  const value = submission.value;
  const outcome = await attempt<unknown>(
    submission,
    () => (value.intent === "markRead" ? markNotificationRead(actor, { id: value.id }) : markAllNotificationsRead(actor, undefined)),
    await getLang(request),
  );
  if (!outcome.ok) return outcome.response;
  throw redirect(value.intent === "markRead" ? `/notifications?ok=read#besked-${value.id}` : "/notifications?ok=all");
}

export default function NotificationsPage() {
  const t = useT();
  const lang = useLang();
  const { items, unread } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const ok = searchParams.get("ok");
  return (
    <>
      <h1>{t("notifications.title")}</h1>
      <p>{t("notifications.intro")}</p>
      {ok === "read" ? <SuccessMessage>{t("notifications.markedRead")}</SuccessMessage> : null}
      {ok === "all" ? <SuccessMessage>{t("notifications.markedAllRead")}</SuccessMessage> : null}
      {items.length === 0 ? (
        <p>{t("notifications.none")}</p>
      ) : (
        <>
          <p data-testid="unread-count">
            {unread === 0 ? t("notifications.allRead") : t.plural("notifications.unread", unread)}
          </p>
          {unread > 0 ? (
            <Form method="post" className="kp-actions">
              <input type="hidden" name="intent" value="markAllRead" />
              <button type="submit" className="button button-secondary">
                {t("notifications.markAllRead")}
              </button>
            </Form>
          ) : null}
          <ol className="unstyled-list kp-notifications" aria-label={t("notifications.listLabel")} data-testid="notifications">
            {items.map((item) => {
              const headingId = `besked-${item.id}-heading`;
              return (
                <li key={item.id} id={`besked-${item.id}`} className={item.readAt ? "kp-notification" : "kp-notification kp-notification--unread"}>
                  <article aria-labelledby={headingId}>
                    <h2 className="h4" id={headingId}>
                      {item.readAt ? null : <span className="kp-badge">{t("notifications.unread")}: </span>}
                      {item.subject}
                    </h2>
                    <p className="form-hint">
                      {t("notifications.received", { at: formatDateTime(new Date(item.createdAt), lang) })}
                      {item.readAt ? ` · ${t("notifications.readAt", { at: formatDateTime(new Date(item.readAt), lang) })}` : null}
                    </p>
                    {item.body ? <p style={{ whiteSpace: "pre-line" }}>{item.body}</p> : null}
                    <div className="kp-actions">
                      {item.application ? (
                        <Link to={`/applications/${item.application.id}`}>
                          {t("notifications.openApplication", { reference: item.application.reference })}
                        </Link>
                      ) : null}
                      {item.readAt ? null : (
                        <Form method="post" className="kp-inline-form">
                          <input type="hidden" name="intent" value="markRead" />
                          <input type="hidden" name="id" value={item.id} />
                          <button type="submit" className="button button-tertiary kp-small-button">
                            {t("notifications.markRead")}
                            <span className="sr-only">: {item.subject}</span>
                          </button>
                        </Form>
                      )}
                    </div>
                  </article>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </>
  );
}
