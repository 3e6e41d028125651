// User administration: accounts, roles with their scope, passwords, and
// deactivation (nothing is deleted). Password hashes never enter the audit trail.
import { ROLES, type Role } from "~/domain/permissions";
import type { Prisma } from "~/generated/prisma/client";
import { prisma, type Tx } from "~/utils/db.server";
import { PAGE_SIZE, pageCount } from "~/utils/list-params";
import { hashPassword, newPasswordProblem } from "~/utils/password.server";
import { defineMutation, FieldError, PermissionError } from "./mutation.server";

export interface UserInput {
  email: string;
  name: string;
  unitId: string | null;
  roles: readonly Role[];
  /** The area an AREA_LEAD leads (required with that role). */
  leadAreaId: string | null;
  /** The unit an APPLICANT applies for; null = the user's own unit. */
  applicantUnitId: string | null;
}

const userSnapshotSelect = {
  id: true,
  email: true,
  name: true,
  unitId: true,
  active: true,
  roles: { select: { role: true, areaId: true, unitId: true } },
} as const;

type UserSnapshot = Prisma.UserGetPayload<{ select: typeof userSnapshotSelect }>;

/** What the audit trail keeps of a user: never the password hash. */
function snapshot(user: UserSnapshot) {
  return {
    email: user.email,
    name: user.name,
    unitId: user.unitId,
    active: user.active,
    roles: [...user.roles]
      .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role))
      .map((r) => ({ role: r.role, areaId: r.areaId, unitId: r.unitId })),
  };
}

// ---------------------------------------------------------------- queries

export const USER_STATUSES = ["active", "inactive", "all"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface UserFilter {
  q: string;
  role?: Role;
  areaId?: string;
  status: UserStatus;
  page: number;
}

/** One page of users matching the filter, sorted by name. */
export async function listUsers(filter: UserFilter) {
  const conditions: Prisma.UserWhereInput[] = [];
  if (filter.q) {
    conditions.push({
      OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { email: { contains: filter.q, mode: "insensitive" } }],
    });
  }
  if (filter.role) conditions.push({ roles: { some: { role: filter.role } } });
  if (filter.areaId) conditions.push({ OR: [{ unit: { areaId: filter.areaId } }, { roles: { some: { areaId: filter.areaId } } }] });
  if (filter.status !== "all") conditions.push({ active: filter.status === "active" });
  const where: Prisma.UserWhereInput = { AND: conditions };

  const total = await prisma.user.count({ where });
  const pages = pageCount(total);
  const page = Math.min(filter.page, pages);
  const users = await prisma.user.findMany({
    where,
    orderBy: [{ name: "asc" }, { email: "asc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true,
      email: true,
      name: true,
      active: true,
      unit: { select: { name: true, area: { select: { code: true } } } },
      roles: { select: { role: true, area: { select: { code: true } } } },
    },
  });
  return { users, total, page, pages };
}

/** A user as the edit form needs it (no password hash). */
export async function userForEdit(userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { ...userSnapshotSelect, createdAt: true } });
  if (!user) return null;
  const lead = user.roles.find((r) => r.role === "AREA_LEAD");
  const applicant = user.roles.find((r) => r.role === "APPLICANT");
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    unitId: user.unitId,
    active: user.active,
    createdAt: user.createdAt,
    roles: [...new Set(user.roles.map((r) => r.role))].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)),
    leadAreaId: lead?.areaId ?? null,
    applicantUnitId: applicant?.unitId ?? null,
  };
}

// ---------------------------------------------------------------- rules

interface CheckedUser {
  email: string;
  name: string;
  unitId: string | null;
  grants: { role: Role; areaId: string | null; unitId: string | null }[];
}

async function checkUser(tx: Tx, input: UserInput, userId: string | null): Promise<CheckedUser> {
  const email = input.email.trim().toLowerCase();
  if (!email) throw new FieldError("email", "validation.required");
  const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (taken && taken.id !== userId) throw new FieldError("email", "users.error.emailTaken");

  const name = input.name.trim();
  if (!name) throw new FieldError("name", "validation.required");

  const unitId = input.unitId || null;
  if (unitId && !(await tx.unit.findUnique({ where: { id: unitId }, select: { id: true } }))) {
    throw new FieldError("unitId", "validation.choose");
  }

  const roles = ROLES.filter((role) => input.roles.includes(role));
  if (roles.length === 0) throw new FieldError("roles", "users.error.roleRequired");

  const grants: CheckedUser["grants"] = [];
  for (const role of roles) {
    if (role === "AREA_LEAD") {
      const areaId = input.leadAreaId || null;
      if (!areaId) throw new FieldError("leadAreaId", "users.error.areaRequired");
      if (!(await tx.area.findUnique({ where: { id: areaId }, select: { id: true } }))) {
        throw new FieldError("leadAreaId", "validation.choose");
      }
      grants.push({ role, areaId, unitId: null });
    } else if (role === "APPLICANT") {
      const applicantUnitId = input.applicantUnitId || null;
      if (applicantUnitId && !(await tx.unit.findUnique({ where: { id: applicantUnitId }, select: { id: true } }))) {
        throw new FieldError("applicantUnitId", "validation.choose");
      }
      if (!applicantUnitId && !unitId) throw new FieldError("applicantUnitId", "users.error.applicantUnitRequired");
      grants.push({ role, areaId: null, unitId: applicantUnitId });
    } else {
      grants.push({ role, areaId: null, unitId: null });
    }
  }
  return { email, name, unitId, grants };
}

/** Refuses a short, common or predictable password with the reason next to the field. */
function checkPassword(password: string, personal: readonly string[]) {
  const problem = newPasswordProblem(password, personal);
  if (problem === "tooShort") throw new FieldError("password", "users.error.passwordTooShort");
  if (problem) throw new FieldError("password", `users.error.password.${problem}`);
}

// ---------------------------------------------------------------- mutations

export const createUser = defineMutation<UserInput & { password: string }, { id: string }>("users.create", {
  permission: "user:manage",
  async run({ tx }, input) {
    const checked = await checkUser(tx, input, null);
    checkPassword(input.password, [checked.email, checked.name]);
    const passwordHash = await hashPassword(input.password);
    const user = await tx.user.create({
      data: {
        email: checked.email,
        name: checked.name,
        unitId: checked.unitId,
        passwordHash,
        roles: { create: checked.grants },
      },
      select: userSnapshotSelect,
    });
    return {
      result: { id: user.id },
      audit: { action: "users.create", entityType: "User", entityId: user.id, after: snapshot(user) },
    };
  },
});

export const updateUser = defineMutation<UserInput & { id: string }, { id: string }>("users.update", {
  permission: "user:manage",
  async run({ tx, actor }, { id, ...input }) {
    const before = await tx.user.findUnique({ where: { id }, select: userSnapshotSelect });
    if (!before) throw new PermissionError(404);
    const checked = await checkUser(tx, input, id);
    if (actor.user?.id === id && !checked.grants.some((g) => g.role === "ADMIN")) {
      throw new FieldError("roles", "users.error.ownAdminRole");
    }
    await tx.userRole.deleteMany({ where: { userId: id } });
    const after = await tx.user.update({
      where: { id },
      data: { email: checked.email, name: checked.name, unitId: checked.unitId, roles: { create: checked.grants } },
      select: userSnapshotSelect,
    });
    return {
      result: { id },
      audit: { action: "users.update", entityType: "User", entityId: id, before: snapshot(before), after: snapshot(after) },
    };
  },
});

export const setUserPassword = defineMutation<
  { id: string; password: string; /** The acting admin's own session, kept when they change their own password. */ keepSessionId?: string | null },
  { sessionsEnded: number }
>("users.setPassword", {
  permission: "user:manage",
  async run({ tx, actor }, { id, password, keepSessionId }) {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
    if (!user) throw new PermissionError(404);
    checkPassword(password, [user.email, user.name]);
    await tx.user.update({ where: { id }, data: { passwordHash: await hashPassword(password) } });
    const keep = actor.user?.id === id && keepSessionId ? keepSessionId : null;
    const { count } = await tx.session.deleteMany({ where: { userId: id, ...(keep ? { NOT: { id: keep } } : {}) } });
    return {
      result: { sessionsEnded: count },
      audit: { action: "users.setPassword", entityType: "User", entityId: id, after: { passwordChanged: true, sessionsEnded: count } },
    };
  },
});

export const setUserActive = defineMutation<{ id: string; active: boolean }, { sessionsEnded: number }>("users.setActive", {
  permission: "user:manage",
  async run({ tx, actor }, { id, active }) {
    const before = await tx.user.findUnique({ where: { id }, select: { id: true, active: true } });
    if (!before) throw new PermissionError(404);
    if (!active && actor.user?.id === id) throw new FieldError("", "users.error.selfDeactivate");
    await tx.user.update({ where: { id }, data: { active } });
    const { count } = active ? { count: 0 } : await tx.session.deleteMany({ where: { userId: id } });
    return {
      result: { sessionsEnded: count },
      audit: {
        action: "users.setActive",
        entityType: "User",
        entityId: id,
        before: { active: before.active },
        after: { active, sessionsEnded: count },
      },
    };
  },
});

/** Every mutation of this service, for registries and tests. */
export const userMutations = [createUser, updateUser, setUserPassword, setUserActive] as const;
