// A guideline version's life: the secretariat drafts it (optionally based on an
// earlier version, whose rules and criteria are copied), edits its text, and
// records the date HMU adopted it, which supersedes the version in force.
import { danishToday, toIsoDate } from "~/domain/dates";
import { checkAdoptionDate } from "~/domain/guidelines";
import { defineMutation, FieldError } from "../mutation.server";
import { lockCatalogue, lockDraft } from "./drafts-lock.server";

const TITLE_MAX = 200;
const BODY_MAX = 50_000;

function checkTitleAndBody(title: string, body: string): { title: string; body: string } {
  const t = title.trim();
  if (!t) throw new FieldError("title", "validation.required");
  if (t.length > TITLE_MAX) throw new FieldError("title", "validation.tooLong");
  if (body.length > BODY_MAX) throw new FieldError("body", "validation.tooLong");
  return { title: t, body: body.replace(/\r\n?/g, "\n") };
}

export interface CreateDraftInput {
  title: string;
  body: string;
  /** Copy rules and criteria from this version. */
  basedOnVersion: number | null;
}

export const createGuidelineDraft = defineMutation<CreateDraftInput, { id: string; version: number }>("guideline.createDraft", {
  permission: "guideline:manage",
  async run({ tx, actor }, input) {
    const { title, body } = checkTitleAndBody(input.title, input.body);
    // Numbering: max + 1 under the catalogue lock (the unique index is the last guard).
    await lockCatalogue(tx);
    const base =
      input.basedOnVersion === null
        ? null
        : await tx.guidelineVersion.findUnique({
            where: { version: input.basedOnVersion },
            select: {
              id: true,
              version: true,
              rules: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
              criteria: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
            },
          });
    if (input.basedOnVersion !== null && !base) throw new FieldError("basedOn", "guidelines.error.baseUnknown");
    const { _max } = await tx.guidelineVersion.aggregate({ _max: { version: true } });
    const version = (_max.version ?? 0) + 1;
    const created = await tx.guidelineVersion.create({
      data: {
        version,
        title,
        body,
        status: "DRAFT",
        basedOnId: base?.id ?? null,
        createdById: actor.user?.id ?? null,
        rules: {
          create: (base?.rules ?? []).map((rule, index) => ({
            kind: rule.kind,
            severity: rule.severity,
            params: rule.params ?? {},
            note: rule.note,
            sortOrder: index + 1,
          })),
        },
        criteria: {
          create: (base?.criteria ?? []).map((criterion, index) => ({
            name: criterion.name,
            description: criterion.description,
            weight: criterion.weight,
            scaleMin: criterion.scaleMin,
            scaleMax: criterion.scaleMax,
            sortOrder: index + 1,
          })),
        },
      },
      select: { id: true, version: true },
    });
    return {
      result: created,
      audit: {
        action: "guideline.createDraft",
        entityType: "GuidelineVersion",
        entityId: created.id,
        after: {
          version,
          status: "DRAFT",
          title,
          body,
          basedOnVersion: base?.version ?? null,
          rules: base?.rules.length ?? 0,
          criteria: base?.criteria.length ?? 0,
        },
      },
    };
  },
});

export const updateGuidelineDraft = defineMutation<{ version: number; title: string; body: string }, void>("guideline.update", {
  permission: "guideline:manage",
  async run({ tx }, input) {
    const draft = await lockDraft(tx, input.version);
    const { title, body } = checkTitleAndBody(input.title, input.body);
    await tx.guidelineVersion.update({ where: { id: draft.id }, data: { title, body } });
    return {
      result: undefined,
      audit: {
        action: "guideline.update",
        entityType: "GuidelineVersion",
        entityId: draft.id,
        before: { title: draft.title, body: draft.body },
        after: { title, body },
      },
    };
  },
});

export interface AdoptInput {
  version: number;
  /** The date of HMU's meeting. */
  adoptedOn: Date;
  /** For tests; defaults to today in Denmark. */
  today?: Date;
}

export const adoptGuidelineVersion = defineMutation<AdoptInput, { supersededVersion: number | null }>("guideline.adopt", {
  permission: "guideline:manage",
  async run({ tx }, input) {
    // The catalogue lock first (as createDraft): two adoptions run one after the other.
    await lockCatalogue(tx);
    const draft = await lockDraft(tx, input.version);
    const [rules, criteria] = await Promise.all([
      tx.eligibilityRule.count({ where: { guidelineVersionId: draft.id } }),
      tx.assessmentCriterion.count({ where: { guidelineVersionId: draft.id } }),
    ]);
    if (rules + criteria === 0) throw new FieldError("", "guidelines.error.adoptEmpty");
    const inForce = await tx.guidelineVersion.findFirst({
      where: { status: "ADOPTED" },
      select: { id: true, version: true, adoptedOn: true },
    });
    const problem = checkAdoptionDate(input.adoptedOn, input.today ?? danishToday(), inForce?.adoptedOn ?? null);
    if (problem === "future") throw new FieldError("adoptedOn", "guidelines.error.adoptedOnFuture");
    if (problem === "beforeInForce" && inForce?.adoptedOn) {
      throw new FieldError("adoptedOn", "guidelines.error.adoptedOnBeforeInForce", {
        version: inForce.version,
        adoptedOn: toIsoDate(inForce.adoptedOn),
      });
    }
    const now = new Date();
    // The version in force steps down first: the partial unique index allows one ADOPTED.
    if (inForce) {
      await tx.guidelineVersion.update({ where: { id: inForce.id }, data: { status: "SUPERSEDED", supersededAt: now } });
    }
    await tx.guidelineVersion.update({
      where: { id: draft.id },
      data: { status: "ADOPTED", adoptedOn: input.adoptedOn, adoptedAt: now },
    });
    const adoptedOn = toIsoDate(input.adoptedOn);
    return {
      result: { supersededVersion: inForce?.version ?? null },
      audit: [
        {
          action: "guideline.adopt",
          entityType: "GuidelineVersion",
          entityId: draft.id,
          before: { version: draft.version, status: "DRAFT" },
          after: { version: draft.version, status: "ADOPTED", adoptedOn, rules, criteria, supersedes: inForce?.version ?? null },
        },
        ...(inForce
          ? [
              {
                action: "guideline.supersede",
                entityType: "GuidelineVersion",
                entityId: inForce.id,
                before: { version: inForce.version, status: "ADOPTED" },
                after: { version: inForce.version, status: "SUPERSEDED", supersededBy: draft.version },
              },
            ]
          : []),
      ],
    };
  },
});
