-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Question" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lessonId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "choices" JSONB,
    "answer" JSONB NOT NULL,
    "accepted" JSONB,
    "evidence" TEXT NOT NULL,
    "evidenceAnchor" TEXT NOT NULL,
    "evidenceAnchors" JSONB NOT NULL,
    "evidenceLessons" JSONB,
    "keyKind" TEXT NOT NULL,
    "skill" TEXT NOT NULL DEFAULT 'fact',
    "scope" TEXT NOT NULL DEFAULT 'lesson',
    "difficulty" REAL NOT NULL,
    "generatorVersion" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "review" TEXT NOT NULL DEFAULT 'pending',
    "teacherEdit" JSONB,
    "editedById" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Question_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Question_editedById_fkey" FOREIGN KEY ("editedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Question_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Question" ("accepted", "answer", "choices", "createdAt", "difficulty", "editedById", "evidence", "evidenceAnchor", "evidenceAnchors", "evidenceLessons", "generatorVersion", "id", "keyKind", "lessonId", "prompt", "review", "reviewedAt", "reviewedById", "status", "teacherEdit", "type", "updatedAt") SELECT "accepted", "answer", "choices", "createdAt", "difficulty", "editedById", "evidence", "evidenceAnchor", "evidenceAnchors", "evidenceLessons", "generatorVersion", "id", "keyKind", "lessonId", "prompt", "review", "reviewedAt", "reviewedById", "status", "teacherEdit", "type", "updatedAt" FROM "Question";
DROP TABLE "Question";
ALTER TABLE "new_Question" RENAME TO "Question";
CREATE INDEX "Question_lessonId_status_idx" ON "Question"("lessonId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
