-- CreateEnum
CREATE TYPE "ClassRole" AS ENUM ('learner', 'teacher');

-- CreateEnum
CREATE TYPE "MemberExit" AS ENUM ('left', 'removed');

-- CreateEnum
CREATE TYPE "AssignmentKind" AS ENUM ('module', 'lessons', 'test');

-- CreateEnum
CREATE TYPE "Counting" AS ENUM ('best', 'latest');

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "attemptsAllowed" INTEGER,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "counting" "Counting" NOT NULL DEFAULT 'best',
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "kind" "AssignmentKind" NOT NULL DEFAULT 'module',
ADD COLUMN     "opensAt" TIMESTAMP(3),
ADD COLUMN     "questionsPerQuiz" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "reviewedOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "timezone" TEXT NOT NULL DEFAULT 'UTC',
ADD COLUMN     "title" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "joinEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "ClassMember" ADD COLUMN     "exit" "MemberExit",
ADD COLUMN     "exitedAt" TIMESTAMP(3),
ADD COLUMN     "role" "ClassRole" NOT NULL DEFAULT 'learner';

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT;

-- CreateIndex
CREATE INDEX "Assignment_classId_idx" ON "Assignment"("classId");

-- CreateIndex
CREATE INDEX "Attempt_assignmentId_userId_idx" ON "Attempt"("assignmentId", "userId");

-- CreateIndex
CREATE INDEX "Class_teacherId_idx" ON "Class"("teacherId");

-- CreateIndex
CREATE INDEX "ClassMember_userId_idx" ON "ClassMember"("userId");

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
