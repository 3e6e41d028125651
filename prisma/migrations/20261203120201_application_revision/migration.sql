-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

