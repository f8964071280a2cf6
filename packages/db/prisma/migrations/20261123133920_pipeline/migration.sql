-- CreateEnum
CREATE TYPE "LegalForm" AS ENUM ('ASSOCIATION_1901', 'SISA');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED');

-- CreateEnum
CREATE TYPE "Profession" AS ENUM ('MEDECIN_GENERALISTE', 'MEDECIN_SPECIALISTE', 'CHIRURGIEN_DENTISTE', 'SAGE_FEMME', 'PHARMACIEN', 'INFIRMIER', 'MASSEUR_KINESITHERAPEUTE', 'PEDICURE_PODOLOGUE', 'ERGOTHERAPEUTE', 'PSYCHOMOTRICIEN', 'ORTHOPHONISTE', 'ORTHOPTISTE', 'DIETETICIEN', 'AUTRE');

-- CreateEnum
CREATE TYPE "TeamRole" AS ENUM ('COORDINATOR', 'LEADER', 'MEMBER');

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('STALLED_PROJECT', 'SUBMISSION_AWAITING_REVIEW', 'CPOM_RENEWAL', 'SISA_DUE', 'ACI_EVIDENCE_DUE', 'ACI_PAYMENT_DUE');

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "projectId" UUID;

-- AlterTable
ALTER TABLE "MspProject" ADD COLUMN     "lastActivityAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "legalForm" "LegalForm",
ADD COLUMN     "stageEnteredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "statusReason" TEXT;

-- CreateTable
CREATE TABLE "ProjectStageState" (
    "projectId" UUID NOT NULL,
    "stage" "ProjectStage" NOT NULL,
    "startedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "notApplicable" BOOLEAN NOT NULL DEFAULT false,
    "notApplicableReason" TEXT,

    CONSTRAINT "ProjectStageState_pkey" PRIMARY KEY ("projectId","stage")
);

-- CreateTable
CREATE TABLE "MilestoneDefinition" (
    "id" UUID NOT NULL,
    "federationId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "stage" "ProjectStage" NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "MilestoneDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" UUID NOT NULL,
    "federationId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "milestoneKey" TEXT NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "comment" TEXT,
    "fields" JSONB NOT NULL DEFAULT '{}',
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewerId" UUID,
    "reviewComment" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" UUID NOT NULL,
    "federationId" UUID NOT NULL,
    "projectId" UUID,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionFile" (
    "submissionId" UUID NOT NULL,
    "fileId" UUID NOT NULL,

    CONSTRAINT "SubmissionFile_pkey" PRIMARY KEY ("submissionId","fileId")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "id" UUID NOT NULL,
    "federationId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "fullName" TEXT NOT NULL,
    "profession" "Profession" NOT NULL,
    "rpps" TEXT,
    "adeli" TEXT,
    "role" "TeamRole" NOT NULL DEFAULT 'MEMBER',
    "isAssociate" BOOLEAN NOT NULL DEFAULT false,
    "joinedAt" DATE NOT NULL,
    "leftAt" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" UUID NOT NULL,
    "federationId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "key" TEXT NOT NULL DEFAULT '',
    "dueAt" TIMESTAMPTZ(3),
    "message" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MilestoneDefinition_federationId_key_key" ON "MilestoneDefinition"("federationId", "key");

-- CreateIndex
CREATE INDEX "Submission_projectId_milestoneKey_createdAt_idx" ON "Submission"("projectId", "milestoneKey", "createdAt");

-- CreateIndex
CREATE INDEX "Submission_federationId_status_createdAt_idx" ON "Submission"("federationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "StoredFile_sha256_idx" ON "StoredFile"("sha256");

-- CreateIndex
CREATE INDEX "StoredFile_projectId_idx" ON "StoredFile"("projectId");

-- CreateIndex
CREATE INDEX "TeamMember_projectId_idx" ON "TeamMember"("projectId");

-- CreateIndex
CREATE INDEX "Alert_federationId_resolvedAt_idx" ON "Alert"("federationId", "resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_projectId_kind_key_key" ON "Alert"("projectId", "kind", "key");

-- CreateIndex
CREATE INDEX "AuditEvent_projectId_id_idx" ON "AuditEvent"("projectId", "id");

-- AddForeignKey
ALTER TABLE "ProjectStageState" ADD CONSTRAINT "ProjectStageState_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "MspProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneDefinition" ADD CONSTRAINT "MilestoneDefinition_federationId_fkey" FOREIGN KEY ("federationId") REFERENCES "Federation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "MspProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "MspProject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionFile" ADD CONSTRAINT "SubmissionFile_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionFile" ADD CONSTRAINT "SubmissionFile_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "MspProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "MspProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;
