import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issueKeys, parseDepartmentForm, parsePersonForm } from './schema.ts';

test('the department form: slug from the name when empty, contact details checked, every problem at once', () => {
  const ok = parseDepartmentForm(
    {
      name_cs: 'Odbor školství',
      name_en: '',
      email: ' skolstvi@koprivnice.example ',
      phone: '',
      position: '2',
    },
    'cs',
  );
  assert.ok(ok.ok);
  assert.equal(ok.input.slug, 'odbor-skolstvi');
  assert.deepEqual(ok.input.name, { cs: 'Odbor školství' });
  assert.equal(ok.input.email, 'skolstvi@koprivnice.example');
  assert.equal(ok.input.phone, null);
  assert.equal(ok.input.parentId, null);
  const bad = parseDepartmentForm(
    {
      name_cs: '',
      slug: 'Not A Slug',
      email: 'x@',
      phone: '12',
      position: '-1',
      parentId: 'nope',
      services: ['not-a-uuid'],
    },
    'cs',
  );
  assert.ok(!bad.ok);
  assert.deepEqual(Object.keys(issueKeys(bad.issues)).sort(), [
    'email',
    'name_cs',
    'parentId',
    'phone',
    'position',
    'services',
  ]);
  const slug = parseDepartmentForm({ name_sl: 'Oddelek', slug: 'Ne Slug', position: '0' }, 'sl');
  assert.ok(!slug.ok);
  assert.deepEqual(issueKeys(slug.issues), { slug: 'contacts.error.slug' });
  const symbols = parseDepartmentForm({ name_sl: '!!!', position: '0' }, 'sl');
  assert.ok(!symbols.ok, 'a name that makes no slug asks for one');
});

test('the person form reads publishing and the consent as two separate answers', () => {
  const p = parsePersonForm({
    fullName: ' Ana Kos ',
    position: '0',
    published: '1',
    role_sl: 'svetovalka',
  });
  assert.ok(p.ok);
  assert.equal(p.input.fullName, 'Ana Kos');
  assert.equal(p.input.publish, true);
  assert.equal(p.input.consentConfirmed, false);
  assert.deepEqual(p.input.role, { sl: 'svetovalka' });
  const bad = parsePersonForm({
    fullName: '',
    position: '0',
    staffId: 'x',
    role_en: 'r'.repeat(201),
  });
  assert.ok(!bad.ok);
  assert.deepEqual(Object.keys(issueKeys(bad.issues)).sort(), ['fullName', 'role_en', 'staffId']);
});
