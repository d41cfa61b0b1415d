import type { Okence } from '../boot.ts';
import type { Clock } from '../lib/clock.ts';
import { OPERATOR_COOKIE } from '../http/operator-session.ts';
import { base32Decode, totpAt } from './totp.ts';

export const TEST_OPERATOR_PASSWORD = 'lipa zelena pod goro 8821';

/**
 * A signed-in operator for tests, made as the real path makes one (CLI account, link, password,
 * enrolment confirmed by a code), without HTTP. Returns the cookie header part and the TOTP key.
 */
export async function operatorSession(
  okence: Okence,
  email: string,
  clock: Clock,
): Promise<{ cookie: string; token: string; secret: Buffer; id: string }> {
  const id = await okence.operators.create(email, { system: 'test' });
  const link = await okence.invitations.invite(
    { kind: 'operator', operatorId: id },
    { name: 'test', actor: { system: 'test' } },
  );
  await okence.invitations.setPassword(link.url.split('/').pop()!, TEST_OPERATOR_PASSWORD);
  const partial = await okence.operators.enrolmentSession(id);
  const offered = await okence.operators.enrolmentSecret(partial);
  if (!offered) throw new Error('no enrolment offered');
  const secret = base32Decode(offered.secret)!;
  const done = await okence.operators.confirmEnrolment(
    partial,
    totpAt(secret, clock.now()),
    '127.0.0.1',
  );
  if (!done.ok) throw new Error('enrolment refused');
  return { cookie: `${OPERATOR_COOKIE}=${done.token}`, token: done.token, secret, id };
}
