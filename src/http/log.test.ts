import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loggableUrl } from './logger.ts';

test('logged request lines carry no CSRF token in a query and no link tokens in paths', () => {
  const token = 'L4iH-Fapk3ikfvXNhN773W8Xyh06tNFCP3gZup6Ss1M';
  assert.equal(loggableUrl(`/j/${token}/files?_csrf=abc`), '/j/…/files');
  assert.equal(loggableUrl(`/g/${token}/ws?name=Ana`), '/g/…/ws');
  assert.equal(loggableUrl(`/m/${token}`), '/m/…');
  assert.equal(loggableUrl('/o/ue-domzale?lang=en'), '/o/ue-domzale');
  assert.equal(
    loggableUrl('/staff/meetings/8aced5d4-5cf9-4d87-a643-ca88de6a8e2d/files'),
    '/staff/meetings/8aced5d4-5cf9-4d87-a643-ca88de6a8e2d/files',
  );
});

test('logged request lines mask every path part that is a key: hold ids, API tokens, encoded tokens', () => {
  const token = 'L4iH-Fapk3ikfvXNhN773W8Xyh06tNFCP3gZup6Ss1M';
  const hold = '8aced5d4-5cf9-4d87-a643-ca88de6a8e2d';
  assert.equal(loggableUrl(`/h/${hold}`), '/h/…');
  assert.equal(loggableUrl(`/h/${hold}/confirm?lang=en`), '/h/…/confirm');
  assert.equal(loggableUrl(`/api/v1/holds/${hold}/confirm`), '/api/v1/holds/…/confirm');
  assert.equal(loggableUrl(`/api/v1/bookings/${token}/cancel`), '/api/v1/bookings/…/cancel');
  assert.equal(loggableUrl(`/j/${token}/files/${hold}`), '/j/…/files/' + hold);
  // A token percent-encoded (routing decodes it) or short is still masked; a repeated one too.
  assert.equal(loggableUrl(`/j/%4C${token.slice(1)}/ws`), '/j/…/ws');
  assert.equal(loggableUrl('/m/abc'), '/m/…');
  assert.equal(loggableUrl(`//j/${token}/ws`), '//j/…/ws');
  assert.equal(loggableUrl(`/g/${token}#/g/${token}`), '/g/…');
});

test('payment links are masked, on the page and in the API', () => {
  const token = 'q3Zb1c9Xf0pLw7Ke2Tn8Hs5Vd4Jm6Ya0Rg1Uo3Ei9Qx';
  assert.equal(loggableUrl(`/pay/${token}?lang=cs`), '/pay/…');
  assert.equal(
    loggableUrl(`/api/v1/payment-tokens/${token}/qr?format=png`),
    '/api/v1/payment-tokens/…/qr',
  );
  // The lookup page names no token and stays readable.
  assert.equal(loggableUrl('/o/mesto-koprivnice/pay'), '/o/mesto-koprivnice/pay');
  assert.equal(loggableUrl('/o/koprivnice/pay/card/return'), '/o/koprivnice/pay/card/return');
});

test('thread, resume and receipt links are masked too', () => {
  const token = 'Zx8-Q2mK7pLw3Ke9Tn1Hs5Vd4Jm6Ya0Rg1Uo3Ei9Qx';
  assert.equal(loggableUrl(`/submissions/thread/${token}`), '/submissions/thread/…');
  assert.equal(
    loggableUrl(`/o/koprivnice/forms/prihlaseni-psa/resume/${token}?lang=cs`),
    '/o/koprivnice/forms/prihlaseni-psa/resume/…',
  );
  assert.equal(loggableUrl(`/api/v1/receipts/${token}`), '/api/v1/receipts/…');
  // An address that only names an action called "resume" keeps it.
  assert.equal(
    loggableUrl('/operator/organisations/8aced5d4-5cf9-4d87-a643-ca88de6a8e2d/resume'),
    '/operator/organisations/8aced5d4-5cf9-4d87-a643-ca88de6a8e2d/resume',
  );
});
