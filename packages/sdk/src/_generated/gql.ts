/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment AppErrorFields on AppError {\n  code\n  message\n  rule\n  fields {\n    path\n    message\n  }\n  details\n}": typeof types.AppErrorFieldsFragmentDoc,
    "mutation ImportCase($input: CreateCaseInput!) {\n  createCase(input: $input) {\n    __typename\n    ... on AppError {\n      ...AppErrorFields\n    }\n    ... on CreateCasePayload {\n      created\n      case {\n        id\n        displayNumber\n      }\n    }\n  }\n}": typeof types.ImportCaseDocument,
    "fragment CaseFields on Case {\n  id\n  number\n  displayNumber\n  status\n  priority\n  tier\n  channel\n  subject\n  description\n  customerRef\n  concern\n  externalCrmNumber\n  brand\n  signals\n  triggers\n  policyVersion\n  closeReason\n  closeSecondaryReason\n  version\n  createdAt\n  updatedAt\n  closedAt\n  queue {\n    id\n    slug\n    name\n  }\n  team {\n    id\n    slug\n    name\n  }\n  assignee {\n    id\n    name\n    email\n  }\n}\n\nquery GetCase($id: ID!) {\n  case(id: $id) {\n    ...CaseFields\n  }\n}\n\nquery ListCases($filter: CaseFilter, $first: Int, $after: String) {\n  cases(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...CaseFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}\n\nmutation CreateCase($input: CreateCaseInput!) {\n  createCase(input: $input) {\n    __typename\n    ... on AppError {\n      ...AppErrorFields\n    }\n    ... on CreateCasePayload {\n      created\n      case {\n        ...CaseFields\n      }\n    }\n  }\n}": typeof types.CaseFieldsFragmentDoc,
    "query Viewer {\n  viewer {\n    role\n    user {\n      id\n      name\n      email\n    }\n    organization {\n      id\n      slug\n      name\n      timeZone\n    }\n  }\n}": typeof types.ViewerDocument,
};
const documents: Documents = {
    "fragment AppErrorFields on AppError {\n  code\n  message\n  rule\n  fields {\n    path\n    message\n  }\n  details\n}": types.AppErrorFieldsFragmentDoc,
    "mutation ImportCase($input: CreateCaseInput!) {\n  createCase(input: $input) {\n    __typename\n    ... on AppError {\n      ...AppErrorFields\n    }\n    ... on CreateCasePayload {\n      created\n      case {\n        id\n        displayNumber\n      }\n    }\n  }\n}": types.ImportCaseDocument,
    "fragment CaseFields on Case {\n  id\n  number\n  displayNumber\n  status\n  priority\n  tier\n  channel\n  subject\n  description\n  customerRef\n  concern\n  externalCrmNumber\n  brand\n  signals\n  triggers\n  policyVersion\n  closeReason\n  closeSecondaryReason\n  version\n  createdAt\n  updatedAt\n  closedAt\n  queue {\n    id\n    slug\n    name\n  }\n  team {\n    id\n    slug\n    name\n  }\n  assignee {\n    id\n    name\n    email\n  }\n}\n\nquery GetCase($id: ID!) {\n  case(id: $id) {\n    ...CaseFields\n  }\n}\n\nquery ListCases($filter: CaseFilter, $first: Int, $after: String) {\n  cases(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...CaseFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}\n\nmutation CreateCase($input: CreateCaseInput!) {\n  createCase(input: $input) {\n    __typename\n    ... on AppError {\n      ...AppErrorFields\n    }\n    ... on CreateCasePayload {\n      created\n      case {\n        ...CaseFields\n      }\n    }\n  }\n}": types.CaseFieldsFragmentDoc,
    "query Viewer {\n  viewer {\n    role\n    user {\n      id\n      name\n      email\n    }\n    organization {\n      id\n      slug\n      name\n      timeZone\n    }\n  }\n}": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AppErrorFields on AppError {\n  code\n  message\n  rule\n  fields {\n    path\n    message\n  }\n  details\n}"): (typeof documents)["fragment AppErrorFields on AppError {\n  code\n  message\n  rule\n  fields {\n    path\n    message\n  }\n  details\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ImportCase($input: CreateCaseInput!) {\n  createCase(input: $input) {\n    __typename\n    ... on AppError {\n      ...AppErrorFields\n    }\n    ... on CreateCasePayload {\n      created\n      case {\n        id\n        displayNumber\n      }\n    }\n  }\n}"): (typeof documents)["mutation ImportCase($input: CreateCaseInput!) {\n  createCase(input: $input) {\n    __typename\n    ... on AppError {\n      ...AppErrorFields\n    }\n    ... on CreateCasePayload {\n      created\n      case {\n        id\n        displayNumber\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CaseFields on Case {\n  id\n  number\n  displayNumber\n  status\n  priority\n  tier\n  channel\n  subject\n  description\n  customerRef\n  concern\n  externalCrmNumber\n  brand\n  signals\n  triggers\n  policyVersion\n  closeReason\n  closeSecondaryReason\n  version\n  createdAt\n  updatedAt\n  closedAt\n  queue {\n    id\n    slug\n    name\n  }\n  team {\n    id\n    slug\n    name\n  }\n  assignee {\n    id\n    name\n    email\n  }\n}\n\nquery GetCase($id: ID!) {\n  case(id: $id) {\n    ...CaseFields\n  }\n}\n\nquery ListCases($filter: CaseFilter, $first: Int, $after: String) {\n  cases(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...CaseFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}\n\nmutation CreateCase($input: CreateCaseInput!) {\n  createCase(input: $input) {\n    __typename\n    ... on AppError {\n      ...AppErrorFields\n    }\n    ... on CreateCasePayload {\n      created\n      case {\n        ...CaseFields\n      }\n    }\n  }\n}"): (typeof documents)["fragment CaseFields on Case {\n  id\n  number\n  displayNumber\n  status\n  priority\n  tier\n  channel\n  subject\n  description\n  customerRef\n  concern\n  externalCrmNumber\n  brand\n  signals\n  triggers\n  policyVersion\n  closeReason\n  closeSecondaryReason\n  version\n  createdAt\n  updatedAt\n  closedAt\n  queue {\n    id\n    slug\n    name\n  }\n  team {\n    id\n    slug\n    name\n  }\n  assignee {\n    id\n    name\n    email\n  }\n}\n\nquery GetCase($id: ID!) {\n  case(id: $id) {\n    ...CaseFields\n  }\n}\n\nquery ListCases($filter: CaseFilter, $first: Int, $after: String) {\n  cases(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...CaseFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}\n\nmutation CreateCase($input: CreateCaseInput!) {\n  createCase(input: $input) {\n    __typename\n    ... on AppError {\n      ...AppErrorFields\n    }\n    ... on CreateCasePayload {\n      created\n      case {\n        ...CaseFields\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    role\n    user {\n      id\n      name\n      email\n    }\n    organization {\n      id\n      slug\n      name\n      timeZone\n    }\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    role\n    user {\n      id\n      name\n      email\n    }\n    organization {\n      id\n      slug\n      name\n      timeZone\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;