-- CreateEnum
CREATE TYPE "GuidelineStatus" AS ENUM ('DRAFT', 'ADOPTED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "RuleSeverity" AS ENUM ('HARD', 'SOFT');

-- CreateEnum
CREATE TYPE "EarmarkKind" AS ENUM ('NONE', 'AMOUNT', 'PERCENT');

-- CreateTable
CREATE TABLE "GuidelineVersion" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "status" "GuidelineStatus" NOT NULL DEFAULT 'DRAFT',
    "adoptedOn" DATE,
    "basedOnId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "adoptedAt" TIMESTAMP(3),
    "supersededAt" TIMESTAMP(3),

    CONSTRAINT "GuidelineVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EligibilityRule" (
    "id" TEXT NOT NULL,
    "guidelineVersionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" "RuleSeverity" NOT NULL DEFAULT 'HARD',
    "params" JSONB NOT NULL DEFAULT '{}',
    "note" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EligibilityRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentCriterion" (
    "id" TEXT NOT NULL,
    "guidelineVersionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "weight" INTEGER NOT NULL,
    "scaleMin" INTEGER NOT NULL DEFAULT 0,
    "scaleMax" INTEGER NOT NULL DEFAULT 5,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AssessmentCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FocusArea" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FocusArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Prioritisation" (
    "id" TEXT NOT NULL,
    "poolYearId" TEXT NOT NULL,
    "guidelineVersionId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "decidedOn" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "revisesId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "Prioritisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrioritisedFocusArea" (
    "id" TEXT NOT NULL,
    "prioritisationId" TEXT NOT NULL,
    "focusAreaId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "weightHundredths" INTEGER NOT NULL,
    "earmarkKind" "EarmarkKind" NOT NULL DEFAULT 'NONE',
    "earmarkBasisPoints" INTEGER,
    "earmarkOre" BIGINT,
    "earmarkHard" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PrioritisedFocusArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Round" (
    "id" TEXT NOT NULL,
    "poolYearId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "endorsementDeadline" TIMESTAMP(3) NOT NULL,
    "decisionDate" DATE NOT NULL,
    "budgetShareOre" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GuidelineVersion_version_key" ON "GuidelineVersion"("version");

-- CreateIndex
CREATE INDEX "EligibilityRule_guidelineVersionId_idx" ON "EligibilityRule"("guidelineVersionId");

-- CreateIndex
CREATE INDEX "AssessmentCriterion_guidelineVersionId_idx" ON "AssessmentCriterion"("guidelineVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "FocusArea_name_key" ON "FocusArea"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Prioritisation_revisesId_key" ON "Prioritisation"("revisesId");

-- CreateIndex
CREATE UNIQUE INDEX "Prioritisation_poolYearId_revision_key" ON "Prioritisation"("poolYearId", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "PrioritisedFocusArea_prioritisationId_focusAreaId_key" ON "PrioritisedFocusArea"("prioritisationId", "focusAreaId");

-- CreateIndex
CREATE UNIQUE INDEX "PrioritisedFocusArea_prioritisationId_rank_key" ON "PrioritisedFocusArea"("prioritisationId", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "Round_poolYearId_name_key" ON "Round"("poolYearId", "name");

-- AddForeignKey
ALTER TABLE "GuidelineVersion" ADD CONSTRAINT "GuidelineVersion_basedOnId_fkey" FOREIGN KEY ("basedOnId") REFERENCES "GuidelineVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityRule" ADD CONSTRAINT "EligibilityRule_guidelineVersionId_fkey" FOREIGN KEY ("guidelineVersionId") REFERENCES "GuidelineVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentCriterion" ADD CONSTRAINT "AssessmentCriterion_guidelineVersionId_fkey" FOREIGN KEY ("guidelineVersionId") REFERENCES "GuidelineVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prioritisation" ADD CONSTRAINT "Prioritisation_poolYearId_fkey" FOREIGN KEY ("poolYearId") REFERENCES "PoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prioritisation" ADD CONSTRAINT "Prioritisation_guidelineVersionId_fkey" FOREIGN KEY ("guidelineVersionId") REFERENCES "GuidelineVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prioritisation" ADD CONSTRAINT "Prioritisation_revisesId_fkey" FOREIGN KEY ("revisesId") REFERENCES "Prioritisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrioritisedFocusArea" ADD CONSTRAINT "PrioritisedFocusArea_prioritisationId_fkey" FOREIGN KEY ("prioritisationId") REFERENCES "Prioritisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrioritisedFocusArea" ADD CONSTRAINT "PrioritisedFocusArea_focusAreaId_fkey" FOREIGN KEY ("focusAreaId") REFERENCES "FocusArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_poolYearId_fkey" FOREIGN KEY ("poolYearId") REFERENCES "PoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- At most one guideline version is in force (adopted) at a time; adopting a new
-- version supersedes the previous one in the same transaction.
CREATE UNIQUE INDEX "GuidelineVersion_one_adopted" ON "GuidelineVersion" ("status") WHERE "status" = 'ADOPTED';
