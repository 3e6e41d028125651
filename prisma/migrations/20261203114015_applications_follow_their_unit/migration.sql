-- Data only: an application belongs to its unit, so its area is the unit's
-- current area (see docs/decisions/015-scope-of-applications-and-audit.md).
-- Units moved before this rule left their applications in the old area.
-- Their place in the old area's ranking means nothing in the new one.
UPDATE "Application" AS a
SET "areaId" = u."areaId", "endorsementRank" = NULL
FROM "Unit" AS u
WHERE a."unitId" = u."id" AND a."areaId" <> u."areaId";
