import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from './testing.ts';

const URL = 'postgres://postgres@127.0.0.1:5432/postgres';

test('database tests run on PostgreSQL when it is configured, else on PGlite', () => {
  assert.deepEqual(testDatabases({}), ['pglite']);
  assert.deepEqual(testDatabases({ DATABASE_URL: URL }), ['postgres']);
  assert.deepEqual(testDatabases({ DATABASE_URL: '' }), ['pglite']);
});

test('TEST_DATABASES chooses both, or one, and refuses what cannot run', () => {
  const both = { DATABASE_URL: URL, TEST_DATABASES: 'pglite, postgres' };
  assert.deepEqual(testDatabases(both), ['pglite', 'postgres']);
  assert.deepEqual(testDatabases({ DATABASE_URL: URL, TEST_DATABASES: 'pglite' }), ['pglite']);
  assert.deepEqual(testDatabases({ TEST_DATABASES: 'pglite,pglite' }), ['pglite']);
  assert.throws(() => testDatabases({ TEST_DATABASES: 'postgres' }), /DATABASE_URL is not set/);
  assert.throws(() => testDatabases({ TEST_DATABASES: 'mysql' }), /"mysql" is neither/);
});
