import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { NETWORK_MESSAGE, problemMessage, readProblem } from './graphql-errors';

const graphQLError = (...errors: GraphQLFormattedError[]) => new CombinedGraphQLErrors({ errors });

const validation = (details: { field: string; message: string }[]): GraphQLFormattedError => ({
  message: details.map((d) => d.message).join(' '),
  extensions: { code: 'BAD_USER_INPUT', reason: 'VALIDATION', details },
});

describe('readProblem', () => {
  it('puts validation details beside the form fields they name', () => {
    const error = graphQLError(
      validation([
        { field: 'email', message: 'Enter a valid email address.' },
        { field: 'password', message: 'Use at least 12 characters.' },
      ]),
    );
    expect(readProblem(error, { fields: ['email', 'password', 'displayName'] })).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'VALIDATION',
      fields: { email: 'Enter a valid email address.', password: 'Use at least 12 characters.' },
      message: null,
    });
  });

  it('matches a dotted server path by its last segment', () => {
    const error = graphQLError(validation([{ field: 'input.displayName', message: 'Too long.' }]));
    expect(readProblem(error, { fields: ['displayName'] }).fields).toEqual({ displayName: 'Too long.' });
  });

  it('follows aliases from server names to form names', () => {
    const error = graphQLError(validation([{ field: 'userIds', message: 'These accounts are deactivated: Ann.' }]));
    const problem = readProblem(error, { fields: ['members'], aliases: { userIds: 'members' } });
    expect(problem.fields).toEqual({ members: 'These accounts are deactivated: Ann.' });
    expect(problem.message).toBeNull();
  });

  it('keeps details for fields the form does not have as the top message', () => {
    const error = graphQLError(
      validation([
        { field: 'email', message: 'Enter a valid email address.' },
        { field: 'isAdmin', message: 'Service accounts cannot be administrators.' },
      ]),
    );
    const problem = readProblem(error, { fields: ['email'] });
    expect(problem.fields).toEqual({ email: 'Enter a valid email address.' });
    expect(problem.message).toBe('Service accounts cannot be administrators.');
  });

  it('joins several messages for one field', () => {
    const error = graphQLError(
      validation([
        { field: 'name', message: 'Too long.' },
        { field: 'name', message: 'Already taken.' },
      ]),
    );
    expect(readProblem(error, { fields: ['name'] }).fields).toEqual({ name: 'Too long. Already taken.' });
  });

  it('gives code, reason and the message of errors without details', () => {
    const error = graphQLError({
      message: 'You cannot demote the last active administrator.',
      extensions: { code: 'FORBIDDEN', reason: 'LAST_ADMIN' },
    });
    expect(readProblem(error, { fields: ['isAdmin'] })).toEqual({
      code: 'FORBIDDEN',
      reason: 'LAST_ADMIN',
      fields: {},
      message: 'You cannot demote the last active administrator.',
    });
  });

  it('ignores malformed details and falls back to the error message', () => {
    const error = graphQLError({
      message: 'The input is not valid.',
      extensions: { code: 'BAD_USER_INPUT', details: [{ field: 3 }, 'nope'] },
    });
    expect(readProblem(error, { fields: ['name'] }).message).toBe('The input is not valid.');
  });

  it('says the server could not be reached for network failures', () => {
    expect(readProblem(new TypeError('Failed to fetch'))).toEqual({
      code: null,
      reason: null,
      fields: {},
      message: NETWORK_MESSAGE,
    });
    expect(readProblem(undefined).message).toBe(NETWORK_MESSAGE);
  });
});

describe('problemMessage', () => {
  it('gives one sentence even when every message belonged to a field', () => {
    const error = graphQLError(validation([{ field: 'name', message: 'The name must be 1–100 characters.' }]));
    expect(problemMessage(error)).toBe('The name must be 1–100 characters.');
  });
});

describe('HTTP failures without GraphQL errors', () => {
  it('say in words that the server failed, never Apollo’s "Response not successful"', () => {
    const error = new ServerError('Response not successful: Received status code 500', {
      response: new Response('Internal Server Error', { status: 500 }),
      bodyText: 'Internal Server Error',
    });
    const message = problemMessage(error);
    expect(message).not.toContain('Response not successful');
    expect(message).toContain('HTTP 500');
    expect(message).toContain('Try again');
  });
});
