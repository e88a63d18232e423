import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import {
  CASE_COLUMNS,
  CASE_RELATIONS,
  type CaseColumn,
  type CaseReadPlan,
  type CaseRelation,
} from '../case-read-sql.js';

/**
 * Which selections the one-statement case reads (case-read-sql.ts) can serve, and what they
 * load. Only fields listed here are served: any other field, a directive, or an aliased
 * relation returns null and the resolver takes the general Prisma path. Each listed field's
 * resolver reads only the columns it maps to.
 */
const CASE_FIELDS: Record<string, readonly CaseColumn[]> = {
  id: ['id'],
  displayNumber: ['number'],
  ...Object.fromEntries(CASE_COLUMNS.filter((column) => column !== 'id').map((column) => [column, [column]])),
};
const RELATION_TYPES: Record<CaseRelation, string> = {
  team: 'Team',
  queue: 'Queue',
  assignee: 'User',
  createdBy: 'User',
};

type Fragments = GraphQLResolveInfo['fragments'];

/**
 * Calls `visit` for every field of a selection set on `typeName`, through inline fragments and
 * spreads whose type condition is that type (or none); false when something cannot be served.
 */
function eachField(
  selectionSet: SelectionSetNode | undefined,
  typeNames: readonly string[],
  fragments: Fragments,
  visit: (field: FieldNode) => boolean,
  depth = 0,
): boolean {
  if (!selectionSet || depth > 10) return false;
  for (const selection of selectionSet.selections) {
    if (selection.directives?.length) return false;
    if (selection.kind === Kind.FIELD) {
      if (!visit(selection)) return false;
      continue;
    }
    const fragment: FragmentDefinitionNode | typeof selection | undefined =
      selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
    if (!fragment || fragment.directives?.length) return false;
    const condition = fragment.typeCondition?.name.value;
    if (condition && !typeNames.includes(condition)) return false;
    if (!eachField(fragment.selectionSet, typeNames, fragments, visit, depth + 1)) return false;
  }
  return true;
}

interface PlanBuilder {
  columns: Set<CaseColumn>;
  relations: Partial<Record<CaseRelation, Set<string>>>;
}

function addCaseFields(selectionSet: SelectionSetNode | undefined, fragments: Fragments, plan: PlanBuilder): boolean {
  return eachField(selectionSet, ['Case', 'Node'], fragments, (field) => {
    const name = field.name.value;
    if (name === '__typename') return true;
    if (field.arguments?.length) return false;
    const columns = CASE_FIELDS[name];
    if (columns) {
      for (const column of columns) plan.columns.add(column);
      return true;
    }
    if (!(name in CASE_RELATIONS)) return false;
    const relation = name as CaseRelation;
    if (field.alias && field.alias.value !== name) return false;
    const allowed: readonly string[] = CASE_RELATIONS[relation].columns;
    let selected = plan.relations[relation];
    if (!selected) {
      selected = new Set();
      plan.relations[relation] = selected;
    }
    const into = selected;
    return eachField(field.selectionSet, [RELATION_TYPES[relation], 'Node'], fragments, (inner) => {
      const innerName = inner.name.value;
      if (innerName === '__typename') return true;
      if (inner.arguments?.length || !allowed.includes(innerName)) return false;
      into.add(innerName);
      return true;
    });
  });
}

/**
 * Marks Pothos' Prisma query as used when a plan replaces it: in development Pothos warns
 * about resolvers that ignore their query, which is what the one-statement path does on purpose.
 */
export function replacesPrismaQuery(query: object): true {
  for (const key of Object.keys(query)) void (query as Record<string, unknown>)[key];
  return true;
}

function newPlan(): PlanBuilder {
  return { columns: new Set(), relations: {} };
}

/** The plan of `case(id) { … }`, or null when the general path must serve it. */
export function caseReadPlan(info: GraphQLResolveInfo): CaseReadPlan | null {
  const plan = newPlan();
  for (const node of info.fieldNodes) if (!addCaseFields(node.selectionSet, info.fragments, plan)) return null;
  return plan;
}

/**
 * The plan of `cases { edges { cursor node { … } } pageInfo { … } }`, and whether the page
 * needs one row more than it shows (only `pageInfo.hasNextPage` does, going forward); null
 * when the general path must serve it.
 */
export function casePagePlan(info: GraphQLResolveInfo): { plan: CaseReadPlan; needsNextPage: boolean } | null {
  const plan = newPlan();
  let needsNextPage = false;
  const { fragments } = info;
  for (const node of info.fieldNodes) {
    const served = eachField(node.selectionSet, ['QueryCasesConnection'], fragments, (field) => {
      switch (field.name.value) {
        case '__typename':
          return true;
        case 'edges':
          return eachField(field.selectionSet, ['QueryCasesConnectionEdge'], fragments, (edge) => {
            const name = edge.name.value;
            if (name === '__typename' || name === 'cursor') return true;
            return name === 'node' && addCaseFields(edge.selectionSet, fragments, plan);
          });
        case 'pageInfo':
          return eachField(field.selectionSet, ['PageInfo'], fragments, (page) => {
            const name = page.name.value;
            if (name === 'hasNextPage') needsNextPage = true;
            return ['__typename', 'hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'].includes(name);
          });
        default:
          return false;
      }
    });
    if (!served) return null;
  }
  return { plan, needsNextPage };
}
