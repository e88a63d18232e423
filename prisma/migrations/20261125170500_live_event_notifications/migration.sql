-- Live events for GraphQL subscriptions (TON-2, TON-6): NOTIFY in the same transaction as the
-- change, so listeners hear about it exactly when it commits. Payloads carry ids only (NOTIFY
-- payloads are limited to 8000 bytes); listeners load the rows.

CREATE FUNCTION "escalate_notify_case_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."caseId" IS NOT NULL THEN
    PERFORM pg_notify('escalate_case_updated', json_build_object(
      'tenantId', NEW."tenantId", 'caseId', NEW."caseId", 'eventId', NEW."id", 'type', NEW."type", 'seq', NEW."seq"
    )::text);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "TimelineEvent_notify_case_updated"
  AFTER INSERT ON "TimelineEvent"
  FOR EACH ROW EXECUTE FUNCTION "escalate_notify_case_updated"();

CREATE FUNCTION "escalate_notify_live_alert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('escalate_live_alert', json_build_object('tenantId', NEW."tenantId", 'messageId', NEW."id")::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "OutboxMessage_notify_live_alert"
  AFTER INSERT ON "OutboxMessage"
  FOR EACH ROW WHEN (NEW."channel" = 'LIVE_ALERT')
  EXECUTE FUNCTION "escalate_notify_live_alert"();
