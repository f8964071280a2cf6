-- CreateEnum
CREATE TYPE "Programme" AS ENUM ('PEPS', 'IPEP', 'ACI');

-- CreateEnum
CREATE TYPE "PeriodStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateTable
CREATE TABLE "ResultPeriod" (
    "id" UUID NOT NULL,
    "federationId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "programme" "Programme" NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "PeriodStatus" NOT NULL DEFAULT 'DRAFT',
    "inputs" JSONB NOT NULL DEFAULT '{}',
    "outputs" JSONB NOT NULL DEFAULT '{}',
    "ruleSetId" TEXT,
    "returnComment" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "approvedAt" TIMESTAMPTZ(3),
    "approvedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ResultPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ResultPeriod_federationId_programme_year_status_idx" ON "ResultPeriod"("federationId", "programme", "year", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ResultPeriod_projectId_programme_year_key" ON "ResultPeriod"("projectId", "programme", "year");

-- AddForeignKey
ALTER TABLE "ResultPeriod" ADD CONSTRAINT "ResultPeriod_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "MspProject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: an APPROVED result period is locked. The database refuses any UPDATE or DELETE of it unless the
-- transaction has declared an unlock (SET LOCAL maillage.unlock_period = '<period id>'), which only the API's
-- audited "unlock" path does; nobody changes an approved period by accident or through another path.
CREATE FUNCTION "result_period_locked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'APPROVED' AND coalesce(current_setting('maillage.unlock_period', true), '') <> OLD."id"::text THEN
    RAISE EXCEPTION 'result period % is approved and locked', OLD."id" USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ResultPeriod_locked" BEFORE UPDATE OR DELETE ON "ResultPeriod"
  FOR EACH ROW EXECUTE FUNCTION "result_period_locked"();
