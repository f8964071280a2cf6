/* eslint-disable */
import * as types from './graphql';
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
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionUser\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n    federation {\n      id\n      name\n    }\n    mspProject {\n      id\n      name\n    }\n  }\n": typeof types.SessionUserFragmentDoc,
    "\n  query Communes($search: String!, $first: Int!) {\n    communes(search: $search, first: $first) {\n      code\n      name\n      departementCode\n      postalCodes\n    }\n  }\n": typeof types.CommunesDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n": typeof types.CreateProjectDocument,
    "\n  fragment ProjectDetails on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    charge {\n      id\n      displayName\n      email\n    }\n    createdAt\n    updatedAt\n  }\n": typeof types.ProjectDetailsFragmentDoc,
    "\n  query ProjectFilterOptions {\n    federation {\n      id\n      departements {\n        code\n        name\n      }\n    }\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n": typeof types.ProjectFilterOptionsDocument,
    "\n  fragment ProjectRow on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    charge {\n      id\n      displayName\n    }\n    updatedAt\n  }\n": typeof types.ProjectRowFragmentDoc,
    "\n  query Project($id: ID!) {\n    project(id: $id) {\n      ...ProjectDetails\n    }\n  }\n": typeof types.ProjectDocument,
    "\n  query Projects($filter: ProjectFilter, $first: Int!, $after: String) {\n    projects(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProjectRow\n        }\n      }\n    }\n  }\n": typeof types.ProjectsDocument,
    "\n  query Staff {\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n": typeof types.StaffDocument,
    "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n": typeof types.UpdateProjectDocument,
};
const documents: Documents = {
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionUser\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n": types.MeDocument,
    "\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n    federation {\n      id\n      name\n    }\n    mspProject {\n      id\n      name\n    }\n  }\n": types.SessionUserFragmentDoc,
    "\n  query Communes($search: String!, $first: Int!) {\n    communes(search: $search, first: $first) {\n      code\n      name\n      departementCode\n      postalCodes\n    }\n  }\n": types.CommunesDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n": types.CreateProjectDocument,
    "\n  fragment ProjectDetails on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    charge {\n      id\n      displayName\n      email\n    }\n    createdAt\n    updatedAt\n  }\n": types.ProjectDetailsFragmentDoc,
    "\n  query ProjectFilterOptions {\n    federation {\n      id\n      departements {\n        code\n        name\n      }\n    }\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n": types.ProjectFilterOptionsDocument,
    "\n  fragment ProjectRow on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    charge {\n      id\n      displayName\n    }\n    updatedAt\n  }\n": types.ProjectRowFragmentDoc,
    "\n  query Project($id: ID!) {\n    project(id: $id) {\n      ...ProjectDetails\n    }\n  }\n": types.ProjectDocument,
    "\n  query Projects($filter: ProjectFilter, $first: Int!, $after: String) {\n    projects(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProjectRow\n        }\n      }\n    }\n  }\n": types.ProjectsDocument,
    "\n  query Staff {\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n": types.StaffDocument,
    "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n": types.UpdateProjectDocument,
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
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionUser\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n    federation {\n      id\n      name\n    }\n    mspProject {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n    federation {\n      id\n      name\n    }\n    mspProject {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Communes($search: String!, $first: Int!) {\n    communes(search: $search, first: $first) {\n      code\n      name\n      departementCode\n      postalCodes\n    }\n  }\n"): (typeof documents)["\n  query Communes($search: String!, $first: Int!) {\n    communes(search: $search, first: $first) {\n      code\n      name\n      departementCode\n      postalCodes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectDetails on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    charge {\n      id\n      displayName\n      email\n    }\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ProjectDetails on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    charge {\n      id\n      displayName\n      email\n    }\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectFilterOptions {\n    federation {\n      id\n      departements {\n        code\n        name\n      }\n    }\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n"): (typeof documents)["\n  query ProjectFilterOptions {\n    federation {\n      id\n      departements {\n        code\n        name\n      }\n    }\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectRow on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    charge {\n      id\n      displayName\n    }\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ProjectRow on Project {\n    id\n    name\n    communeCode\n    communeName\n    departement {\n      code\n      name\n    }\n    stage\n    status\n    charge {\n      id\n      displayName\n    }\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Project($id: ID!) {\n    project(id: $id) {\n      ...ProjectDetails\n    }\n  }\n"): (typeof documents)["\n  query Project($id: ID!) {\n    project(id: $id) {\n      ...ProjectDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Projects($filter: ProjectFilter, $first: Int!, $after: String) {\n    projects(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProjectRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Projects($filter: ProjectFilter, $first: Int!, $after: String) {\n    projects(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProjectRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Staff {\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n"): (typeof documents)["\n  query Staff {\n    staff {\n      id\n      displayName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      ...ProjectDetails\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;