import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { authChecker } from './authz/auth-checker';
import { SCALARS_MAP } from './common/scalars';
import { ServerInfoResolver } from './modules/server-info/server-info.resolver';

/** Every resolver of the API; the schema is code-first and printed to schema.graphql. */
export const RESOLVERS = [ServerInfoResolver] as const;

export async function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    scalarsMap: SCALARS_MAP,
    authChecker,
    // Authorization failures throw (see auth-checker); nothing is silently nulled.
    authMode: 'error',
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
    emitSchemaFile: false,
  });
}
