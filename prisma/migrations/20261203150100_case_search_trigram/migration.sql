-- Case search (subject, description, customer reference; case-insensitive substring) is
-- served by trigram GIN indexes: ILIKE '%term%' becomes a bitmap index scan instead of a
-- sequential scan of the tenant's cases. PGlite ships pg_trgm as an extension that the
-- embedded database loads at start-up.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Case_subject_trgm_idx" ON "Case" USING GIN ("subject" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Case_description_trgm_idx" ON "Case" USING GIN ("description" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Case_customerRef_trgm_idx" ON "Case" USING GIN ("customerRef" gin_trgm_ops);
