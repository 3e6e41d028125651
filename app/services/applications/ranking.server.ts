// The area lead's ranking (rangordning) of the area's endorsed applications in
// a round: the groups to rank, and the ranking itself (every place 1..n once,
// until the endorsement deadline).
import { rankProblems } from "~/domain/applications/ranking";
import type { Ore } from "~/domain/money";
import { scopeFilter, type PermissionSubject } from "~/domain/permissions";
import { prisma } from "~/utils/db.server";
import { defineMutation, failOn, FieldError, PermissionError, type AuditEntry } from "../mutation.server";
import { lockEndorsementRanks } from "./endorsement.server";

export interface RankingItem {
  id: string;
  reference: string;
  title: string;
  unitName: string;
  requestedOre: Ore;
  endorsementRank: number | null;
}

export interface RankingGroup {
  areaId: string;
  areaCode: string;
  areaName: string;
  items: RankingItem[];
}

/** For each area the user leads: its ENDORSED applications in the round, in their current order. */
export async function rankingGroups(user: PermissionSubject, roundId: string): Promise<RankingGroup[]> {
  const scope = scopeFilter(user, "application:endorse");
  if (scope.kind !== "some" || scope.areaIds.length === 0) return [];
  const areas = await prisma.area.findMany({
    where: { id: { in: scope.areaIds } },
    orderBy: { sortOrder: "asc" },
    select: { id: true, code: true, name: true },
  });
  const applications = await prisma.application.findMany({
    where: { roundId, areaId: { in: scope.areaIds }, status: "ENDORSED" },
    orderBy: [{ endorsementRank: { sort: "asc", nulls: "last" } }, { reference: "asc" }],
    select: { id: true, reference: true, title: true, areaId: true, requestedOre: true, endorsementRank: true, unit: { select: { name: true } } },
  });
  return areas.map((area) => ({
    areaId: area.id,
    areaCode: area.code,
    areaName: area.name,
    items: applications
      .filter((a) => a.areaId === area.id)
      .map((a) => ({
        id: a.id,
        reference: a.reference,
        title: a.title,
        unitName: a.unit.name,
        requestedOre: a.requestedOre,
        endorsementRank: a.endorsementRank,
      })),
  }));
}

export interface RankApplicationsInput {
  roundId: string;
  areaId: string;
  ranks: readonly { id: string; rank: number }[];
  /** The moment of ranking (tests); now by default. */
  now?: Date;
}

/**
 * Sets the area lead's ranking of one area's endorsed applications in one
 * round: every endorsed application of the area and round gets a place 1..n,
 * each place once, until the round's endorsement deadline. Applications
 * outside the lead's area answer 404.
 */
export const rankApplications = defineMutation<RankApplicationsInput, { changed: number }>("application.rank", {
  permission: "application:endorse",
  async run({ tx, requireScope }, input) {
    requireScope("application:endorse", { areaId: input.areaId });
    const now = input.now ?? new Date();
    const round = await tx.round.findUnique({ where: { id: input.roundId }, select: { endorsementDeadline: true } });
    if (!round) throw new FieldError("", "appList.rank.stale");
    if (now > round.endorsementDeadline) throw new FieldError("", "appList.rank.deadlinePassed", { deadline: round.endorsementDeadline });
    // The same lock as an endorsement's: the ranks below are checked by reading.
    await lockEndorsementRanks(tx, input.roundId, input.areaId);
    const ids = input.ranks.map((r) => r.id);
    const rows = await tx.application.findMany({
      where: { id: { in: ids } },
      select: { id: true, areaId: true, unitId: true, roundId: true, status: true, reference: true, endorsementRank: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) throw new PermissionError(404);
      requireScope("application:endorse", { areaId: row.areaId, unitId: row.unitId });
    }
    // The form must cover exactly the area's endorsed applications of the round.
    const endorsed = await tx.application.findMany({
      where: { roundId: input.roundId, areaId: input.areaId, status: "ENDORSED" },
      select: { id: true },
    });
    const expected = new Set(endorsed.map((a) => a.id));
    const stale =
      new Set(ids).size !== ids.length ||
      ids.length !== expected.size ||
      ids.some((id) => !expected.has(id));
    if (stale) throw new FieldError("", "appList.rank.stale");
    failOn(rankProblems(input.ranks.map((r) => r.rank)).map((p) => ({ field: `ranks[${p.index}].rank`, key: p.message })));

    const audit: AuditEntry[] = [];
    for (const { id, rank } of input.ranks) {
      const row = byId.get(id)!;
      if (row.endorsementRank === rank) continue;
      await tx.application.update({ where: { id }, data: { endorsementRank: rank }, select: { id: true } });
      audit.push({
        action: "application.rank",
        entityType: "Application",
        entityId: id,
        before: { reference: row.reference, endorsementRank: row.endorsementRank },
        after: { reference: row.reference, endorsementRank: rank },
      });
    }
    if (audit.length === 0) {
      // Nothing changed: the round still records that the ranking was confirmed.
      audit.push({ action: "application.rank", entityType: "Round", entityId: input.roundId, after: { areaId: input.areaId, unchanged: true } });
    }
    return { result: { changed: audit.filter((a) => a.entityType === "Application").length }, audit };
  },
});
