import { type DocumentNode, Kind, type OperationDefinitionNode, type ValueNode } from 'graphql';

/** Root mutation fields whose list argument is a batch: each item costs one token. */
const BATCH_FIELDS: Record<string, string> = { createCases: 'input' };

function listLength(value: ValueNode | undefined, variables: Record<string, unknown> | undefined): number {
  if (!value) return 0;
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const bound = variables?.[value.name.value];
    return Array.isArray(bound) ? bound.length : bound == null ? 0 : 1;
  }
  return value.kind === Kind.NULL ? 0 : 1;
}

/**
 * Rate-limit tokens an operation costs: one, or for batch mutations one per item (all batch
 * fields of the executed operation added up).
 */
export function operationCost(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): number {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((definition) => definition.name?.value === operationName)
    : operations[0];
  if (operation?.operation !== 'mutation') return 1;
  let items = 0;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const argument = BATCH_FIELDS[selection.name.value];
    if (!argument) continue;
    items += listLength(selection.arguments?.find((arg) => arg.name.value === argument)?.value, variables);
  }
  return Math.max(1, items);
}
