import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translator } from '../i18n/i18n.ts';
import { emailForm, settingsErrors, settingsForm } from './schema.ts';

test('settings: whole days 1–3650, optional officer and address trimmed to null, each field its own message', () => {
  assert.deepEqual(
    settingsForm.parse({
      retentionDays: ' 30 ',
      dpoName: '  ',
      dpoEmail: ' DPO@Example.SI ',
      postalAddress: 'Ljubljanska 69',
    }),
    {
      retentionDays: 30,
      dpoName: null,
      dpoEmail: 'dpo@example.si',
      postalAddress: 'Ljubljanska 69',
    },
  );
  assert.deepEqual(settingsForm.parse({ retentionDays: '3650' }), {
    retentionDays: 3650,
    dpoName: null,
    dpoEmail: null,
    postalAddress: null,
  });
  for (const days of ['0', '3651', '1.5', '-3', '', 'ninety', '1e3'])
    assert.equal(settingsForm.safeParse({ retentionDays: days }).success, false, days);
  const bad = settingsForm.safeParse({
    retentionDays: '0',
    dpoName: 'x'.repeat(201),
    dpoEmail: 'nope',
    postalAddress: 'y'.repeat(501),
  });
  assert.ok(!bad.success);
  const t = translator('en');
  assert.deepEqual(settingsErrors(bad.error, t), {
    retentionDays: t('privacy.error.retention'),
    dpoName: t('privacy.error.dpo_name'),
    dpoEmail: t('privacy.error.dpo_email'),
    postalAddress: t('privacy.error.postal'),
  });
  const missing = settingsForm.safeParse({});
  assert.ok(!missing.success);
  assert.deepEqual(Object.keys(settingsErrors(missing.error, t)), ['retentionDays']);
});

test('the searched address is normalised as the booking form stores it; placeholders and non-addresses are refused', () => {
  assert.equal(
    emailForm.parse({ email: '  Ana.Novak+urad@Example.SI ' }).email,
    'ana.novak+urad@example.si',
  );
  for (const email of [
    '',
    'ana',
    'ana@',
    'a b@example.si',
    'anonymised+0b9c6d4e-1f2a-4b3c-8d9e-0f1a2b3c4d5e@anonymised.invalid',
  ]) {
    assert.equal(emailForm.safeParse({ email }).success, false, email);
  }
});
