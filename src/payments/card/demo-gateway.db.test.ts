import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DB_KINDS } from '../../db/testing.ts';
import { bootTestApp } from '../../http/testing.ts';
import { obligationWithToken } from './testing.ts';

const kind = DB_KINDS[0]!;

test('development with demo data: the emulator takes card payments on loopback', async () => {
  const okence = await bootTestApp(kind, {
    env: { NODE_ENV: 'development' },
    backgroundJobs: false,
  });
  try {
    assert.equal(okence.services.cards.offersCards('koprivnice'), true);
    const o = await obligationWithToken(okence.handle.db, {
      slug: 'koprivnice',
      amountMinor: 100000,
      currency: 'CZK',
      now: new Date('2026-11-23T09:00:00Z'),
    });
    const { redirectUrl } = await okence.services.cards.startByToken({
      organisationSlug: 'koprivnice',
      token: o.token,
      lang: 'cs',
    });
    assert.match(redirectUrl, /^http:\/\/127\.0\.0\.1:\d+\/pgw\/order\.do\?/);
    const page = await fetch(redirectUrl);
    assert.equal(page.status, 200, 'the emulator knows our key');
  } finally {
    await okence.close();
  }
});

test('production with demo data and no merchants: no emulator, no card button', async () => {
  const okence = await bootTestApp(kind, {
    env: {
      NODE_ENV: 'production',
      DEMO_DATA: 'true',
      SMTP_URL: 'smtp://127.0.0.1:1',
      FILE_SCAN: 'off',
      PUBLIC_URL: 'https://okence.example.org',
    },
    backgroundJobs: false,
  });
  try {
    assert.equal(okence.services.cards.offersCards('koprivnice'), false);
  } finally {
    await okence.close();
  }
});
