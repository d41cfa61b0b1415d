import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auditService } from '../audit/service.ts';
import type { DatabaseHandle } from '../db/db.ts';
import { formsService } from '../forms/service.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { Clock } from '../lib/clock.ts';
import { deliveryAdmin } from './delivery-admin.ts';
import { submissionsService } from './service.ts';

const FORM = {
  format: 1,
  languages: ['cs', 'en'],
  title: { cs: 'Vítání občánků', en: 'Welcoming newborns' },
  assurance: 'low',
  pages: [
    {
      id: 'child',
      title: { cs: 'Dítě', en: 'The child' },
      questions: [{ id: 'name', type: 'text', label: { cs: 'Jméno', en: 'Name' }, required: true }],
    },
  ],
};

export const SUBMITTER = {
  givenName: 'Jana',
  familyName: 'Nováková',
  address: { text: 'Záhumenní 1, 742 21 Kopřivnice', country: 'CZ' },
  email: 'jana@example.cz',
};

/**
 * A Czech organisation with an admin and a published form, and the submissions and delivery
 * services over it, for the delivery tests.
 */
export async function deliveryFixture(
  handle: DatabaseHandle,
  clock: Clock,
  opts: { slug: string; allowLoopback?: boolean; intakeEmail?: string },
) {
  const db = handle.db;
  const audit = auditService({ db, clock });
  const forms = formsService({ db, clock, audit });
  const allowLoopback = opts.allowLoopback ?? true;
  const submissions = submissionsService({ db, clock, forms, allowLoopback });
  const admin = deliveryAdmin({ db, clock, audit, allowLoopback });
  const org = await db
    .insertInto('organisation')
    .values({
      slug: opts.slug,
      country: 'CZ',
      default_language: 'cs',
      time_zone: 'Europe/Prague',
      currency: 'CZK',
      name: JSON.stringify({ cs: 'Město Kopřivnice' }),
      intake_email: opts.intakeEmail ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const staff = await db
    .insertInto('staff')
    .values({
      organisation_id: org.id,
      email: `admin@${opts.slug}.example`,
      display_name: 'Admin',
      role: 'admin',
      password_hash: 'x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const principal: StaffPrincipal = {
    id: staff.id,
    organisationId: org.id,
    role: 'admin',
    displayName: 'Admin',
    email: `admin@${opts.slug}.example`,
  };
  const { formId } = await forms.create(principal, { slug: 'vitani', definition: FORM });
  await forms.publish(principal, formId);
  const send = (name: string) =>
    submissions.submit({
      organisationId: org.id,
      formSlug: 'vitani',
      answers: { name },
      lang: 'cs',
      submitter: SUBMITTER,
    });
  return { organisationId: org.id, admin: principal, submissions, deliveries: admin, send, audit };
}

/** A receiving system on loopback: keeps each message's headers and body; answers `status`. */
export function loopbackReceiver() {
  const got: { headers: IncomingHttpHeaders; body: string }[] = [];
  let status = 204;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  return {
    got,
    answer: (s: number) => (status = s),
    listen: () =>
      new Promise<number>((r) =>
        server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)),
      ),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * A receiver and a failed delivery of a submission in an organisation (the authorisation
 * sweep's victims): their ids and the receiver's URL, which no other caller may see.
 */
export async function seedDeliveryObjects(
  db: DatabaseHandle['db'],
  organisationId: string,
  formId: string,
  now: Date,
): Promise<{ ids: { webhook: string; delivery: string }; url: string; reference: string }> {
  const o = { organisationId, formId, now, marker: randomBytes(4).toString('hex') };
  // A documentation address: refused before any connection, so a test event ends at once.
  const url = `https://192.0.2.1/victim-${o.marker}`;
  const hook = await db
    .insertInto('submission_webhooks')
    .values({
      organisation_id: o.organisationId,
      url,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      created_at: o.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const submission = await db
    .insertInto('submissions')
    .values({
      organisation_id: o.organisationId,
      form_id: o.formId,
      form_version: 1,
      reference: `SWEEP/${o.marker}`,
      year: 2026,
      seq: randomInt(100_000, 2 ** 31 - 1),
      submitter: JSON.stringify({}),
      language: 'cs',
      answers: JSON.stringify({}),
      receipt_token_hash: randomBytes(32).toString('hex'),
      submitted_at: o.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const delivery = await db
    .insertInto('submission_deliveries')
    .values({
      submission_id: submission.id,
      webhook_id: hook.id,
      channel: 'webhook',
      target: url,
      state: 'failed',
      attempts: 8,
      last_error: 'HTTP 503',
      failed_at: o.now,
      created_at: o.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ids: { webhook: hook.id, delivery: delivery.id }, url, reference: `SWEEP/${o.marker}` };
}

/** The organisations' receivers, intake addresses and deliveries, for a snapshot that must not change. */
export async function deliveryRows(db: DatabaseHandle['db'], organisationIds: string[]) {
  return {
    submission_webhooks: await db
      .selectFrom('submission_webhooks')
      .selectAll()
      .where('organisation_id', 'in', organisationIds)
      .orderBy('id')
      .execute(),
    submission_deliveries: await db
      .selectFrom('submission_deliveries as d')
      .innerJoin('submissions as s', 's.id', 'd.submission_id')
      .selectAll('d')
      .where('s.organisation_id', 'in', organisationIds)
      .orderBy('d.id')
      .execute(),
    intake_email: await db
      .selectFrom('organisation')
      .select(['id', 'intake_email'])
      .where('id', 'in', organisationIds)
      .orderBy('id')
      .execute(),
  };
}
