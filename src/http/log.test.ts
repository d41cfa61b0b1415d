import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loggableUrl } from './app.ts';

test('logged request lines carry no CSRF token in a query and no link tokens in paths', () => {
  const token = 'L4iH-Fapk3ikfvXNhN773W8Xyh06tNFCP3gZup6Ss1M';
  assert.equal(loggableUrl(`/j/${token}/files?_csrf=abc`), '/j/…/files');
  assert.equal(loggableUrl(`/g/${token}/ws?name=Ana`), '/g/…/ws');
  assert.equal(loggableUrl(`/m/${token}`), '/m/…');
  assert.equal(loggableUrl('/o/ue-domzale?lang=en'), '/o/ue-domzale');
  assert.equal(loggableUrl('/staff/meetings/8aced5d4-5cf9-4d87-a643-ca88de6a8e2d/files'), '/staff/meetings/8aced5d4-5cf9-4d87-a643-ca88de6a8e2d/files');
});
