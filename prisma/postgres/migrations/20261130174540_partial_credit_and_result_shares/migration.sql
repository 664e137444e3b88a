-- AlterTable
ALTER TABLE "Attempt" ALTER COLUMN "score" SET DATA TYPE DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "credit" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "ResultShare" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResultShare_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResultShare_attemptId_key" ON "ResultShare"("attemptId");

-- CreateIndex
CREATE UNIQUE INDEX "ResultShare_tokenHash_key" ON "ResultShare"("tokenHash");

-- AddForeignKey
ALTER TABLE "ResultShare" ADD CONSTRAINT "ResultShare_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
