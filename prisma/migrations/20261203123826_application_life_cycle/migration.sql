-- The application's life cycle: the stages after endorsement (screened
-- eligible / not eligible, assessed, granted / partly granted / rejected,
-- reported, closed). DECIDED is replaced by the three decisions; Postgres
-- cannot drop an enum value, so the type is rebuilt. No application was ever
-- DECIDED by the product (no mutation wrote it); any that is becomes GRANTED.
-- The migration runner wraps this file in one transaction.
CREATE TYPE "ApplicationStatus_new" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'ENDORSED', 'SCREENED', 'NOT_ELIGIBLE', 'ASSESSED', 'GRANTED', 'PARTLY_GRANTED', 'REJECTED', 'REPORTED', 'CLOSED', 'WITHDRAWN');
ALTER TABLE "Application" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Application" ALTER COLUMN "status" TYPE "ApplicationStatus_new"
  USING (CASE "status"::text WHEN 'DECIDED' THEN 'GRANTED' ELSE "status"::text END)::"ApplicationStatus_new";
ALTER TYPE "ApplicationStatus" RENAME TO "ApplicationStatus_old";
ALTER TYPE "ApplicationStatus_new" RENAME TO "ApplicationStatus";
DROP TYPE "ApplicationStatus_old";
ALTER TABLE "Application" ALTER COLUMN "status" SET DEFAULT 'DRAFT';
