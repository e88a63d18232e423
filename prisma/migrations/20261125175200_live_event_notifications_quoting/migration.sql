-- Replaces the live event trigger functions of 20261125170500_live_event_notifications, whose
-- channel names and JSON keys lost their quotes (read as column names, every insert failed).

CREATE OR REPLACE FUNCTION "escalate_notify_case_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."caseId" IS NOT NULL THEN
    PERFORM pg_notify('escalate_case_updated', json_build_object(
      'tenantId', NEW."tenantId", 'caseId', NEW."caseId", 'eventId', NEW."id", 'type', NEW."type", 'seq', NEW."seq"
    )::text);
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "escalate_notify_live_alert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('escalate_live_alert', json_build_object('tenantId', NEW."tenantId", 'messageId', NEW."id")::text);
  RETURN NULL;
END;
$$;
