// The organisation chart: the areas in their order, each with its unit tree.
// Everyone logged in sees names; a unit links to its page (staff = personal
// data) only for those allowed to read it.
import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/index";
import { SuccessMessage } from "~/components/ui/forms";
import { can } from "~/domain/permissions";
import type { MessageKey } from "~/i18n";
import { organisationOverview, type UnitNode } from "~/services/organisation.server";
import { useT } from "~/utils/i18n";
import { requireUserWith } from "~/utils/permissions.server";

const OK_MESSAGES = {
  areaCreated: "org.ok.areaCreated",
  areaSaved: "org.ok.areaSaved",
} as const satisfies Record<string, MessageKey>;

interface UnitView {
  id: string;
  name: string;
  active: boolean;
  canRead: boolean;
  children: UnitView[];
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "app:use");
  const areas = await organisationOverview();
  const toView = (areaId: string, node: UnitNode): UnitView => ({
    id: node.id,
    name: node.name,
    active: node.active,
    canRead: can(user, "unit:read", { areaId, unitId: node.id }),
    children: node.children.map((child) => toView(areaId, child)),
  });
  const ok = new URL(request.url).searchParams.get("ok");
  return {
    canManage: can(user, "organisation:manage"),
    ok: ok && Object.hasOwn(OK_MESSAGES, ok) ? OK_MESSAGES[ok as keyof typeof OK_MESSAGES] : null,
    areas: areas.map((area) => ({
      id: area.id,
      code: area.code,
      name: area.name,
      headName: area.headName,
      active: area.active,
      units: area.units.map((unit) => toView(area.id, unit)),
    })),
  };
}

function StatusTag({ active }: { active: boolean }) {
  const t = useT();
  return active ? null : <span> ({t("common.inactive").toLowerCase()})</span>;
}

function UnitList({ units, canManage, label }: { units: UnitView[]; canManage: boolean; label?: string }) {
  const t = useT();
  return (
    <ul aria-label={label}>
      {units.map((unit) => (
        <li key={unit.id} data-testid="unit">
          {unit.canRead ? <Link to={`/organisation/units/${unit.id}`}>{unit.name}</Link> : <span>{unit.name}</span>}
          <StatusTag active={unit.active} />
          {canManage ? (
            <>
              {" · "}
              <Link to={`/admin/units/${unit.id}`}>
                {t("common.edit")}
                <span className="sr-only"> {unit.name}</span>
              </Link>
            </>
          ) : null}
          {unit.children.length ? <UnitList units={unit.children} canManage={canManage} /> : null}
        </li>
      ))}
    </ul>
  );
}

export default function OrganisationPage() {
  const t = useT();
  const { areas, canManage, ok } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("org.title")}</h1>
      {ok ? <SuccessMessage>{t(ok)}</SuccessMessage> : null}
      <p className="font-lead">{t("org.intro")}</p>
      {canManage ? (
        <div className="kp-actions">
          <Link to="/admin/areas/new" className="button button-secondary">
            {t("org.createArea")}
          </Link>
          <Link to="/admin/units/new" className="button button-secondary">
            {t("org.createUnit")}
          </Link>
        </div>
      ) : null}
      {areas.map((area) => (
        <section key={area.id} aria-labelledby={`area-${area.id}`} data-testid="area">
          <h2 id={`area-${area.id}`} className="h3">
            {area.code} – {area.name}
            <StatusTag active={area.active} />
          </h2>
          <dl className="kp-dl">
            <dt>{t("org.head")}</dt>
            <dd>{area.headName || t("common.none")}</dd>
            <dt>{t("common.status")}</dt>
            <dd>{area.active ? t("common.active") : t("common.inactive")}</dd>
          </dl>
          {canManage ? (
            <p>
              <Link to={`/admin/areas/${area.id}`}>
                {t("org.editArea")}
                <span className="sr-only"> {area.code}</span>
              </Link>
              {" · "}
              <Link to={`/admin/units/new?areaId=${area.id}`}>
                {t("org.createUnit")}
                <span className="sr-only"> {t("org.inArea", { code: area.code })}</span>
              </Link>
            </p>
          ) : null}
          {area.units.length ? (
            <UnitList units={area.units} canManage={canManage} label={t("org.unitsOf", { code: area.code })} />
          ) : (
            <p>{t("org.noUnits")}</p>
          )}
        </section>
      ))}
    </>
  );
}
