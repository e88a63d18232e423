-- Keyset pages of cases filtered by priority or tier stay index scans at 1M cases per organization.

-- CreateIndex
CREATE INDEX "Case_tenantId_priority_createdAt_id_idx" ON "Case"("tenantId", "priority", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_tenantId_tier_createdAt_id_idx" ON "Case"("tenantId", "tier", "createdAt" DESC, "id" DESC);
