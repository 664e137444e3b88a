-- CreateTable
CREATE TABLE "DeletedClassMember" (
    "id" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeletedClassMember_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeletedClassMember_classId_idx" ON "DeletedClassMember"("classId");

-- AddForeignKey
ALTER TABLE "DeletedClassMember" ADD CONSTRAINT "DeletedClassMember_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;
