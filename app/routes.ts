import { index, route, type RouteConfig } from "@react-router/dev/routes";

// URL → module. Every loader and action checks permission on the server
// (see app/utils/permissions.server.ts); tests/permission-matrix.test.ts walks them all.
export default [
  index("routes/home.tsx"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.tsx"),
  route("language", "routes/language.tsx"),
  route("accessibility", "routes/accessibility.tsx"),
  route("healthz", "routes/healthz.ts"),

  route("organisation", "routes/organisation/index.tsx"),
  route("organisation/units/:unitId", "routes/organisation/unit.tsx"),
  route("admin/areas/new", "routes/admin/area-new.tsx"),
  route("admin/areas/:areaId", "routes/admin/area-edit.tsx"),
  route("admin/units/new", "routes/admin/unit-new.tsx"),
  route("admin/units/:unitId", "routes/admin/unit-edit.tsx"),
  route("admin/users", "routes/admin/users.tsx"),
  route("admin/users/new", "routes/admin/user-new.tsx"),
  route("admin/users/:userId", "routes/admin/user-edit.tsx"),

  route("pool-years", "routes/pool-years/index.tsx"),
  route("pool-years/new", "routes/pool-years/new.tsx"),
  route("pool-years/:year", "routes/pool-years/year.tsx"),
  route("pool-years/:year/priorities", "routes/priorities/index.tsx"),
  route("pool-years/:year/priorities/new", "routes/priorities/new.tsx"),
  route("pool-years/:year/rounds/new", "routes/rounds/new.tsx"),
  route("rounds/:roundId", "routes/rounds/round.tsx"),

  route("guidelines", "routes/guidelines/index.tsx"),
  route("guidelines/new", "routes/guidelines/new.tsx"),
  route("guidelines/:version", "routes/guidelines/version.tsx"),
  route("guidelines/:version/diff", "routes/guidelines/diff.tsx"),
  route("focus-areas", "routes/focus-areas/index.tsx"),
  route("focus-areas/:focusAreaId", "routes/focus-areas/edit.tsx"),

  route("applications", "routes/applications/index.tsx"),
  route("applications/new", "routes/applications/new.tsx"),
  route("applications/statistics", "routes/applications/statistics.tsx"),
  route("applications/:applicationId", "routes/applications/application.tsx"),
  route("applications/:applicationId/edit", "routes/applications/edit.tsx"),
  route("applications/:applicationId/versions", "routes/applications/versions.tsx"),
  route("applications/:applicationId/attachments", "routes/applications/attachments.tsx"),
  route("attachments/:attachmentId", "routes/attachments/download.ts"),
  route("notifications", "routes/notifications.tsx"),

  route("audit", "routes/audit.tsx"),
] satisfies RouteConfig;
