-- CreateIndex
CREATE INDEX "Activity_tenantId_date_createdAt_id_idx" ON "Activity"("tenantId", "date" DESC, "createdAt" DESC, "id" DESC);