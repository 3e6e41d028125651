-- AlterTable
ALTER TABLE "LoginAttempt" ADD COLUMN     "deviceHash" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "LoginAttempt_email_deviceHash_at_idx" ON "LoginAttempt"("email", "deviceHash", "at");

