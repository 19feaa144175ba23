import 'reflect-metadata';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/data-source';
import { assertReachable, createDatabase, dropDatabase, scratchName, testDatabaseUrl } from '../scripts/lib/pg-admin';
import './provided';

/**
 * Migrates one template database per run; each test file clones it (CREATE DATABASE … TEMPLATE),
 * which takes milliseconds. An unreachable server fails the run: PostgreSQL tests never skip.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = testDatabaseUrl();
  await assertReachable(adminUrl);
  const template = scratchName('gatehouse_tpl');
  const url = await createDatabase(adminUrl, template);
  const dataSource = await openDatabase({ dialect: 'postgres', url });
  await dataSource.destroy(); // a template must have no open connections while it is cloned
  project.provide('templateDatabase', { dialect: 'postgres', adminUrl, template });
  return () => dropDatabase(adminUrl, template);
}
