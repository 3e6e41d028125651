// A unit's page: its place in the organisation and its active staff (personal
// data). Applicants see only their own unit, area leads their area's units.
import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/unit";
import { SuccessMessage } from "~/components/ui/forms";
import { can, ROLES } from "~/domain/permissions";
import type { MessageKey } from "~/i18n";
import { unitDetails } from "~/services/organisation.server";
import { useT } from "~/utils/i18n";
import { requireRecordAccess, requireUserWith } from "~/utils/permissions.server";

const OK_MESSAGES = {
  created: "org.unit.ok.created",
  saved: "org.unit.ok.saved",
} as const satisfies Record<string, MessageKey>;

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "unit:read");
  const unit = requireRecordAccess(user, "unit:read", await unitDetails(params.unitId), (u) => ({ areaId: u.areaId, unitId: u.id }));
  const ok = new URL(request.url).searchParams.get("ok");
  return {
    canManage: can(user, "organisation:manage"),
    ok: ok && Object.hasOwn(OK_MESSAGES, ok) ? OK_MESSAGES[ok as keyof typeof OK_MESSAGES] : null,
    unit: {
      id: unit.id,
      name: unit.name,
      active: unit.active,
      costCentre: unit.costCentre,
      area: unit.area,
      parent: unit.parent ? { ...unit.parent, canRead: can(user, "unit:read", { areaId: unit.areaId, unitId: unit.parent.id }) } : null,
      children: unit.children.map((c) => ({ ...c, canRead: can(user, "unit:read", { areaId: unit.areaId, unitId: c.id }) })),
    },
    staff: unit.users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      roles: [...new Set(u.roles.map((r) => r.role))].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)),
    })),
  };
}

export default function UnitPage() {
  const t = useT();
  const { unit, staff, canManage, ok } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/organisation">{t("org.back")}</Link>
      </p>
      <h1>{unit.name}</h1>
      {ok ? <SuccessMessage>{t(ok)}</SuccessMessage> : null}
      <dl className="kp-dl" data-testid="unit-facts">
        <dt>{t("org.unit.area")}</dt>
        <dd>
          {unit.area.code} – {unit.area.name}
        </dd>
        <dt>{t("org.unit.parent")}</dt>
        <dd>
          {unit.parent ? (
            unit.parent.canRead ? (
              <Link to={`/organisation/units/${unit.parent.id}`}>{unit.parent.name}</Link>
            ) : (
              unit.parent.name
            )
          ) : (
            t("common.none")
          )}
        </dd>
        <dt>{t("org.unit.costCentre")}</dt>
        <dd>{unit.costCentre || t("common.none")}</dd>
        <dt>{t("common.status")}</dt>
        <dd>{unit.active ? t("common.active") : t("common.inactive")}</dd>
      </dl>
      {canManage ? (
        <div className="kp-actions">
          <Link to={`/admin/units/${unit.id}`} className="button button-secondary">
            {t("org.unit.edit")}
          </Link>
        </div>
      ) : null}

      {unit.children.length ? (
        <>
          <h2 className="h3">{t("org.unit.subunits")}</h2>
          <ul>
            {unit.children.map((c) => (
              <li key={c.id}>
                {c.canRead ? <Link to={`/organisation/units/${c.id}`}>{c.name}</Link> : c.name}
                {c.active ? null : ` (${t("common.inactive").toLowerCase()})`}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 className="h3">{t("org.unit.staff")}</h2>
      {staff.length ? (
        <div className="kp-table-wrap">
          <table className="table table--compact" data-testid="staff">
            <caption className="sr-only">{t("org.unit.staffCaption", { name: unit.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("org.unit.staffName")}</th>
                <th scope="col">{t("org.unit.staffEmail")}</th>
                <th scope="col">{t("org.unit.staffRoles")}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((person) => (
                <tr key={person.id}>
                  <td>{person.name}</td>
                  <td>
                    <a href={`mailto:${person.email}`}>{person.email}</a>
                  </td>
                  <td>{person.roles.map((r) => t(`role.${r}`)).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("org.unit.noStaff")}</p>
      )}
    </>
  );
}
