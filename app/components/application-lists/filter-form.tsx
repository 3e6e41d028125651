// The list's filter: one GET form (works without JavaScript); its fields are
// the URL's search params, so a filtered list can be bookmarked and shared.
import { Form, Link, useLocation } from "react-router";
import { APPLICATION_STATUSES } from "~/domain/applications/status";
import { useT } from "~/utils/i18n";
import type { ApplicationListFilter, ListView } from "./schema";

export interface FilterOptions {
  rounds: { id: string; name: string; year: number }[];
  areas: { id: string; code: string; name: string }[];
  units: { id: string; name: string; areaCode: string }[];
  focusAreas: { id: string; name: string }[];
}

export function ApplicationFilterForm({ filter, options, view }: { filter: ApplicationListFilter; options: FilterOptions; view: ListView | null }) {
  const t = useT();
  const location = useLocation();
  const statuses = new Set<string>(filter.status);
  const clearHref = view ? `/applications?view=${view}` : "/applications";
  return (
    <Form method="get" action="/applications" role="search" aria-label={t("appList.filter.title")} key={location.search}>
      {view ? <input type="hidden" name="view" value={view} /> : null}
      <input type="hidden" name="sort" value={filter.sort} />
      <input type="hidden" name="dir" value={filter.dir} />
      <div className="kp-filter">
        <div className="form-group">
          <label className="form-label" htmlFor="apps-q">
            {t("appList.filter.q")}
          </label>
          <span className="form-hint" id="apps-q-hint">
            {t("appList.filter.qHint")}
          </span>
          <input id="apps-q" name="q" type="search" className="form-input" aria-describedby="apps-q-hint" defaultValue={filter.q ?? ""} />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="apps-round">
            {t("appList.filter.round")}
          </label>
          <select id="apps-round" name="round" className="form-select" defaultValue={filter.round ?? ""}>
            <option value="">{t("appList.filter.roundAll")}</option>
            {options.rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        {options.areas.length > 1 ? (
          <div className="form-group">
            <label className="form-label" htmlFor="apps-area">
              {t("appList.filter.area")}
            </label>
            <select id="apps-area" name="area" className="form-select" defaultValue={filter.area ?? ""}>
              <option value="">{t("appList.filter.areaAll")}</option>
              {options.areas.map((a) => (
                <option key={a.id} value={a.id}>
                  {`${a.code} – ${a.name}`}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {options.units.length > 1 ? (
          <div className="form-group">
            <label className="form-label" htmlFor="apps-unit">
              {t("appList.filter.unit")}
            </label>
            <select id="apps-unit" name="unit" className="form-select" defaultValue={filter.unit ?? ""}>
              <option value="">{t("appList.filter.unitAll")}</option>
              {options.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {`${u.areaCode} · ${u.name}`}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="form-group">
          <label className="form-label" htmlFor="apps-focus">
            {t("appList.filter.focus")}
          </label>
          <span className="form-hint" id="apps-focus-hint">
            {t("appList.filter.focusHint")}
          </span>
          <select id="apps-focus" name="focus" className="form-select" aria-describedby="apps-focus-hint" defaultValue={filter.focus ?? ""}>
            <option value="">{t("appList.filter.focusAll")}</option>
            {options.focusAreas.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="apps-min">
            {t("appList.filter.min")}
          </label>
          <span className="form-hint" id="apps-min-hint">
            {t("appList.filter.amountHint")}
          </span>
          <input
            id="apps-min"
            name="min"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            className="form-input input-width-s"
            aria-describedby="apps-min-hint"
            defaultValue={filter.min ?? ""}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="apps-max">
            {t("appList.filter.max")}
          </label>
          <span className="form-hint" id="apps-max-hint">
            {t("appList.filter.amountHint")}
          </span>
          <input
            id="apps-max"
            name="max"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            className="form-input input-width-s"
            aria-describedby="apps-max-hint"
            defaultValue={filter.max ?? ""}
          />
        </div>
      </div>
      <fieldset className="form-group" aria-describedby="apps-status-hint">
        <legend className="form-label">{t("appList.filter.status")}</legend>
        <span className="form-hint" id="apps-status-hint">
          {t("appList.filter.statusHint")}
        </span>
        {APPLICATION_STATUSES.map((status) => (
          <div className="form-group-checkbox" key={status}>
            <input className="form-checkbox" type="checkbox" id={`apps-status-${status}`} name="status" value={status} defaultChecked={statuses.has(status)} />
            <label className="form-label" htmlFor={`apps-status-${status}`}>
              {t(`appList.status.${status}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <div className="kp-actions">
        <button type="submit" className="button button-secondary">
          {t("appList.filter.submit")}
        </button>
        <Link to={clearHref}>{t("common.clearFilter")}</Link>
      </div>
    </Form>
  );
}
