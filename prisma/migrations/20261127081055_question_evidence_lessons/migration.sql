-- AlterTable
ALTER TABLE "Question" ADD COLUMN "evidenceLessons" JSONB;
