import { Form, Link, useLoaderData } from "react-router";
import type { Route } from "./+types/audit";
import { Pagination } from "~/components/ui/pagination";
import { auditMoneyValue, auditScope } from "~/domain/audit";
import { formatDateTime, formatMoney, isMessageKey, type Lang, type Translate } from "~/i18n";
import { AuditFilterSchema, listAuditEvents, type AuditRecordName } from "~/services/audit-log.server";
import { useLang, useT } from "~/utils/i18n";
import { parseSearchParams } from "~/utils/list-params";
import { forbidden } from "~/utils/permissions.server";
import { requireUser } from "~/utils/session.server";

export async function loader({ request }: Route.LoaderArgs) {
  // Admin (audit:readAll) reads every event; the secretariat (audit:readPool) only pool records.
  // Each event is cut down to what the reader may read elsewhere (application content only for its readers).
  const user = await requireUser(request);
  const scope = auditScope(user);
  if (!scope) forbidden();
  const filter = parseSearchParams(request.url, AuditFilterSchema);
  const page = await listAuditEvents({ user, scope }, filter);
  const { entityType, action, entityId, actor, from, to, logins } = filter;
  return { scope, filter: { entityType, action, entityId, actor, from, to, logins }, ...page };
}

/** A Danish label for a technical action id, where one is defined. */
function actionLabel(t: Translate, action: string): string | null {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : null;
}

function entityLabel(t: Translate, entityType: string): string {
  const key = `audit.entity.${entityType}`;
  return isMessageKey(key) ? t(key) : entityType;
}

/** A record's name for people: its number, year, version or name. */
function recordName(t: Translate, name: AuditRecordName): string {
  switch (name.kind) {
    case "reference":
      return name.reference;
    case "poolYear":
      return t("audit.record.poolYear", { year: name.year });
    case "guideline":
      return t("audit.record.guideline", { version: name.version });
    case "prioritisation":
      return t("audit.record.prioritisation", { year: name.year, revision: name.revision });
    case "name":
      return name.name;
  }
}

function formatValue(t: Translate, lang: Lang, key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return t("audit.value.empty");
  const money = auditMoneyValue(key, value);
  if (money !== null) return formatMoney(money, lang);
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

export default function AuditLog() {
  const t = useT();
  const lang = useLang();
  const data = useLoaderData<typeof loader>();
  const { filter, events, total, page, pages, entityTypes, actions } = data;
  const withCurrent = (list: string[], current: string | undefined) => (current && !list.includes(current) ? [...list, current] : list);
  const hasFilter = Object.values(filter).some((v) => v !== undefined);
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t(data.scope === "all" ? "audit.intro.all" : "audit.intro.pool")}</p>
      {filter.logins !== "1" && !filter.action?.startsWith("auth.") ? <p data-testid="logins-hidden">{t("audit.loginsHidden")}</p> : null}

      <Form method="get" className="kp-filter" aria-labelledby="audit-filter-title">
        <h2 className="sr-only" id="audit-filter-title">
          {t("audit.filter.title")}
        </h2>
        <div className="form-group">
          <label className="form-label" htmlFor="audit-entityType">
            {t("audit.filter.entityType")}
          </label>
          <select className="form-select" id="audit-entityType" name="entityType" defaultValue={filter.entityType ?? ""}>
            <option value="">{t("audit.filter.entityTypeAll")}</option>
            {withCurrent(entityTypes, filter.entityType).map((type) => (
              <option key={type} value={type}>
                {entityLabel(t, type)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="audit-action">
            {t("audit.filter.action")}
          </label>
          <select className="form-select" id="audit-action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">{t("audit.filter.actionAll")}</option>
            {withCurrent(actions, filter.action).map((action) => {
              const label = actionLabel(t, action);
              return (
                <option key={action} value={action}>
                  {label ?? action}
                </option>
              );
            })}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="audit-entityId">
            {t("audit.filter.entityId")}
          </label>
          <input className="form-input input-width-m" id="audit-entityId" name="entityId" type="text" defaultValue={filter.entityId ?? ""} />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="audit-actor">
            {t("audit.filter.actor")}
          </label>
          <span className="form-hint" id="audit-actor-hint">
            {t("audit.filter.actorHint")}
          </span>
          <input
            className="form-input input-width-m"
            id="audit-actor"
            name="actor"
            type="search"
            aria-describedby="audit-actor-hint"
            defaultValue={filter.actor ?? ""}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="audit-from">
            {t("audit.filter.from")}
          </label>
          <input className="form-input" id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="audit-to">
            {t("audit.filter.to")}
          </label>
          <input className="form-input" id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <div className="form-group">
          <input className="form-checkbox" id="audit-logins" name="logins" type="checkbox" value="1" defaultChecked={filter.logins === "1"} />
          <label htmlFor="audit-logins">{t("audit.filter.logins")}</label>
        </div>
        <div className="kp-actions">
          <button type="submit" className="button button-primary">
            {t("audit.filter.submit")}
          </button>
          {hasFilter ? (
            <Link to="/audit" className="button button-secondary">
              {t("audit.filter.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      {events.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <div className="kp-table-wrap">
          <table className="table table--compact" data-testid="audit-events">
            <caption>{t("audit.caption", { count: total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.col.at")}</th>
                <th scope="col">{t("audit.col.actor")}</th>
                <th scope="col">{t("audit.col.action")}</th>
                <th scope="col">{t("audit.col.entity")}</th>
                <th scope="col">{t("audit.col.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => {
                const label = actionLabel(t, event.action);
                return (
                  <tr key={event.id.toString()}>
                    <td>{formatDateTime(event.at, lang)}</td>
                    <td>
                      {event.actorName ?? t("audit.system")}
                      {event.actorEmail ? (
                        <>
                          <br />
                          <small>{event.actorEmail}</small>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {label ?? <code>{event.action}</code>}
                      {label ? (
                        <>
                          <br />
                          <small>
                            <code>{event.action}</code>
                          </small>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {entityLabel(t, event.entityType)}
                      <br />
                      {event.record ? (
                        event.record.href ? (
                          <Link to={event.record.href}>
                            <bdi>{recordName(t, event.record.name)}</bdi>
                          </Link>
                        ) : (
                          <bdi>{recordName(t, event.record.name)}</bdi>
                        )
                      ) : (
                        <small>{t("audit.record.id", { id: event.entityId })}</small>
                      )}
                    </td>
                    <td>
                      {event.detail === "reference" ? (
                        event.reference ? t("audit.contentHiddenWithReference", { reference: event.reference }) : t("audit.contentHidden")
                      ) : event.changes.length === 0 ? (
                        t("audit.noChanges")
                      ) : (
                        <details>
                          <summary>{t("audit.changesSummary", { count: event.changes.length })}</summary>
                          <table className="table table--compact">
                            <caption className="sr-only">{t("audit.changesCaption")}</caption>
                            <thead>
                              <tr>
                                <th scope="col">{t("audit.change.field")}</th>
                                <th scope="col">{t("audit.change.before")}</th>
                                <th scope="col">{t("audit.change.after")}</th>
                              </tr>
                            </thead>
                            <tbody>
                              {event.changes.map((change) => (
                                <tr key={change.key}>
                                  <th scope="row">
                                    <code>{change.key || t("audit.value.whole")}</code>
                                  </th>
                                  <td className="kp-json">{formatValue(t, lang, change.key, change.before)}</td>
                                  <td className="kp-json">{formatValue(t, lang, change.key, change.after)}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </details>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} />
    </>
  );
}
