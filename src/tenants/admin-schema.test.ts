import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issueKeys, parseOfficeForm, parseServiceForm, parseSettingsForm } from './admin-schema.ts';

/** The message key per field of a refused form (empty when it was accepted). */
const problems = (
  r: { ok: true } | { ok: false; issues: { path: PropertyKey[]; message: string }[] },
) => (r.ok ? {} : issueKeys(r.issues));

const OFFICE = '0b0f7a52-5d5b-4f0e-9f3b-1a2b3c4d5e6f';

test('only a new service’s form asks for its length: an edit leaves it to the booking rules', () => {
  const form = {
    slug: 'ribe',
    name_sl: 'Ribe',
    fee: '',
    position: '0',
    byVideo: '1',
    offices: OFFICE,
  };
  assert.equal(parseServiceForm(form, 'sl', true).ok, false, 'a new service needs a length');
  const edit = parseServiceForm({ ...form, durationMinutes: '90' }, 'sl', false);
  assert.ok(edit.ok);
  assert.equal(edit.input.durationMinutes, null);
});

test('the service form reports every problem at once, each on its own field', () => {
  const r = parseServiceForm(
    { slug: 'Ribe!', fee: '1,234', durationMinutes: '3', position: '0', active: '1' },
    'sl',
    true,
  );
  assert.equal(r.ok, false);
  assert.deepEqual(problems(r), {
    slug: 'tenants.error.slug_pattern',
    fee: 'tenants.error.fee',
    durationMinutes: 'tenants.error.duration',
    name_sl: 'tenants.error.name_required',
    byVideo: 'tenants.error.no_mode',
    offices: 'tenants.error.no_office',
  });
});

test('the service form reads texts, checkboxes, fee and id lists', () => {
  const r = parseServiceForm(
    {
      slug: 'ribe',
      name_sl: ' Ribe ',
      name_en: '',
      fee: '12,5',
      durationMinutes: '20',
      position: '1',
      byVideo: '1',
      active: '1',
      offices: OFFICE,
      officials: [],
    },
    'sl',
    true,
  );
  assert.ok(r.ok);
  assert.deepEqual(r.input.name, { sl: 'Ribe' });
  assert.equal(r.input.feeMinor, 1250);
  assert.deepEqual(r.input.officeIds, [OFFICE]);
  assert.equal(r.input.inPerson, false);
  assert.equal(
    parseServiceForm(
      {
        slug: 'ribe',
        name_sl: 'Ribe',
        fee: '',
        durationMinutes: '20',
        position: '0',
        byVideo: '1',
        offices: 'not-an-id',
      },
      'sl',
      true,
    ).ok,
    false,
  );
});

test('an office needs a real Europe zone and a name in some language', () => {
  const base = {
    slug: 'krizevci',
    street: 'Trg 1',
    postcode: '9242',
    city: 'Križevci',
    timeZone: 'Europe/Ljubljana',
    position: '0',
  };
  assert.deepEqual(problems(parseOfficeForm({ ...base, timeZone: 'Mars/Olympus' }, 'cs')), {
    timeZone: 'tenants.error.time_zone',
    name_cs: 'tenants.error.name_required',
  });
  const ok = parseOfficeForm(
    { ...base, name_en: 'Križevci', email: ' INFO@Example.si ', phone: '' },
    'sl',
  );
  assert.ok(ok.ok);
  assert.equal(ok.input.email, 'info@example.si');
  assert.equal(ok.input.phone, null);
});

test('the organisation’s name must exist in its default language; the sender name cannot smuggle an address', () => {
  const base = {
    name_sl: 'UE Ljutomer',
    defaultLanguage: 'sl',
    email: '',
    phone: '',
    website: '',
    mailSenderName: '',
    mailReplyTo: '',
  };
  assert.ok(parseSettingsForm(base).ok);
  assert.deepEqual(problems(parseSettingsForm({ ...base, defaultLanguage: 'en' })), {
    name_en: 'tenants.error.name_default_language',
  });
  for (const name of ['UE <evil@x.si>', 'a@b', 'x\r\nBcc: y', '"quoted"']) {
    assert.deepEqual(
      problems(parseSettingsForm({ ...base, mailSenderName: name })),
      { mailSenderName: 'tenants.error.sender_name' },
      name,
    );
  }
  assert.deepEqual(problems(parseSettingsForm({ ...base, website: 'javascript:alert(1)' })), {
    website: 'tenants.error.website',
  });
});

test('texts over their limits are refused on their own inputs, whatever the browser allowed', () => {
  const form = {
    slug: 'ribe',
    name_sl: 'Ribe',
    fee: '',
    durationMinutes: '20',
    position: '0',
    byVideo: '1',
    offices: OFFICE,
  };
  assert.ok(
    parseServiceForm({ ...form, description_cs: 'x'.repeat(2000) }, 'sl', true).ok,
    'exactly the limit is fine',
  );
  assert.deepEqual(
    problems(
      parseServiceForm(
        {
          ...form,
          name_en: 'x'.repeat(201),
          description_cs: 'x'.repeat(2001),
          feeNote_sl: 'x'.repeat(301),
        },
        'sl',
        true,
      ),
    ),
    {
      name_en: 'tenants.error.too_long',
      description_cs: 'tenants.error.too_long',
      feeNote_sl: 'tenants.error.too_long',
    },
  );
  assert.deepEqual(
    problems(
      parseOfficeForm(
        {
          slug: 'ljubljana',
          name_sl: 'y'.repeat(121),
          street: 'Ulica 1',
          postcode: '1000',
          city: 'Lj',
          timeZone: 'Europe/Ljubljana',
          position: '0',
        },
        'sl',
      ),
    ),
    { name_sl: 'tenants.error.too_long' },
  );
});
