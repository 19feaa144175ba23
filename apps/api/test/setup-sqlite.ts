import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/data-source';
import './provided';

/** Migrates one template SQLite file per run; each test file copies it. */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-test-'));
  const templateFile = path.join(dir, 'template.db');
  const dataSource = await openDatabase({ dialect: 'sqlite', file: templateFile });
  await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
  await dataSource.destroy();
  project.provide('templateDatabase', { dialect: 'sqlite', templateFile });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
