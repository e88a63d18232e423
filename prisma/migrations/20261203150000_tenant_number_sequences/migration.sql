-- Case and privacy request numbers come from one PostgreSQL sequence per tenant and counter
-- instead of the "TenantCounter" row. nextval() takes no row lock and is not rolled back, so
-- concurrent creates of one tenant no longer queue behind each other's transactions.
-- Numbers stay unique (the unique (tenantId, number) keys) and are handed out in increasing
-- order; a number taken by a transaction that rolls back is not reused (gaps can occur), and
-- after a crash a sequence may skip ahead by up to 32 values.
--
-- The sequences live in their own schema, "escalate_numbers", named "<counter>:<tenant id>".
-- "TenantCounter" is kept with its rows (no longer written): its values seed the sequences.

CREATE SCHEMA IF NOT EXISTS "escalate_numbers";

-- The sequence of one tenant's counter, created on first use (starting above the counter's
-- last value) when it does not exist yet.
CREATE FUNCTION "escalate_number_sequence"(p_tenant uuid, p_name text) RETURNS regclass
LANGUAGE plpgsql AS $$
DECLARE
  seq_name text := p_name || ':' || p_tenant::text;
  seq regclass := to_regclass(format('escalate_numbers.%I', seq_name));
  first_value bigint;
BEGIN
  IF seq IS NULL THEN
    SELECT COALESCE(max("value"), 0) + 1 INTO first_value
      FROM "TenantCounter" WHERE "tenantId" = p_tenant AND "name" = p_name;
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS escalate_numbers.%I AS integer START WITH %s', seq_name, first_value);
    seq := to_regclass(format('escalate_numbers.%I', seq_name));
  END IF;
  RETURN seq;
END;
$$;

-- The next number of a tenant's counter ('case', 'privacy-request').
CREATE FUNCTION "escalate_next_number"(p_tenant uuid, p_name text) RETURNS integer
LANGUAGE sql AS $$
  SELECT nextval("escalate_number_sequence"(p_tenant, p_name))::integer
$$;

-- A new tenant gets its sequences with the tenant row; a deleted tenant takes them along.
CREATE FUNCTION "escalate_tenant_number_sequences"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "escalate_number_sequence"(NEW."id", 'case');
    PERFORM "escalate_number_sequence"(NEW."id", 'privacy-request');
    RETURN NULL;
  END IF;
  EXECUTE format('DROP SEQUENCE IF EXISTS escalate_numbers.%I', 'case:' || OLD."id"::text);
  EXECUTE format('DROP SEQUENCE IF EXISTS escalate_numbers.%I', 'privacy-request:' || OLD."id"::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Tenant_number_sequences"
  AFTER INSERT OR DELETE ON "Tenant"
  FOR EACH ROW EXECUTE FUNCTION "escalate_tenant_number_sequences"();

-- Existing tenants: each sequence continues above both the counter and the highest number in use.
SELECT setval(
  "escalate_number_sequence"(t."id", 'case'),
  GREATEST(
    COALESCE((SELECT max(c."value") FROM "TenantCounter" c WHERE c."tenantId" = t."id" AND c."name" = 'case'), 0),
    COALESCE((SELECT max(k."number") FROM "Case" k WHERE k."tenantId" = t."id"), 0)
  ) + 1,
  false)
FROM "Tenant" t;

SELECT setval(
  "escalate_number_sequence"(t."id", 'privacy-request'),
  GREATEST(
    COALESCE((SELECT max(c."value") FROM "TenantCounter" c WHERE c."tenantId" = t."id" AND c."name" = 'privacy-request'), 0),
    COALESCE((SELECT max(p."number") FROM "PrivacyRequest" p WHERE p."tenantId" = t."id"), 0)
  ) + 1,
  false)
FROM "Tenant" t;
