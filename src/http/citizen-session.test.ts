import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.ts';
import type { CitizenPrincipal } from '../citizens/service.ts';
import { requireCitizen } from './citizen-session.ts';

const citizen = (loa: CitizenPrincipal['loa']): CitizenPrincipal => ({
  accountId: '00000000-0000-4000-8000-000000000001',
  loa,
  providerId: 'email',
  displayName: 'Ana',
  signedInAt: new Date(),
});
const request = (c: CitizenPrincipal | null, url = '/account/forms/1?step=2', method = 'GET') =>
  ({ citizen: c, url, method }) as unknown as FastifyRequest;

/** The sign-in address an `unauthenticated` refusal names. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError && err.code === 'unauthenticated');
    return String(err.data?.signIn);
  }
  assert.fail('expected a refusal');
}

test('a session at the level or above is let through', () => {
  assert.equal(requireCitizen(request(citizen('substantial')), 'low').loa, 'substantial');
  assert.equal(requireCitizen(request(citizen('high')), 'substantial').loa, 'high');
});

test('no session, or one below the level, is sent to sign in (step up) and back', () => {
  assert.equal(
    refusal(() => requireCitizen(request(null), 'low')),
    '/account/sign-in?loa=low&return=%2Faccount%2Fforms%2F1%3Fstep%3D2',
  );
  assert.equal(
    refusal(() => requireCitizen(request(citizen('low')), 'substantial')),
    '/account/sign-in?loa=substantial&return=%2Faccount%2Fforms%2F1%3Fstep%3D2',
  );
});

test('a refused POST names no way back (a form cannot be replayed by a redirect)', () => {
  assert.equal(
    refusal(() => requireCitizen(request(null, '/account/x', 'POST'), 'low')),
    '/account/sign-in?loa=low',
  );
});
