-- AlterTable
ALTER TABLE "Federation" ADD COLUMN     "researchOptIn" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResearchAnswer" (
    "id" UUID NOT NULL,
    "questionKey" TEXT NOT NULL,
    "dataVersion" TEXT NOT NULL,
    "answer" JSONB NOT NULL,
    "cellUnits" BYTEA NOT NULL,
    "cellsReturned" INTEGER NOT NULL,
    "cellsSuppressed" INTEGER NOT NULL,
    "epsilon" DOUBLE PRECISION,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResearchAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResearchQuery" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "answerId" UUID NOT NULL,
    "dataVersion" TEXT NOT NULL,
    "parameters" JSONB NOT NULL,
    "cellsReturned" INTEGER NOT NULL,
    "cellsSuppressed" INTEGER NOT NULL,
    "epsilon" DOUBLE PRECISION,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResearchQuery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResearchBudget" (
    "userId" UUID NOT NULL,
    "epsilonSpent" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ResearchBudget_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ResearchSettings" (
    "id" TEXT NOT NULL,
    "thresholds" JSONB NOT NULL,
    "privacyMode" TEXT NOT NULL DEFAULT 'OFF',
    "epsilonPerQuery" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "epsilonBudget" DOUBLE PRECISION NOT NULL DEFAULT 10,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ResearchSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ResearchAnswer_questionKey_dataVersion_key" ON "ResearchAnswer"("questionKey", "dataVersion");

-- CreateIndex
CREATE INDEX "ResearchQuery_userId_createdAt_idx" ON "ResearchQuery"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ResearchQuery_userId_dataVersion_idx" ON "ResearchQuery"("userId", "dataVersion");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResearchQuery" ADD CONSTRAINT "ResearchQuery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResearchQuery" ADD CONSTRAINT "ResearchQuery_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "ResearchAnswer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResearchBudget" ADD CONSTRAINT "ResearchBudget_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
