import type { Page } from 'playwright-core';
import { waitForHeading } from './browser';
import { startServer, type RunningServer } from './server';

/** The first admin the tests' servers create at start (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const ADMIN = {
  email: 'admin@gatehouse.test',
  password: 'correct horse battery staple',
  displayName: 'Administrator',
} as const;

/** A fresh server whose first admin exists already. */
export function startServerWithAdmin(): Promise<RunningServer> {
  return startServer({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
}

/** Fills the sign-in form the way a person does and waits until the app has left /sign-in. */
export async function signIn(page: Page, baseUrl: string, email: string = ADMIN.email, password: string = ADMIN.password) {
  await page.goto(`${baseUrl}/sign-in`);
  await waitForHeading(page, 'Sign in');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** POSTs a GraphQL operation from the test itself (not the browser), optionally with a Bearer token. */
export async function graphqlRequest<T>(
  baseUrl: string,
  query: string,
  options: { token?: string; variables?: Record<string, unknown> } = {},
): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
}

/**
 * Runs a GraphQL operation from inside the page, with the page's session cookie: quick set-up
 * for a test (e.g. a user to add) without walking through forms that another test covers.
 */
export async function graphqlInPage<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    },
    { query, variables },
  );
  if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.data as T;
}
