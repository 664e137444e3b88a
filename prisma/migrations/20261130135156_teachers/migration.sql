-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL DEFAULT 'module',
    "lessonSlugs" JSONB,
    "opensAt" DATETIME,
    "dueAt" DATETIME NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "passMark" INTEGER NOT NULL DEFAULT 70,
    "questionsPerQuiz" INTEGER NOT NULL DEFAULT 10,
    "attemptsAllowed" INTEGER,
    "counting" TEXT NOT NULL DEFAULT 'best',
    "reviewedOnly" BOOLEAN NOT NULL DEFAULT false,
    "closedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Assignment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Assignment" ("classId", "createdAt", "dueAt", "id", "lessonSlugs", "moduleId", "passMark") SELECT "classId", "createdAt", "dueAt", "id", "lessonSlugs", "moduleId", "passMark" FROM "Assignment";
DROP TABLE "Assignment";
ALTER TABLE "new_Assignment" RENAME TO "Assignment";
CREATE INDEX "Assignment_classId_idx" ON "Assignment"("classId");
CREATE TABLE "new_Class" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "joinCode" TEXT NOT NULL,
    "joinEnabled" BOOLEAN NOT NULL DEFAULT true,
    "teacherId" TEXT NOT NULL,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Class_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Class" ("createdAt", "id", "joinCode", "name", "teacherId") SELECT "createdAt", "id", "joinCode", "name", "teacherId" FROM "Class";
DROP TABLE "Class";
ALTER TABLE "new_Class" RENAME TO "Class";
CREATE UNIQUE INDEX "Class_joinCode_key" ON "Class"("joinCode");
CREATE INDEX "Class_teacherId_idx" ON "Class"("teacherId");
CREATE TABLE "new_ClassMember" (
    "classId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'learner',
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "exitedAt" DATETIME,
    "exit" TEXT,

    PRIMARY KEY ("classId", "userId"),
    CONSTRAINT "ClassMember_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClassMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ClassMember" ("classId", "joinedAt", "userId") SELECT "classId", "joinedAt", "userId" FROM "ClassMember";
DROP TABLE "ClassMember";
ALTER TABLE "new_ClassMember" RENAME TO "ClassMember";
CREATE INDEX "ClassMember_userId_idx" ON "ClassMember"("userId");
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
INSERT INTO "new_Question" ("accepted", "answer", "choices", "createdAt", "difficulty", "editedById", "evidence", "evidenceAnchor", "evidenceAnchors", "evidenceLessons", "generatorVersion", "id", "keyKind", "lessonId", "prompt", "review", "status", "teacherEdit", "type", "updatedAt") SELECT "accepted", "answer", "choices", "createdAt", "difficulty", "editedById", "evidence", "evidenceAnchor", "evidenceAnchors", "evidenceLessons", "generatorVersion", "id", "keyKind", "lessonId", "prompt", "review", "status", "teacherEdit", "type", "updatedAt" FROM "Question";
DROP TABLE "Question";
ALTER TABLE "new_Question" RENAME TO "Question";
CREATE INDEX "Question_lessonId_status_idx" ON "Question"("lessonId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Attempt_assignmentId_userId_idx" ON "Attempt"("assignmentId", "userId");
