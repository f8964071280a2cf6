-- CreateEnum
CREATE TYPE "ReferenceDatasetKind" AS ENUM ('PEPS_TABLE', 'ACI_RULE_SET', 'IPEP_PARAMETERS');

-- CreateTable
CREATE TABLE "ReferenceDataset" (
    "id" UUID NOT NULL,
    "federationId" UUID NOT NULL,
    "kind" "ReferenceDatasetKind" NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID NOT NULL,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReferenceDataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AciIndicatorVerification" (
    "id" UUID NOT NULL,
    "federationId" UUID NOT NULL,
    "datasetId" UUID NOT NULL,
    "indicatorCode" TEXT NOT NULL,
    "verifiedById" UUID NOT NULL,
    "verifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AciIndicatorVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReferenceDataset_federationId_kind_code_key" ON "ReferenceDataset"("federationId", "kind", "code");

-- CreateIndex
CREATE INDEX "AciIndicatorVerification_federationId_idx" ON "AciIndicatorVerification"("federationId");

-- CreateIndex
CREATE UNIQUE INDEX "AciIndicatorVerification_datasetId_indicatorCode_key" ON "AciIndicatorVerification"("datasetId", "indicatorCode");

-- AddForeignKey
ALTER TABLE "ReferenceDataset" ADD CONSTRAINT "ReferenceDataset_federationId_fkey" FOREIGN KEY ("federationId") REFERENCES "Federation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceDataset" ADD CONSTRAINT "ReferenceDataset_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AciIndicatorVerification" ADD CONSTRAINT "AciIndicatorVerification_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "ReferenceDataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AciIndicatorVerification" ADD CONSTRAINT "AciIndicatorVerification_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
