/*
  Warnings:

  - You are about to alter the column `score` on the `Attempt` table. The data in that column could be lost. The data in that column will be cast from `Int` to `Float`.

*/
-- AlterTable
ALTER TABLE "Response" ADD COLUMN "credit" REAL;

-- CreateTable
CREATE TABLE "ResultShare" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ResultShare_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "guestToken" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'quiz',
    "lessonId" TEXT,
    "moduleId" TEXT,
    "assignmentId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'in_progress',
    "seed" INTEGER NOT NULL,
    "questionIds" JSONB NOT NULL,
    "score" REAL,
    "total" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" DATETIME,
    CONSTRAINT "Attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attempt_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attempt_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attempt_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Attempt" ("assignmentId", "guestToken", "id", "kind", "lessonId", "moduleId", "questionIds", "score", "seed", "startedAt", "status", "submittedAt", "total", "userId") SELECT "assignmentId", "guestToken", "id", "kind", "lessonId", "moduleId", "questionIds", "score", "seed", "startedAt", "status", "submittedAt", "total", "userId" FROM "Attempt";
DROP TABLE "Attempt";
ALTER TABLE "new_Attempt" RENAME TO "Attempt";
CREATE INDEX "Attempt_userId_lessonId_submittedAt_idx" ON "Attempt"("userId", "lessonId", "submittedAt");
CREATE INDEX "Attempt_userId_moduleId_submittedAt_idx" ON "Attempt"("userId", "moduleId", "submittedAt");
CREATE INDEX "Attempt_guestToken_idx" ON "Attempt"("guestToken");
CREATE INDEX "Attempt_assignmentId_userId_idx" ON "Attempt"("assignmentId", "userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ResultShare_attemptId_key" ON "ResultShare"("attemptId");

-- CreateIndex
CREATE UNIQUE INDEX "ResultShare_tokenHash_key" ON "ResultShare"("tokenHash");
