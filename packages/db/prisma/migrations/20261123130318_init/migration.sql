-- CreateEnum
CREATE TYPE "Role" AS ENUM ('FEDERATION_ADMIN', 'CHARGE_DEVELOPPEMENT', 'MSP_MEMBER', 'RESEARCHER');

-- CreateEnum
CREATE TYPE "ProjectStage" AS ENUM ('PREMIER_CONTACT', 'PRE_DIAGNOSTIC', 'DIAGNOSTIC_TERRITORIAL', 'PROJET_SANTE', 'VALIDATION_ARS', 'STRUCTURE_JURIDIQUE', 'IMMOBILIER', 'FINANCEMENTS', 'OUVERTURE', 'SIGNATURE_ACI', 'EN_FONCTIONNEMENT');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('ACTIVE', 'ON_HOLD', 'ABANDONED');

-- CreateEnum
CREATE TYPE "TerritoryKind" AS ENUM ('CPTS');

-- CreateTable
CREATE TABLE "Federation" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Federation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "cogYear" INTEGER NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Departement" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cogYear" INTEGER NOT NULL,

    CONSTRAINT "Departement_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "FederationDepartement" (
    "federationId" UUID NOT NULL,
    "departementCode" TEXT NOT NULL,

    CONSTRAINT "FederationDepartement_pkey" PRIMARY KEY ("federationId","departementCode")
);

-- CreateTable
CREATE TABLE "Territory" (
    "id" UUID NOT NULL,
    "federationId" UUID NOT NULL,
    "kind" "TerritoryKind" NOT NULL,
    "name" TEXT NOT NULL,
    "departementCode" TEXT NOT NULL,
    "communeCodes" TEXT[],
    "cogYear" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Territory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MspProject" (
    "id" UUID NOT NULL,
    "federationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "communeCode" TEXT NOT NULL,
    "communeName" TEXT NOT NULL,
    "cogYear" INTEGER NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',
    "departementCode" TEXT NOT NULL,
    "territoryId" UUID,
    "stage" "ProjectStage" NOT NULL DEFAULT 'PREMIER_CONTACT',
    "status" "ProjectStatus" NOT NULL DEFAULT 'ACTIVE',
    "chargeId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MspProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "federationId" UUID NOT NULL,
    "mspProjectId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMPTZ(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "federationId" UUID,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Federation_slug_key" ON "Federation"("slug");

-- CreateIndex
CREATE INDEX "FederationDepartement_departementCode_idx" ON "FederationDepartement"("departementCode");

-- CreateIndex
CREATE INDEX "Territory_federationId_idx" ON "Territory"("federationId");

-- CreateIndex
CREATE INDEX "MspProject_federationId_name_id_idx" ON "MspProject"("federationId", "name", "id");

-- CreateIndex
CREATE INDEX "MspProject_federationId_stage_idx" ON "MspProject"("federationId", "stage");

-- CreateIndex
CREATE INDEX "MspProject_federationId_departementCode_idx" ON "MspProject"("federationId", "departementCode");

-- CreateIndex
CREATE INDEX "MspProject_federationId_chargeId_idx" ON "MspProject"("federationId", "chargeId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_federationId_role_idx" ON "User"("federationId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_federationId_targetType_targetId_createdAt_idx" ON "AuditEvent"("federationId", "targetType", "targetId", "createdAt");

-- AddForeignKey
ALTER TABLE "Federation" ADD CONSTRAINT "Federation_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Departement" ADD CONSTRAINT "Departement_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FederationDepartement" ADD CONSTRAINT "FederationDepartement_federationId_fkey" FOREIGN KEY ("federationId") REFERENCES "Federation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FederationDepartement" ADD CONSTRAINT "FederationDepartement_departementCode_fkey" FOREIGN KEY ("departementCode") REFERENCES "Departement"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Territory" ADD CONSTRAINT "Territory_federationId_fkey" FOREIGN KEY ("federationId") REFERENCES "Federation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Territory" ADD CONSTRAINT "Territory_departementCode_fkey" FOREIGN KEY ("departementCode") REFERENCES "Departement"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MspProject" ADD CONSTRAINT "MspProject_federationId_fkey" FOREIGN KEY ("federationId") REFERENCES "Federation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MspProject" ADD CONSTRAINT "MspProject_departementCode_fkey" FOREIGN KEY ("departementCode") REFERENCES "Departement"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MspProject" ADD CONSTRAINT "MspProject_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MspProject" ADD CONSTRAINT "MspProject_chargeId_fkey" FOREIGN KEY ("chargeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_federationId_fkey" FOREIGN KEY ("federationId") REFERENCES "Federation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_mspProjectId_fkey" FOREIGN KEY ("mspProjectId") REFERENCES "MspProject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_federationId_fkey" FOREIGN KEY ("federationId") REFERENCES "Federation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: rules the Prisma schema language cannot express.

-- The audit log is append-only (ARCHITECTURE.md, "Security model"): the database itself refuses
-- UPDATE, DELETE and TRUNCATE on it, whatever the application does.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEvent_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();

-- An MSP member is bound to exactly one MSP project; other roles to none. (A trigger rather than a CHECK
-- constraint: the WASM schema engine's PostgreSQL describer cannot read CHECK constraints through the
-- driver adapter, see docs/adr/0002.)
CREATE FUNCTION "user_msp_member_project"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."role" = 'MSP_MEMBER') <> (NEW."mspProjectId" IS NOT NULL) THEN
    RAISE EXCEPTION 'an MSP member needs an MSP project, and only an MSP member may have one' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "User_msp_member_project" BEFORE INSERT OR UPDATE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "user_msp_member_project"();
