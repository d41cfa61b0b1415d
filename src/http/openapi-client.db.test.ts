import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bootTestApp } from './testing.ts';

/**
 * An integrator's client, written against the types generated from the served document
 * (`./api.ts`): if the document is wrong, this does not compile or does not work.
 */
const CLIENT = `
import createClient from 'openapi-fetch';
import type { components, paths } from './api.ts';

type Problem = components['schemas']['Problem'];
type Booking = components['schemas']['Booking'];

/** What a client does with a refused call: it switches on the stable code. */
export function advice(problem: Problem): string {
  switch (problem.code) {
    case 'unprocessable':
      return 'wrong code, ' + String(problem.attemptsLeft) + ' left';
    case 'time_not_bookable':
      return 'try ' + (problem.nearestFreeTimes ?? []).map((t) => t.start).join(', ');
    case 'conflict':
      return 'taken, pick another';
    case 'no_longer_possible':
      return 'history';
    default:
      return 'other: ' + problem.code;
  }
}

export type Trip = { booking: Booking; fetched: Booking; moved: Booking; cancelled: Booking; wrongCode: string; cancelAgain: string; status: number };

export async function bookAndManage(baseUrl: string, readCode: (email: string) => Promise<string>): Promise<Trip> {
  const api = createClient<paths>({ baseUrl });
  const where = { organisation: 'koprivnice', service: 'konzultace-stavby' };
  const free = await api.GET('/organisations/{organisation}/services/{service}/availability', {
    params: { path: where, query: { office: 'stavebni-urad', from: '2026-11-30', to: '2026-12-09' } },
  });
  if (!free.data) throw new Error('availability: ' + JSON.stringify(free.error));
  const [first, second] = free.data.days.flatMap((d) => d.times);
  if (!first || !second) throw new Error('no free times');
  const email = 'integrator@example.cz';
  const hold = await api.POST('/organisations/{organisation}/services/{service}/holds', {
    params: { path: where },
    body: { office: 'stavebni-urad', start: first.start, name: 'Jana Integrátorová', email, language: 'cs' },
  });
  if (!hold.data) throw new Error('hold: ' + JSON.stringify(hold.error));
  const holdId = hold.data.holdId;
  const code = await readCode(email);
  const wrong = await api.POST('/holds/{holdId}/confirm', { params: { path: { holdId } }, body: { code: code === '000000' ? '111111' : '000000' } });
  if (!wrong.error) throw new Error('a wrong code was taken');
  const confirmed = await api.POST('/holds/{holdId}/confirm', { params: { path: { holdId } }, body: { code } });
  if (!confirmed.data) throw new Error('confirm: ' + JSON.stringify(confirmed.error));
  const manageToken = confirmed.data.manageUrl.split('/m/')[1] ?? '';
  const fetched = await api.GET('/bookings/{manageToken}', { params: { path: { manageToken } } });
  const moved = await api.POST('/bookings/{manageToken}/reschedule', { params: { path: { manageToken } }, body: { start: second.start } });
  const cancelled = await api.POST('/bookings/{manageToken}/cancel', { params: { path: { manageToken } }, body: {} });
  const again = await api.POST('/bookings/{manageToken}/cancel', { params: { path: { manageToken } }, body: {} });
  if (!fetched.data || !moved.data || !cancelled.data || !again.error) throw new Error('manage: ' + JSON.stringify([fetched.error, moved.error, cancelled.error]));
  return {
    booking: confirmed.data, fetched: fetched.data, moved: moved.data, cancelled: cancelled.data,
    wrongCode: advice(wrong.error), cancelAgain: advice(again.error), status: again.response.status,
  };
}
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    lib: ['es2023', 'dom'],
    types: [],
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
  },
  files: ['client.ts'],
};

type BookingSeen = { id: string; state: string; start: string };
type Client = {
  bookAndManage(
    baseUrl: string,
    readCode: (email: string) => Promise<string>,
  ): Promise<{
    booking: BookingSeen;
    fetched: BookingSeen;
    moved: BookingSeen;
    cancelled: BookingSeen;
    wrongCode: string;
    cancelAgain: string;
    status: number;
  }>;
};

const run = promisify(execFile);

for (const kind of DB_KINDS) {
  describe(`a client generated from the served OpenAPI document, on ${kind}`, () => {
    let okence: Okence;
    let base = '';
    let dir = '';
    before(async () => {
      okence = await bootTestApp(kind, { clock: fixedClock(new Date('2026-11-23T07:00:00Z')) });
      await okence.app.listen({ port: 0, host: '127.0.0.1' });
      const address = okence.app.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      dir = await mkdtemp(join(tmpdir(), 'okence-client-'));
      await symlink(resolve('node_modules'), join(dir, 'node_modules'));
    });
    after(async () => {
      await okence.close();
      await rm(dir, { recursive: true, force: true });
    });

    test('compiles under tsc --strict and drives a whole booking, switching on the problem codes', async () => {
      const served = (await (await fetch(`${base}/api/openapi.json`)).json()) as object;
      await writeFile(join(dir, 'api.ts'), astToString(await openapiTS(served as never)));
      await writeFile(join(dir, 'client.ts'), CLIENT);
      await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
      await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      const compiled = await run(process.execPath, [tsc, '-p', dir]).catch(
        (err: { stdout: string }) => err,
      );
      assert.equal(compiled.stdout, '', 'the client compiles without a diagnostic');

      const client = (await import(pathToFileURL(join(dir, 'client.ts')).href)) as Client;
      const readCode = async (email: string) => {
        const rows = await okence.handle.db
          .selectFrom('mail_outbox')
          .select('text_body')
          .where('to_address', '=', email)
          .orderBy('created_at', 'desc')
          .execute();
        return (
          /\b(\d{6})\b/.exec(
            rows.find((r) => /\b\d{6}\b/.test(r.text_body))?.text_body ?? '',
          )?.[1] ?? ''
        );
      };
      const trip = await client.bookAndManage(`${base}/api/v1`, readCode);
      assert.equal(trip.booking.state, 'confirmed');
      assert.equal(trip.fetched.id, trip.booking.id);
      assert.notEqual(trip.moved.start, trip.booking.start);
      assert.equal(trip.cancelled.state, 'cancelled');
      assert.equal(trip.wrongCode, 'wrong code, 4 left');
      assert.equal(trip.cancelAgain, 'history');
      assert.equal(trip.status, 409);
    });
  });
}
