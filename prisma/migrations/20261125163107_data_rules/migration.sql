-- Data rules the database enforces by itself, beyond what the Prisma schema can express:
-- allowed values of enum-like text columns, numeric ranges, insert-only audit tables, final
-- rejected reviews (CARE-R6) and one active policy version per tenant (X-3).
-- Prisma does not model CHECK constraints, triggers or partial indexes and leaves them alone
-- when it compares the schema with the database.

-- ---------------------------------------------------------------------------------------------
-- Allowed values (the lists are in the `///` comments of prisma/schema/*.prisma)
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "User"
  ADD CONSTRAINT "User_role_check" CHECK ("role" IN ('agent', 'tier1_supervisor', 'tier2', 'tier3', 'privacy', 'resolution_specialist', 'lead', 'admin', 'integration')),
  ADD CONSTRAINT "User_availability_check" CHECK ("availability" IN ('ONLINE', 'AWAY', 'OFFLINE')),
  ADD CONSTRAINT "User_capacity_check" CHECK ("capacity" >= 0);

ALTER TABLE "Case"
  ADD CONSTRAINT "Case_status_check" CHECK ("status" IN ('NEW', 'OPEN', 'PENDING_APPROVAL', 'WAITING_ON_CUSTOMER', 'ESCALATED', 'RESOLVED', 'CLOSED')),
  ADD CONSTRAINT "Case_priority_check" CHECK ("priority" IN ('LOW', 'NORMAL', 'HIGH', 'URGENT', 'CRITICAL')),
  ADD CONSTRAINT "Case_tier_check" CHECK ("tier" IN ('TIER1', 'TIER2', 'TIER3')),
  ADD CONSTRAINT "Case_channel_check" CHECK ("channel" IN ('EMAIL', 'PHONE', 'CHAT', 'SOCIAL', 'WEB', 'SMS')),
  ADD CONSTRAINT "Case_number_check" CHECK ("number" > 0),
  ADD CONSTRAINT "Case_version_check" CHECK ("version" >= 1),
  ADD CONSTRAINT "Case_slaBusinessMinutes_check" CHECK ("slaBusinessMinutes" >= 0);

ALTER TABLE "CaseComment"
  ADD CONSTRAINT "CaseComment_kind_check" CHECK ("kind" IN ('COMMENT', 'FINAL', 'SYSTEM'));

ALTER TABLE "Approval"
  ADD CONSTRAINT "Approval_status_check" CHECK ("status" IN ('PENDING', 'APPROVED', 'REJECTED'));

ALTER TABLE "PrivacyRequest"
  ADD CONSTRAINT "PrivacyRequest_type_check" CHECK ("type" IN ('DATA_CATEGORIES', 'ACCESS_DATA', 'DELETE_DATA')),
  ADD CONSTRAINT "PrivacyRequest_status_check" CHECK ("status" IN ('REQUESTED', 'COMPLETED_FAILED_VERIFICATION', 'IN_PROGRESS', 'EXTENDED', 'COMPLETED', 'DENIED')),
  ADD CONSTRAINT "PrivacyRequest_jurisdiction_check" CHECK ("jurisdiction" IN ('CCPA', 'GDPR')),
  ADD CONSTRAINT "PrivacyRequest_number_check" CHECK ("number" > 0);

ALTER TABLE "Review"
  ADD CONSTRAINT "Review_status_check" CHECK ("status" IN ('PENDING', 'APPROVED', 'EDITED', 'REJECTED')),
  ADD CONSTRAINT "Review_version_check" CHECK ("version" >= 1);

ALTER TABLE "ReviewRevision"
  ADD CONSTRAINT "ReviewRevision_action_check" CHECK ("action" IN ('EDIT', 'REMOVE', 'CREATE')),
  ADD CONSTRAINT "ReviewRevision_statusBefore_check" CHECK ("statusBefore" IN ('PENDING', 'APPROVED', 'EDITED', 'REJECTED')),
  ADD CONSTRAINT "ReviewRevision_statusAfter_check" CHECK ("statusAfter" IN ('PENDING', 'APPROVED', 'EDITED', 'REJECTED'));

ALTER TABLE "Refund"
  ADD CONSTRAINT "Refund_kind_check" CHECK ("kind" IN ('BOOKING', 'SUBSCRIPTION', 'PROGRAM')),
  ADD CONSTRAINT "Refund_amountCents_check" CHECK ("amountCents" >= 0);

ALTER TABLE "Assignment"
  ADD CONSTRAINT "Assignment_status_check" CHECK ("status" IN ('OFFERED', 'ACCEPTED', 'REJECTED', 'RETURNED', 'EXPIRED')),
  ADD CONSTRAINT "Assignment_strategy_check" CHECK ("strategy" IN ('DIRECT', 'ROUND_ROBIN', 'LEAST_LOADED', 'RANDOM'));

-- Task kinds stay open (policies add their own), but are upper-case codes.
ALTER TABLE "Task"
  ADD CONSTRAINT "Task_status_check" CHECK ("status" IN ('TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED')),
  ADD CONSTRAINT "Task_kind_check" CHECK (btrim("kind") <> '' AND "kind" = upper("kind")),
  ADD CONSTRAINT "Task_version_check" CHECK ("version" >= 1);

ALTER TABLE "OutboxMessage"
  ADD CONSTRAINT "OutboxMessage_channel_check" CHECK ("channel" IN ('EMAIL', 'DIRECT_MESSAGE', 'CHANNEL_POST', 'LIVE_ALERT', 'WEBHOOK')),
  ADD CONSTRAINT "OutboxMessage_status_check" CHECK ("status" IN ('PENDING', 'PROCESSING', 'DELIVERED', 'DEAD')),
  ADD CONSTRAINT "OutboxMessage_attempts_check" CHECK ("attempts" >= 0 AND "maxAttempts" >= 1);

ALTER TABLE "TransferAttempt"
  ADD CONSTRAINT "TransferAttempt_outcome_check" CHECK ("outcome" IN ('PENDING', 'ANSWERED', 'VOICEMAIL'));

ALTER TABLE "IdempotencyKey"
  ADD CONSTRAINT "IdempotencyKey_status_check" CHECK ("status" IN ('IN_PROGRESS', 'COMPLETED'));

ALTER TABLE "Attachment"
  ADD CONSTRAINT "Attachment_source_check" CHECK ("source" IN ('EMAIL', 'UPLOAD', 'AGENT')),
  ADD CONSTRAINT "Attachment_sizeBytes_check" CHECK ("sizeBytes" >= 0);

ALTER TABLE "PolicyVersion"
  ADD CONSTRAINT "PolicyVersion_version_check" CHECK ("version" >= 1);

ALTER TABLE "Customer"
  ADD CONSTRAINT "Customer_rmaCount_check" CHECK ("rmaCount" >= 0);

ALTER TABLE "TenantCounter"
  ADD CONSTRAINT "TenantCounter_value_check" CHECK ("value" >= 0);

ALTER TABLE "TimelineEvent"
  ADD CONSTRAINT "TimelineEvent_type_check" CHECK (btrim("type") <> '');

-- ---------------------------------------------------------------------------------------------
-- One active policy version per tenant (X-3)
-- ---------------------------------------------------------------------------------------------

CREATE UNIQUE INDEX "PolicyVersion_tenantId_active_key" ON "PolicyVersion"("tenantId") WHERE "active";

-- ---------------------------------------------------------------------------------------------
-- Insert-only tables: the audit timeline (X-1) and review history (CARE-R6)
-- ---------------------------------------------------------------------------------------------

CREATE FUNCTION "refuse_change_of_insert_only_table"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '"%" is insert-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING HINT = 'Record a new row instead of changing or removing an existing one.';
END;
$$;

CREATE TRIGGER "TimelineEvent_insert_only"
  BEFORE UPDATE OR DELETE ON "TimelineEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_insert_only_table"();

CREATE TRIGGER "TimelineEvent_no_truncate"
  BEFORE TRUNCATE ON "TimelineEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change_of_insert_only_table"();

CREATE TRIGGER "ReviewRevision_insert_only"
  BEFORE UPDATE OR DELETE ON "ReviewRevision"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_insert_only_table"();

CREATE TRIGGER "ReviewRevision_no_truncate"
  BEFORE TRUNCATE ON "ReviewRevision"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change_of_insert_only_table"();

-- ---------------------------------------------------------------------------------------------
-- A rejected review is final (CARE-R6): no later update or delete, whatever the new values.
-- ---------------------------------------------------------------------------------------------

CREATE FUNCTION "refuse_change_of_rejected_review"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Review % is rejected and can no longer be changed: % is not allowed', OLD."id", TG_OP
    USING HINT = 'A rejected review is final (CARE-R6).';
END;
$$;

CREATE TRIGGER "Review_rejected_is_final"
  BEFORE UPDATE OR DELETE ON "Review"
  FOR EACH ROW WHEN (OLD."status" = 'REJECTED')
  EXECUTE FUNCTION "refuse_change_of_rejected_review"();
