import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { errors, type FieldProblem } from './errors';
import { inputProblems } from './storable-text';

/**
 * The problems with one field's (coerced) arguments under the storable-text rule. The fields of
 * an `input` argument are named as its form and the other VALIDATION errors name them
 * (`description`, not `input.description`); other arguments by their path (`filter.search`).
 */
export function argumentProblems(args: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const name of Object.keys(args)) {
    const value = args[name];
    const isForm = name === 'input' && value !== null && typeof value === 'object' && !Array.isArray(value);
    inputProblems(value, isForm ? '' : name, problems);
  }
  return problems;
}

/**
 * Puts the storable-text rule (storable-text.ts) in front of the resolver of every field that
 * takes arguments — root or nested, declared now or later — so that no argument value reaches a
 * service, and so the database, unchecked. It sees the arguments after GraphQL has coerced the
 * variables, so nested input objects, lists and JSON scalars (group metadata) are covered alike.
 * A refusal is one BAD_USER_INPUT (reason VALIDATION) naming each field, like the other
 * validation errors. Fields without arguments keep their resolver untouched and pay nothing.
 */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        const problems = argumentProblems(args);
        if (problems.length > 0) throw errors.validation(problems);
        return resolve(source, args, context, info);
      };
      // A subscription's arguments reach its subscribe function first (Subscription.events).
      const subscribe = field.subscribe;
      if (subscribe) {
        field.subscribe = (source, args: Record<string, unknown>, context, info) => {
          const problems = argumentProblems(args);
          if (problems.length > 0) throw errors.validation(problems);
          return subscribe(source, args, context, info);
        };
      }
    }
  }
  return schema;
}
