// Who may do what, by role and scope. One table; one function answers.
// Pure: no framework imports. Routes and services call it through
// app/utils/permissions.server.ts; the UI uses it only to hide buttons.

export const ROLES = [
  "APPLICANT", // ansøger
  "AREA_LEAD", // forvaltningschef / centerchef
  "SECRETARIAT", // puljesekretariat
  "LEADERSHIP", // strategisk ledelse
  "FINANCE", // økonomi
  "HMU", // HMU-observatør
  "ADMIN", // administrator
] as const;
export type Role = (typeof ROLES)[number];

/** How far a grant reaches: everything, the role's area, or the user's own units. */
export type Scope = "all" | "area" | "unit";

export interface RoleGrant {
  role: Role;
  /** Area an area lead leads. */
  areaId: string | null;
  /** Unit an applicant applies for (falls back to the user's home unit). */
  unitId: string | null;
}

export interface PermissionSubject {
  id: string;
  unitId: string | null;
  roles: readonly RoleGrant[];
}

/** The logged-in user as the whole application sees them (read from the session by the route). */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  unitId: string | null;
  unitName: string | null;
  areaId: string | null;
  roles: RoleGrant[];
}

/** The organisational place of a record. */
export interface RecordScope {
  areaId: string | null;
  unitId?: string | null;
  /**
   * The unit's own work in progress (an application never submitted): only
   * grants scoped to the unit cover it; area and organisation-wide grants do not.
   */
  unitPrivate?: boolean;
}

const ALL_ROLES_READ = {
  APPLICANT: "all",
  AREA_LEAD: "all",
  SECRETARIAT: "all",
  LEADERSHIP: "all",
  FINANCE: "all",
  HMU: "all",
  ADMIN: "all",
} as const satisfies Partial<Record<Role, Scope>>;

/**
 * The policy. An action absent for a role is denied. Scope "area" and "unit"
 * only make sense for actions checked against a record.
 */
export const POLICY = {
  /** See the start page and the organisation chart (names of areas and units). */
  "app:use": ALL_ROLES_READ,
  /** See a unit's page with its staff (personal data). */
  "unit:read": {
    APPLICANT: "unit",
    AREA_LEAD: "area",
    SECRETARIAT: "all",
    LEADERSHIP: "all",
    FINANCE: "all",
    ADMIN: "all",
  },
  /** Create and edit areas and units. */
  "organisation:manage": { ADMIN: "all" },
  /** Create, edit, deactivate users; set passwords and roles. */
  "user:manage": { ADMIN: "all" },
  /** Read pool years: budget, adjustments, totals (aggregate, no personal data). */
  "poolYear:read": ALL_ROLES_READ,
  /** Create pool years and record budget adjustments. */
  "poolYear:manage": { FINANCE: "all" },
  /** Read adopted (and superseded) HMU guidelines. */
  "guideline:read": ALL_ROLES_READ,
  /** Read guideline drafts (HMU discusses them before adopting). */
  "guideline:readDraft": { SECRETARIAT: "all", LEADERSHIP: "all", HMU: "all", ADMIN: "all" },
  /** Draft guideline versions and record HMU's adoption. */
  "guideline:manage": { SECRETARIAT: "all" },
  /** Maintain the catalogue of focus areas. */
  "focusArea:manage": { SECRETARIAT: "all", LEADERSHIP: "all" },
  /** Read the yearly prioritisations (everyone: applicants need them to apply well). */
  "prioritisation:read": ALL_ROLES_READ,
  /** Record the year's prioritisation (and revisions). */
  "prioritisation:record": { LEADERSHIP: "all" },
  /** Read application rounds. */
  "round:read": ALL_ROLES_READ,
  /** Plan and change application rounds. */
  "round:manage": { SECRETARIAT: "all" },
  /** Start an application for one of the user's units. */
  "application:create": { APPLICANT: "unit" },
  /** Read an application's content (HMU never: only aggregates). */
  "application:read": { APPLICANT: "unit", AREA_LEAD: "area", SECRETARIAT: "all", LEADERSHIP: "all", FINANCE: "all" },
  /** Edit a draft/returned application, submit it, withdraw it, add attachments. */
  "application:edit": { APPLICANT: "unit" },
  /** Endorse (indstille) the area's submitted applications and rank them. */
  "application:endorse": { AREA_LEAD: "area" },
  /**
   * Endorse on the area lead's behalf, with a written reason: the lead's own
   * application (which the lead may not endorse), or the lead absent before the deadline.
   */
  "application:endorseOnBehalf": { SECRETARIAT: "all" },
  /** Return a submitted application for changes, with a comment. */
  "application:return": { AREA_LEAD: "area", SECRETARIAT: "all" },
  /** Aggregate numbers (counts and sums by area and focus area): no application content. */
  "application:stats": ALL_ROLES_READ,
  /** Browse the whole audit log. */
  "audit:readAll": { ADMIN: "all" },
  /** Browse the audit log of pool records (pool years, and later rounds, applications...). */
  "audit:readPool": { SECRETARIAT: "all", ADMIN: "all" },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

function grantScope(action: Action, role: Role): Scope | undefined {
  const rule: Partial<Record<Role, Scope>> = POLICY[action];
  return rule[role];
}

/** The units a user acts for as applicant: explicit grants, else the home unit. */
export function applicantUnitIds(user: PermissionSubject): string[] {
  const ids = new Set<string>();
  for (const grant of user.roles) {
    if (grant.role !== "APPLICANT") continue;
    const unitId = grant.unitId ?? user.unitId;
    if (unitId) ids.add(unitId);
  }
  return [...ids];
}

function grantCovers(user: PermissionSubject, grant: RoleGrant, scope: Scope, record: RecordScope): boolean {
  if (record.unitPrivate && scope !== "unit") return false;
  switch (scope) {
    case "all":
      return true;
    case "area":
      return grant.areaId !== null && grant.areaId === record.areaId;
    case "unit": {
      const unitId = grant.unitId ?? user.unitId;
      return unitId !== null && record.unitId != null && unitId === record.unitId;
    }
  }
}

/**
 * May the user do the action? Without a record: may the user do it at all
 * (for at least part of the organisation) — that decides whether a page opens.
 * With a record: is that record inside one of the user's grants?
 */
export function can(user: PermissionSubject | null | undefined, action: Action, record?: RecordScope): boolean {
  if (!user) return false;
  for (const grant of user.roles) {
    const scope = grantScope(action, grant.role);
    if (!scope) continue;
    if (!record) return true;
    if (grantCovers(user, grant, scope, record)) return true;
  }
  return false;
}

/** For list queries: which part of the organisation the user sees for an action. */
export type ScopeFilter = { kind: "all" } | { kind: "some"; areaIds: string[]; unitIds: string[] } | { kind: "none" };

export function scopeFilter(user: PermissionSubject, action: Action): ScopeFilter {
  const areaIds = new Set<string>();
  const unitIds = new Set<string>();
  let any = false;
  for (const grant of user.roles) {
    const scope = grantScope(action, grant.role);
    if (!scope) continue;
    any = true;
    if (scope === "all") return { kind: "all" };
    if (scope === "area" && grant.areaId) areaIds.add(grant.areaId);
    if (scope === "unit") {
      const unitId = grant.unitId ?? user.unitId;
      if (unitId) unitIds.add(unitId);
    }
  }
  if (!any || (areaIds.size === 0 && unitIds.size === 0)) return { kind: "none" };
  return { kind: "some", areaIds: [...areaIds], unitIds: [...unitIds] };
}

/**
 * The units whose unit-private records (see RecordScope.unitPrivate) the user
 * sees for an action: those of the user's grants scoped to a unit.
 */
export function privateScopeUnitIds(user: PermissionSubject, action: Action): string[] {
  const unitIds = new Set<string>();
  for (const grant of user.roles) {
    if (grantScope(action, grant.role) !== "unit") continue;
    const unitId = grant.unitId ?? user.unitId;
    if (unitId) unitIds.add(unitId);
  }
  return [...unitIds];
}
