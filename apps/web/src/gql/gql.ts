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
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      kind\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n    }\n    authConfig {\n      needsSetup\n      registration\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query ServerVersion {\n    serverInfo {\n      name\n      version\n    }\n  }\n": typeof types.ServerVersionDocument,
    "\n  fragment ProfileForm_user on User {\n    id\n    displayName\n    email\n  }\n": typeof types.ProfileForm_UserFragmentDoc,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  fragment MembershipsTable_user on User {\n    id\n    memberships {\n      source\n      createdAt\n      expiresAt\n      addedBy {\n        id\n        displayName\n      }\n      group {\n        id\n        name\n        builtIn\n      }\n    }\n  }\n": typeof types.MembershipsTable_UserFragmentDoc,
    "\n  fragment PermissionCatalog_permission on PermissionInfo {\n    key\n    description\n    builtIn\n  }\n": typeof types.PermissionCatalog_PermissionFragmentDoc,
    "\n  fragment PermissionOrigins_user on User {\n    id\n    isActive\n    permissionOrigins {\n      key\n      direct\n      admin\n      groups {\n        id\n        name\n      }\n    }\n  }\n": typeof types.PermissionOrigins_UserFragmentDoc,
    "\n  fragment PermissionSelect_permission on PermissionInfo {\n    key\n    description\n  }\n": typeof types.PermissionSelect_PermissionFragmentDoc,
    "\n  mutation DefinePermission($key: String!, $description: String!) {\n    definePermission(key: $key, description: $description) {\n      ...PermissionCatalog_permission\n    }\n  }\n": typeof types.DefinePermissionDocument,
    "\n  mutation CompleteSetup($input: SetupInput!) {\n    completeSetup(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.CompleteSetupDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SignUp($input: SetupInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  fragment ApiTokens_user on User {\n    id\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      expiresAt\n      revokedAt\n      active\n    }\n  }\n": typeof types.ApiTokens_UserFragmentDoc,
    "\n  mutation CreateApiToken($name: String!, $userId: ID, $expiresAt: DateTime) {\n    createApiToken(name: $name, userId: $userId, expiresAt: $expiresAt) {\n      id\n      token\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      displayName\n      email\n      isActive\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n      ...PermissionOrigins_user\n      ...ApiTokens_user\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  query AccountPage {\n    me {\n      id\n      kind\n      isAdmin\n      createdAt\n      lastSignInAt\n      ...ProfileForm_user\n      ...PermissionOrigins_user\n      ...MembershipsTable_user\n      ...ApiTokens_user\n    }\n  }\n": typeof types.AccountPageDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      kind\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n    }\n    authConfig {\n      needsSetup\n      registration\n    }\n  }\n": types.ViewerDocument,
    "\n  query ServerVersion {\n    serverInfo {\n      name\n      version\n    }\n  }\n": types.ServerVersionDocument,
    "\n  fragment ProfileForm_user on User {\n    id\n    displayName\n    email\n  }\n": types.ProfileForm_UserFragmentDoc,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  fragment MembershipsTable_user on User {\n    id\n    memberships {\n      source\n      createdAt\n      expiresAt\n      addedBy {\n        id\n        displayName\n      }\n      group {\n        id\n        name\n        builtIn\n      }\n    }\n  }\n": types.MembershipsTable_UserFragmentDoc,
    "\n  fragment PermissionCatalog_permission on PermissionInfo {\n    key\n    description\n    builtIn\n  }\n": types.PermissionCatalog_PermissionFragmentDoc,
    "\n  fragment PermissionOrigins_user on User {\n    id\n    isActive\n    permissionOrigins {\n      key\n      direct\n      admin\n      groups {\n        id\n        name\n      }\n    }\n  }\n": types.PermissionOrigins_UserFragmentDoc,
    "\n  fragment PermissionSelect_permission on PermissionInfo {\n    key\n    description\n  }\n": types.PermissionSelect_PermissionFragmentDoc,
    "\n  mutation DefinePermission($key: String!, $description: String!) {\n    definePermission(key: $key, description: $description) {\n      ...PermissionCatalog_permission\n    }\n  }\n": types.DefinePermissionDocument,
    "\n  mutation CompleteSetup($input: SetupInput!) {\n    completeSetup(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": types.CompleteSetupDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        id\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation SignUp($input: SetupInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  fragment ApiTokens_user on User {\n    id\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      expiresAt\n      revokedAt\n      active\n    }\n  }\n": types.ApiTokens_UserFragmentDoc,
    "\n  mutation CreateApiToken($name: String!, $userId: ID, $expiresAt: DateTime) {\n    createApiToken(name: $name, userId: $userId, expiresAt: $expiresAt) {\n      id\n      token\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": types.RevokeApiTokenDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      displayName\n      email\n      isActive\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n      ...PermissionOrigins_user\n      ...ApiTokens_user\n    }\n  }\n": types.UpdateUserDocument,
    "\n  query AccountPage {\n    me {\n      id\n      kind\n      isAdmin\n      createdAt\n      lastSignInAt\n      ...ProfileForm_user\n      ...PermissionOrigins_user\n      ...MembershipsTable_user\n      ...ApiTokens_user\n    }\n  }\n": types.AccountPageDocument,
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
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      kind\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n    }\n    authConfig {\n      needsSetup\n      registration\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      kind\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n    }\n    authConfig {\n      needsSetup\n      registration\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerVersion {\n    serverInfo {\n      name\n      version\n    }\n  }\n"): (typeof documents)["\n  query ServerVersion {\n    serverInfo {\n      name\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileForm_user on User {\n    id\n    displayName\n    email\n  }\n"): (typeof documents)["\n  fragment ProfileForm_user on User {\n    id\n    displayName\n    email\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MembershipsTable_user on User {\n    id\n    memberships {\n      source\n      createdAt\n      expiresAt\n      addedBy {\n        id\n        displayName\n      }\n      group {\n        id\n        name\n        builtIn\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment MembershipsTable_user on User {\n    id\n    memberships {\n      source\n      createdAt\n      expiresAt\n      addedBy {\n        id\n        displayName\n      }\n      group {\n        id\n        name\n        builtIn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PermissionCatalog_permission on PermissionInfo {\n    key\n    description\n    builtIn\n  }\n"): (typeof documents)["\n  fragment PermissionCatalog_permission on PermissionInfo {\n    key\n    description\n    builtIn\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PermissionOrigins_user on User {\n    id\n    isActive\n    permissionOrigins {\n      key\n      direct\n      admin\n      groups {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PermissionOrigins_user on User {\n    id\n    isActive\n    permissionOrigins {\n      key\n      direct\n      admin\n      groups {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PermissionSelect_permission on PermissionInfo {\n    key\n    description\n  }\n"): (typeof documents)["\n  fragment PermissionSelect_permission on PermissionInfo {\n    key\n    description\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DefinePermission($key: String!, $description: String!) {\n    definePermission(key: $key, description: $description) {\n      ...PermissionCatalog_permission\n    }\n  }\n"): (typeof documents)["\n  mutation DefinePermission($key: String!, $description: String!) {\n    definePermission(key: $key, description: $description) {\n      ...PermissionCatalog_permission\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSetup($input: SetupInput!) {\n    completeSetup(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteSetup($input: SetupInput!) {\n    completeSetup(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SetupInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SetupInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokens_user on User {\n    id\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      expiresAt\n      revokedAt\n      active\n    }\n  }\n"): (typeof documents)["\n  fragment ApiTokens_user on User {\n    id\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      expiresAt\n      revokedAt\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($name: String!, $userId: ID, $expiresAt: DateTime) {\n    createApiToken(name: $name, userId: $userId, expiresAt: $expiresAt) {\n      id\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($name: String!, $userId: ID, $expiresAt: DateTime) {\n    createApiToken(name: $name, userId: $userId, expiresAt: $expiresAt) {\n      id\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      displayName\n      email\n      isActive\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n      ...PermissionOrigins_user\n      ...ApiTokens_user\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      displayName\n      email\n      isActive\n      isAdmin\n      effectivePermissions\n      ledGroups {\n        id\n      }\n      ...PermissionOrigins_user\n      ...ApiTokens_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountPage {\n    me {\n      id\n      kind\n      isAdmin\n      createdAt\n      lastSignInAt\n      ...ProfileForm_user\n      ...PermissionOrigins_user\n      ...MembershipsTable_user\n      ...ApiTokens_user\n    }\n  }\n"): (typeof documents)["\n  query AccountPage {\n    me {\n      id\n      kind\n      isAdmin\n      createdAt\n      lastSignInAt\n      ...ProfileForm_user\n      ...PermissionOrigins_user\n      ...MembershipsTable_user\n      ...ApiTokens_user\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;