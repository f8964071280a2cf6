-- Research answers are protected by permanent perturbation keys (ADR 0011): the per-researcher differencing check
-- and the MSP sets it kept with each answer go; the deployment's settings come from the configuration, and each
-- federation may only make them stricter for its own data.

-- AlterTable
ALTER TABLE "ResearchAnswer" DROP COLUMN "cellUnits";

-- DropTable
DROP TABLE "ResearchSettings";

-- CreateTable
CREATE TABLE "FederationResearchSettings" (
    "federationId" UUID NOT NULL,
    "thresholds" JSONB NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FederationResearchSettings_pkey" PRIMARY KEY ("federationId")
);

-- CreateTable
CREATE TABLE "ResearchKey" (
    "id" TEXT NOT NULL,
    "secret" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResearchKey_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "FederationResearchSettings" ADD CONSTRAINT "FederationResearchSettings_federationId_fkey" FOREIGN KEY ("federationId") REFERENCES "Federation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
