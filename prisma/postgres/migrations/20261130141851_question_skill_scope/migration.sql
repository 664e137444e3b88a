-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'lesson',
ADD COLUMN     "skill" TEXT NOT NULL DEFAULT 'fact';
