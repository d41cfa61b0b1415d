import type { FastifyInstance } from 'fastify';
import type { Config } from './config/config.ts';
import { resolveSessionSecret } from './config/secret.ts';
import { openDatabase, type DatabaseHandle } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { createApp } from './http/app.ts';
import { appLogger } from './http/logger.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { jobRunner } from './lib/jobs.ts';
import { loadDemoData, type DemoAccount } from './tenants/demo-data.ts';
import { DEMO_SITUATIONS } from './situations/demo-situations.ts';
import { DEMO_FORMS } from './forms/demo-forms.ts';
import { DEMO_FEES, loadDemoFees } from './payments/demo.ts';
import { DEMO_CONTACTS } from './notices/contacts/demo.ts';
import { DEMO_NOTICES, loadDemoNotices } from './notices/demo.ts';
import type { OperatorService } from './operator/service.ts';
import type { InvitationService } from './identity/invitations.ts';
import type { OrganisationsService } from './organisations/service.ts';
import { buildServices, type Services } from './services.ts';
import { backgroundJobs, purgeFolderFiles } from './jobs.ts';
import { operatorMetrics } from './metrics.ts';
import { cardGatewayPlan } from './config/card-gateways.ts';
import { demoCardMerchant } from './payments/card/gateways.ts';
import type { PacerTime } from './lib/pacing.ts';

export type Okence = {
  app: FastifyInstance;
  handle: DatabaseHandle;
  demoAccounts: DemoAccount[];
  /** Every service, as the composition root built them (services.ts). */
  services: Services;
  /** Operator accounts and sessions, and set-password links: for the tests and tools that provision. */
  operators: OperatorService;
  invitations: InvitationService;
  /** Organisations from the operator's side (decision 023). */
  organisations: OrganisationsService;
  /** Background work that runs on timers, callable directly (tests travel in time and run it). */
  jobs: {
    queueDueReminders(): Promise<number>;
    sendMail(): Promise<number>;
    purgeFiles(): Promise<number>;
    anonymise(): Promise<{ anonymised: number; mailDeleted: number }>;
    deleteOrganisations(): Promise<number>;
  };
  close(): Promise<void>;
};

/**
 * Brings Okence up, in order: secret → database → migrations → logger → services (services.ts)
 * → demo data → listeners → HTTP app → mail worker and jobs. `close` drains (`/readyz` 503 for
 * SHUTDOWN_DELAY_SECONDS), closes the meeting sockets with 1012, stops the jobs and taking
 * requests, lets in-flight ones and job runs finish, then closes the database (and releases the
 * DATA_DIR lock).
 */
export async function bootOkence(
  config: Config,
  opts: {
    clock?: Clock;
    handle?: DatabaseHandle;
    backgroundJobs?: boolean;
    /** How paced lookups read time and wait (a test's recorder); real time when absent. */
    pacerTime?: PacerTime;
  } = {},
): Promise<Okence> {
  const sessionSecret = resolveSessionSecret(config.sessionSecret, config.dataDir);
  const handle =
    opts.handle ??
    (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  let demoGateway: Awaited<ReturnType<typeof demoCardMerchant>> | null = null;
  try {
    await migrate(handle.db);
    const clock = opts.clock ?? systemClock;
    const log = appLogger(config);
    // Trying Okence out with no gateway configured: GP webpay's emulator on loopback (never in
    // production: cardGatewayPlan).
    const plan = cardGatewayPlan(config);
    demoGateway = plan === 'emulator' ? await demoCardMerchant() : null;
    const cardMerchants = demoGateway ? [demoGateway.merchant] : config.cardMerchants;
    const services = buildServices({
      config,
      sessionSecret,
      handle,
      clock,
      log,
      cardMerchants,
      ...(opts.pacerTime ? { pacerTime: opts.pacerTime } : {}),
    });
    const { lifecycle, meeting, privacy, organisations, mail, backups } = services;
    const demoAccounts = config.demoData
      ? await loadDemoData(handle.db, services.identity.hashPassword)
      : [];
    // The demo organisations' forms and life situations, with them on a fresh database only.
    if (demoAccounts.length) {
      await services.forms.loadDemo(DEMO_FORMS);
      await services.situations.loadDemo(DEMO_SITUATIONS);
      await services.frontDoor.contacts.loadDemo(DEMO_CONTACTS);
      // The demo fee registers (decision 043); tests seed their own fees, and load these where
      // they test them (payments/form-fees.db.test.ts).
      if (config.env !== 'test') {
        const { audit } = services;
        await loadDemoFees({ db: handle.db, clock, audit, secret: sessionSecret }, DEMO_FEES);
        // The demo notice boards (decision 049), after the departments that post them.
        await loadDemoNotices({ db: handle.db, clock, files: services.files }, DEMO_NOTICES);
      }
    }
    // Trying Okence out: every configured eID provider is on for every organisation at once.
    if (config.demoData && config.env !== 'production')
      await services.eidProviders.enableEverywhere();
    await services.tenants.start();
    await meeting.start();
    if (backups) handle.lock?.answer((socket) => backups.answer(socket));
    const jobs = jobRunner(backgroundJobs(services), log);
    const app = await createApp(services, operatorMetrics(services, jobs));
    mail.start();
    // Tests that compare the database before and after a request turn the timers off, so that
    // a job's own writes (a delivery retried, a notice taken down) cannot look like the request's.
    if (opts.backgroundJobs !== false) jobs.start();
    let closing: Promise<void> | undefined;
    return {
      app,
      handle,
      demoAccounts,
      services,
      operators: services.operators,
      invitations: services.invitations,
      organisations,
      jobs: {
        queueDueReminders: () => lifecycle.queueDueReminders(),
        sendMail: () => mail.runOnce(),
        purgeFiles: () => purgeFolderFiles(services),
        anonymise: () => privacy.runRetention(),
        deleteOrganisations: () => organisations.runDueDeletions(),
      },
      close: () =>
        (closing ??= (async () => {
          // Draining (decision 055): /readyz answers 503 for the delay, so the proxy's health
          // check stops sending; then the sockets close with 1012, requests in flight and job
          // runs finish, and the database closes.
          services.drain.begin();
          if (config.shutdownDelayMs > 0)
            await new Promise((r) => setTimeout(r, config.shutdownDelayMs));
          await Promise.all([jobs.stop(), app.close()]);
          await meeting.stop();
          await mail.stop();
          handle.lock?.answer(null);
          backups?.stop();
          await demoGateway?.close();
          await handle.close();
        })()),
    };
  } catch (err) {
    await demoGateway?.close();
    await handle.close();
    throw err;
  }
}
