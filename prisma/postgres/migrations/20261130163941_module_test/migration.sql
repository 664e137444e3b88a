-- AlterEnum
ALTER TYPE "AttemptKind" ADD VALUE 'test';

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "moduleId" TEXT;

-- CreateIndex
CREATE INDEX "Attempt_userId_moduleId_submittedAt_idx" ON "Attempt"("userId", "moduleId", "submittedAt");

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module"("id") ON DELETE CASCADE ON UPDATE CASCADE;
