// The list's filter: one GET form (works without JavaScript); its fields are
// the URL's search params, so a filtered list can be bookmarked and shared.
import { Form, Link, useLocation } from "react-router";
import { APPLICATION_STATUSES } from "~/domain/applications/status";
import { isolateText } from "~/domain/text";
import { FilterInput, FilterSelect } from "~/components/ui/filter-fields";
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
        <FilterInput id="apps-q" name="q" type="search" label={t("appList.filter.q")} hint={t("appList.filter.qHint")} value={filter.q} />
        <FilterSelect
          id="apps-round"
          name="round"
          label={t("appList.filter.round")}
          allLabel={t("appList.filter.roundAll")}
          options={options.rounds.map((r) => ({ value: r.id, label: r.name }))}
          value={filter.round}
        />
        {options.areas.length > 1 ? (
          <FilterSelect
            id="apps-area"
            name="area"
            label={t("appList.filter.area")}
            allLabel={t("appList.filter.areaAll")}
            options={options.areas.map((a) => ({ value: a.id, label: `${a.code} – ${isolateText(a.name)}` }))}
            value={filter.area}
          />
        ) : null}
        {options.units.length > 1 ? (
          <FilterSelect
            id="apps-unit"
            name="unit"
            label={t("appList.filter.unit")}
            allLabel={t("appList.filter.unitAll")}
            options={options.units.map((u) => ({ value: u.id, label: `${u.areaCode} · ${isolateText(u.name)}` }))}
            value={filter.unit}
          />
        ) : null}
        <FilterSelect
          id="apps-focus"
          name="focus"
          label={t("appList.filter.focus")}
          hint={t("appList.filter.focusHint")}
          allLabel={t("appList.filter.focusAll")}
          options={options.focusAreas.map((f) => ({ value: f.id, label: f.name }))}
          value={filter.focus}
        />
        {(["min", "max"] as const).map((bound) => (
          <FilterInput
            key={bound}
            id={`apps-${bound}`}
            name={bound}
            inputMode="decimal"
            className="form-input input-width-s"
            label={t(`appList.filter.${bound}`)}
            hint={t("appList.filter.amountHint")}
            value={filter[bound]}
          />
        ))}
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
