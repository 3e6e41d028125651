// The user list for admins: filter (free text, role, area, status) and pages,
// all kept in the URL so a filtered list can be bookmarked and works without JavaScript.
import { Form, Link, useLoaderData, useLocation } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/users";
import { Pagination } from "~/components/ui/pagination";
import { ROLES } from "~/domain/permissions";
import { areaOptions } from "~/services/organisation.server";
import { listUsers, USER_STATUSES } from "~/services/users.server";
import { pageParam, parseSearchParams } from "~/utils/list-params";
import { useT } from "~/utils/i18n";
import { requireUserWith } from "~/utils/permissions.server";

const UserListParams = z.object({
  q: z.string().trim().max(200).catch(""),
  role: z.enum(ROLES).optional().catch(undefined),
  areaId: z.string().max(64).optional().catch(undefined),
  status: z.enum(USER_STATUSES).catch("active"),
  page: pageParam,
});

export async function loader({ request }: Route.LoaderArgs) {
  await requireUserWith(request, "user:manage");
  const params = parseSearchParams(request.url, UserListParams);
  const areas = await areaOptions();
  const filter = { ...params, areaId: areas.some((a) => a.id === params.areaId) ? params.areaId : undefined };
  const { users, total, page, pages } = await listUsers(filter);
  return {
    filter: { q: filter.q, role: filter.role ?? "", areaId: filter.areaId ?? "", status: filter.status },
    areas,
    total,
    page,
    pages,
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      active: u.active,
      unit: u.unit ? `${u.unit.area.code} · ${u.unit.name}` : null,
      roles: [...u.roles]
        .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role))
        .map((r) => ({ role: r.role, areaCode: r.area?.code ?? null })),
    })),
  };
}

export default function UsersPage() {
  const t = useT();
  const location = useLocation();
  const { filter, areas, users, total, page, pages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("users.title")}</h1>
      <div className="kp-actions">
        <Link to="/admin/users/new" className="button button-primary">
          {t("users.createLink")}
        </Link>
      </div>

      <Form method="get" className="kp-filter" role="search" aria-label={t("users.filterLabel")} key={location.search}>
        <div className="form-group">
          <label className="form-label" htmlFor="users-q">
            {t("users.filter.q")}
          </label>
          <input id="users-q" name="q" type="search" className="form-input" defaultValue={filter.q} />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="users-role">
            {t("users.filter.role")}
          </label>
          <select id="users-role" name="role" className="form-select" defaultValue={filter.role}>
            <option value="">{t("users.filter.allRoles")}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="users-area">
            {t("users.filter.area")}
          </label>
          <select id="users-area" name="areaId" className="form-select" defaultValue={filter.areaId}>
            <option value="">{t("users.filter.allAreas")}</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code} – {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="users-status">
            {t("common.status")}
          </label>
          <select id="users-status" name="status" className="form-select" defaultValue={filter.status}>
            <option value="active">{t("users.status.active")}</option>
            <option value="inactive">{t("users.status.inactive")}</option>
            <option value="all">{t("users.status.all")}</option>
          </select>
        </div>
        <div className="form-group kp-actions">
          <button type="submit" className="button button-secondary">
            {t("common.filter")}
          </button>
          <Link to="/admin/users">{t("common.clearFilter")}</Link>
        </div>
      </Form>

      <p role="status">{t("users.count", { count: total })}</p>
      {users.length ? (
        <div className="kp-table-wrap">
          <table className="table table--compact" data-testid="users">
            <caption className="sr-only">{t("users.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("users.name")}</th>
                <th scope="col">{t("users.email")}</th>
                <th scope="col">{t("users.unit")}</th>
                <th scope="col">{t("users.roles")}</th>
                <th scope="col">{t("common.status")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                  </td>
                  <td>{u.email}</td>
                  <td>{u.unit ?? t("common.none")}</td>
                  <td>{u.roles.map((r) => (r.areaCode ? `${t(`role.${r.role}`)} (${r.areaCode})` : t(`role.${r.role}`))).join(", ")}</td>
                  <td>{u.active ? t("common.active") : t("common.inactive")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("users.none")}</p>
      )}
      <Pagination page={page} pages={pages} />
    </>
  );
}
