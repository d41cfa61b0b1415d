import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENFORCEMENT_BODY, PLATFORM_STATEMENT, effectiveStatement, items } from './domain.ts';

const org = { email: 'info@example.si', phone: '+386 1 234 56 78' };

test('without a statement of its own, the platform’s is shown, dated, with the organisation’s contacts', () => {
  const s = effectiveStatement(undefined, org);
  assert.equal(s.platform, true);
  assert.equal(s.preparedOn, PLATFORM_STATEMENT.preparedOn);
  assert.match(s.preparedOn, /^\d{4}-\d\d-\d\d$/);
  assert.equal(s.compliance, 'partial', 'automated tests do not prove full compliance');
  assert.equal(s.method, 'self');
  assert.equal(s.feedbackEmail, 'info@example.si');
  assert.equal(s.feedbackPhone, '+386 1 234 56 78');
  assert.equal(effectiveStatement(undefined, { email: null, phone: null }).feedbackEmail, null);
});

test('a saved statement is shown as saved, its own contacts and all', () => {
  const saved = {
    compliance: 'full' as const,
    nonAccessible: { sl: 'Nič.' },
    preparedOn: '2026-11-01',
    reviewedOn: '2026-12-01',
    method: 'third_party' as const,
    feedbackEmail: 'dostopnost@example.si',
    feedbackPhone: null,
  };
  assert.deepEqual(effectiveStatement(saved, org), { ...saved, platform: false });
});

test('each country names its enforcement body', () => {
  assert.equal(ENFORCEMENT_BODY.SI.email, 'gp.irsid@gov.si');
  assert.equal(ENFORCEMENT_BODY.CZ.email, 'posta@dia.gov.cz');
});

test('non-accessible content is read one item a line, bullets and blanks dropped', () => {
  assert.deepEqual(items('- PDF files\n\n• old scans \n videos'), [
    'PDF files',
    'old scans',
    'videos',
  ]);
});
