import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fits, folderClosesAt, folderState } from './domain.ts';

const end = new Date('2026-03-29T09:30:00Z');

test('a folder closes when the meeting is ended, or two hours after the planned end if nobody ends it', () => {
  assert.equal(folderClosesAt(end, null).toISOString(), '2026-03-29T11:30:00.000Z');
  assert.equal(
    folderClosesAt(end, new Date('2026-03-29T09:10:00Z')).toISOString(),
    '2026-03-29T09:10:00.000Z',
  );
  // Ended after the link had stopped working anyway: the earlier moment counts.
  assert.equal(
    folderClosesAt(end, new Date('2026-03-29T12:00:00Z')).toISOString(),
    '2026-03-29T11:30:00.000Z',
  );
});

test('a folder is closed with its meeting, open from its opening until its own closing time, and fresh again for a moved booking', () => {
  const closesAt = new Date('2026-03-29T10:00:00Z');
  const before = new Date('2026-03-29T09:59:59Z');
  assert.equal(folderState(false, null, before), 'not_opened');
  assert.equal(folderState(false, { closesAt, purgedAt: null }, before), 'open');
  assert.equal(
    folderState(true, { closesAt, purgedAt: null }, before),
    'closed',
    'the meeting ended early',
  );
  assert.equal(folderState(true, null, before), 'closed');
  // The booking was moved to a later time: its meeting is open again, the old folder is not.
  assert.equal(folderState(false, { closesAt, purgedAt: null }, closesAt), 'not_opened');
  assert.equal(folderState(false, { closesAt, purgedAt: before }, before), 'not_opened');
});

test('a file fits when it is within the per-file limit and the folder stays within its total', () => {
  const limits = { maxFileBytes: 20, maxFolderBytes: 200 };
  assert.equal(fits(20, 180, limits), 'ok');
  assert.equal(fits(21, 0, limits), 'too_large');
  assert.equal(fits(20, 181, limits), 'folder_full');
  fc.assert(
    fc.property(
      fc.nat(1000),
      fc.nat(1000),
      fc.integer({ min: 1, max: 500 }),
      fc.integer({ min: 1, max: 2000 }),
      (size, used, maxFile, maxFolder) => {
        const r = fits(size, used, { maxFileBytes: maxFile, maxFolderBytes: maxFolder });
        // Accepting a file never takes a folder over its limit, and never accepts an oversize file.
        if (r === 'ok') return size <= maxFile && used + size <= maxFolder;
        return r === 'too_large' ? size > maxFile : used + size > maxFolder;
      },
    ),
  );
});
