// Attempts sent at once against the sign-in throttle: each is counted before its password is
// checked, so no more than the limit are ever checked in a window (signInAttempts.begin). Before,
// the throttle read the failures, the password took its slow check, and the failure was written
// after: twenty wrong passwords sent together were all checked against a limit of five.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { AppError } from '../lib/errors.ts';
import { DEMO_PASSWORD } from '../tenants/demo-data.ts';
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP } from './domain.ts';

/** How many of `results` were checked (a wrong password) and how many the throttle turned away. */
function tally(results: { ok: boolean; reason?: string }[]) {
  const reasons = results.map((r) => (r.ok ? 'ok' : (r.reason ?? '')));
  return {
    checked: reasons.filter((r) => r === 'invalid').length,
    throttled: reasons.filter((r) => r === 'throttled').length,
  };
}

for (const kind of DB_KINDS) {
  describe(`the sign-in throttle under attempts sent at once, on ${kind}`, () => {
    let okence: Okence;
    before(async () => {
      okence = await bootTestApp(kind);
    });
    after(() => okence.close());

    test('twenty wrong passwords for one account at once: five are checked, the rest wait', async () => {
      const { identity } = okence.services;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          identity.signIn({
            email: 'nobody-in-particular@example.org',
            password: `guess-${i}`,
            ip: `198.51.100.${i + 1}`,
          }),
        ),
      );
      assert.deepEqual(tally(results), { checked: MAX_FAILURES_PER_EMAIL, throttled: 15 });
    });

    test('from one address, sixty accounts at once: twenty are checked', async () => {
      const { identity } = okence.services;
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          identity.signIn({
            email: `someone-${i}@example.org`,
            password: 'guess',
            ip: '203.0.113.9',
          }),
        ),
      );
      assert.deepEqual(tally(results), { checked: MAX_FAILURES_PER_IP, throttled: 40 });
    });

    test('the right password is still let in, and ends the run of failures', async () => {
      const { identity } = okence.services;
      const account = okence.demoAccounts.find((a) => a.role === 'official')!;
      const wrong = await Promise.all(
        Array.from({ length: 4 }, () =>
          identity.signIn({ email: account.email, password: 'wrong', ip: '192.0.2.1' }),
        ),
      );
      assert.deepEqual(tally(wrong), { checked: 4, throttled: 0 });
      const right = await identity.signIn({
        email: account.email,
        password: DEMO_PASSWORD,
        ip: '192.0.2.1',
      });
      assert.equal(right.ok, true);
      // Counted from the success on: five more wrong ones are checked before the pause.
      const after = await Promise.all(
        Array.from({ length: 8 }, () =>
          identity.signIn({ email: account.email, password: 'wrong', ip: '192.0.2.2' }),
        ),
      );
      assert.deepEqual(tally(after), { checked: MAX_FAILURES_PER_EMAIL, throttled: 3 });
    });

    test('a password change with the current password guessed at once: five are checked', async () => {
      const { identity, staffAdmin } = okence.services;
      const account = okence.demoAccounts.find((a) => a.role === 'admin')!;
      const signedIn = await identity.signIn({
        email: account.email,
        password: DEMO_PASSWORD,
        ip: '192.0.2.50',
      });
      assert.ok(signedIn.ok);
      const actor = { ...signedIn.staff, ip: '192.0.2.50' };
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          staffAdmin
            .changeOwnPassword(
              actor,
              signedIn.token,
              `not-the-password-${i}`,
              'a new Passphrase 42!',
            )
            .then(
              () => 'changed',
              (e: unknown) => (e instanceof AppError ? e.code : String(e)),
            ),
        ),
      );
      const counts = Object.groupBy(outcomes, (o) => o);
      assert.equal(counts.invalid_input?.length, MAX_FAILURES_PER_EMAIL, outcomes.join(', '));
      assert.equal(counts.rate_limited?.length, 12 - MAX_FAILURES_PER_EMAIL, outcomes.join(', '));
    });
  });
}
