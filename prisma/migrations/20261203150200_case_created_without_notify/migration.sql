-- A new case's CASE_CREATED event no longer sends NOTIFY. Nobody can listen for it: the
-- caseUpdated subscription names an existing case, and its `since` replay reads the timeline.
-- NOTIFY makes every committing transaction that used it take one database-wide lock through
-- its commit (and the commit's WAL flush), which serialized concurrent case creation.

DROP TRIGGER "TimelineEvent_notify_case_updated" ON "TimelineEvent";

CREATE TRIGGER "TimelineEvent_notify_case_updated"
  AFTER INSERT ON "TimelineEvent"
  FOR EACH ROW WHEN (NEW."caseId" IS NOT NULL AND NEW."type" <> 'CASE_CREATED')
  EXECUTE FUNCTION "escalate_notify_case_updated"();
