// Every change of data goes through a mutation: one transaction that checks
// permission, does the work and writes its audit event(s). A mutation that
// returns no audit entry is a programming error and rolls back.
import type { Problem, ProblemValue } from "~/domain/applications/problems";
import type { Prisma } from "~/generated/prisma/client";
import { can, type Action, type RecordScope, type SessionUser } from "~/domain/permissions";
import type { MessageKey } from "~/i18n";
import { prisma, type Tx } from "~/utils/db.server";

/** Who acts, and in which request (for the audit trail). */
export interface Actor {
  user: SessionUser | null; // null = the system (seed, scheduled jobs)
  requestId: string;
}

export interface AuditEntry {
  action: string;
  /** Who acted, when not the actor of the call (a login acts for the user it logs in). */
  actorId?: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Bad input that belongs next to a form field. Nothing has been changed. */
export class FieldError extends Error {
  constructor(
    public readonly field: string,
    public readonly messageKey: MessageKey,
    public readonly vars?: Record<string, ProblemValue>,
  ) {
    super(`${field}: ${messageKey}`);
    this.name = "FieldError";
  }
}

/** A problem with a form value, to be shown next to its field. */
export interface FieldProblem {
  field: string;
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/** Throws the first problem as a FieldError (inside a mutation: nothing is written). */
export function throwFirst(problems: readonly FieldProblem[]): void {
  const first = problems[0];
  if (first) throw new FieldError(first.field, first.key, first.vars);
}

/**
 * Every problem a check found with the input, each next to its form field,
 * with typed values (formatted at the edge, in the reader's language). Nothing
 * has been changed.
 */
export class ProblemsError extends Error {
  constructor(public readonly problems: readonly Problem[]) {
    super(problems.map((p) => `${p.field}: ${p.key}`).join("; "));
    this.name = "ProblemsError";
  }
}

/** Fails with every problem at once; does nothing when there is none. */
export function failOn(problems: readonly (Problem | null)[]): void {
  const found = problems.filter((p): p is Problem => p !== null);
  if (found.length > 0) throw new ProblemsError(found);
}

/** The actor may not do this (403), or the record is outside their scope (404). */
export class PermissionError extends Error {
  constructor(public readonly status: 403 | 404) {
    super(status === 403 ? "forbidden" : "not found");
    this.name = "PermissionError";
  }
}

export interface MutationContext {
  tx: Tx;
  actor: Actor;
  /** Throws PermissionError(404) unless the actor may do `action` on the record. */
  requireScope(action: Action, record: RecordScope): void;
}

export interface MutationOutcome<O> {
  result: O;
  audit: AuditEntry | AuditEntry[];
}

export interface Mutation<I, O> {
  (actor: Actor, input: I): Promise<O>;
  readonly mutationName: string;
  readonly permission: Action | null;
}

/** Makes values JSON-safe for the audit trail: bigint → string, Date → ISO, secrets dropped. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => {
      if (key === "passwordHash" || key === "password") return v ? "[skjult]" : v;
      if (typeof v === "bigint") return v.toString();
      return v;
    }),
  ) as Prisma.InputJsonValue;
}

export function defineMutation<I, O>(
  name: string,
  spec: {
    /** Page-level permission; null only for mutations that need no login (login itself). */
    permission: Action | null;
    run(ctx: MutationContext, input: I): Promise<MutationOutcome<O>>;
  },
): Mutation<I, O> {
  const mutation = async (actor: Actor, input: I): Promise<O> => {
    if (spec.permission && !can(actor.user, spec.permission)) throw new PermissionError(403);
    return prisma.$transaction(async (tx) => {
      const ctx: MutationContext = {
        tx,
        actor,
        requireScope(action, record) {
          if (!can(actor.user, action, record)) throw new PermissionError(404);
        },
      };
      const { result, audit } = await spec.run(ctx, input);
      const entries = Array.isArray(audit) ? audit : [audit];
      if (entries.length === 0) throw new Error(`Mutation ${name} wrote no audit event.`);
      await tx.auditEvent.createMany({
        data: entries.map((entry) => ({
          actorId: entry.actorId ?? actor.user?.id ?? null,
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId,
          before: toAuditJson(entry.before),
          after: toAuditJson(entry.after),
          requestId: actor.requestId,
        })),
      });
      return result;
    });
  };
  return Object.assign(mutation, { mutationName: name, permission: spec.permission });
}

/** The actor of a request: the route passes the request (only its headers are read). */
export function actorFor(request: { headers: Headers }, user: SessionUser | null): Actor {
  return { user, requestId: request.headers.get("x-request-id") ?? "" };
}
