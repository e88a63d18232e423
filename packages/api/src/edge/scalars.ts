import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { DateTime } from 'luxon';
import { builder } from './builder.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function invalidDateTime(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'VALIDATION_FAILED', rule: 'DateTime' } });
}

/**
 * An instant with its offset, on a real calendar day: luxon refuses 2026-02-30 or 25:00 where
 * `new Date` would roll over into March or the next day.
 */
function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) {
    throw invalidDateTime('DateTime must be an ISO-8601 string with a time zone offset, e.g. 2026-11-25T14:00:00Z');
  }
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) {
    throw invalidDateTime(
      `DateTime ${value} is not a real instant (${parsed.invalidExplanation ?? parsed.invalidReason})`,
    );
  }
  return parsed.toJSDate();
}

builder.scalarType('DateTime', {
  description: 'An instant as an ISO-8601 string with a zone offset',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value as string).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) throw invalidDateTime('DateTime must be a string');
    return parseDateTime(node.value);
  },
});

function literalToJson(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map(literalToJson);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalToJson(field.value)]));
    case Kind.VARIABLE:
      throw new GraphQLError('Variables inside JSON literals are not supported');
  }
}

builder.scalarType('JSON', {
  description: 'Arbitrary JSON (decisions, explanations, structured signals)',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalToJson,
});
