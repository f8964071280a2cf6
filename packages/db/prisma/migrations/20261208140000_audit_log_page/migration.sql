-- The journal page reads a federation's audit log newest first, by id.
-- CreateIndex
CREATE INDEX "AuditEvent_federationId_id_idx" ON "AuditEvent"("federationId", "id");
