import type { FastifyInstance } from 'fastify';
import type { Config } from './config/config.ts';
import { resolveSessionSecret } from './config/secret.ts';
import { openDatabase, type DatabaseHandle } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { createApp } from './http/app.ts';
import { identityService } from './identity/service.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { loadDemoData, type DemoAccount } from './tenants/demo-data.ts';
import { tenantsService } from './tenants/service.ts';
import { bookingService } from './booking/service.ts';
import { bookingLifecycle } from './booking/lifecycle.ts';
import { meetingService } from './meeting/service.ts';
import { fileSafety } from './files/service.ts';
import { folderService } from './folder/service.ts';
import { auditService } from './audit/service.ts';
import { privacyService } from './privacy/service.ts';
import { operatorService, type OperatorService } from './operator/service.ts';
import { invitationService, type InvitationService } from './identity/invitations.ts';
import { connectedOrganisations, type OrganisationsService } from './organisations/service.ts';
import { join } from 'node:path';
import { devMailbox, mailWorker, smtpTransport, type MailWorker } from './mail/service.ts';
import { backupResponder } from './backup/socket.ts';

export type Okence = {
  app: FastifyInstance;
  handle: DatabaseHandle;
  demoAccounts: DemoAccount[];
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
 * Brings Okence up, in order: secret → database → migrations → demo data →
 * services → HTTP app. `close` stops taking requests, lets in-flight ones
 * finish, then closes the database (and releases the DATA_DIR lock).
 */
export async function bootOkence(
  config: Config,
  opts: { clock?: Clock; handle?: DatabaseHandle } = {},
): Promise<Okence> {
  const sessionSecret = resolveSessionSecret(config.sessionSecret, config.dataDir);
  const handle =
    opts.handle ??
    (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  try {
    await migrate(handle.db);
    const clock = opts.clock ?? systemClock;
    const identity = identityService({ db: handle.db, clock });
    const demoAccounts = config.demoData
      ? await loadDemoData(handle.db, identity.hashPassword)
      : [];
    const tenants = tenantsService({ handle });
    await tenants.start();
    const booking = bookingService({ db: handle.db, clock });
    // The worker needs the app's logger, the app needs the lifecycle, the lifecycle wakes the worker.
    const mailRef: { worker?: MailWorker } = {};
    const folderRef: { closeFor?(bookingId: string): Promise<void> } = {};
    const lifecycle = bookingLifecycle({
      db: handle.db,
      clock,
      secret: sessionSecret,
      publicUrl: config.publicUrl,
      booking,
      tenants,
      wakeMail: () => mailRef.worker?.wake(),
      // A cancelled or moved booking's folder closes with the time it belonged to.
      onChanged: (bookingId) =>
        void folderRef
          .closeFor?.(bookingId)
          .catch((err: unknown) => logRef.error({ err }, 'closing the meeting folder failed')),
    });
    const logRef: {
      info(obj: object, msg: string): void;
      warn(obj: object, msg: string): void;
      error(obj: object, msg: string): void;
    } = {
      info: (obj, msg) => console.log(msg, obj),
      warn: (obj, msg) => console.warn(msg, obj),
      error: (obj, msg) => console.error(msg, obj),
    };
    const meeting = meetingService({
      handle,
      clock,
      publicUrl: config.publicUrl,
      lifecycle,
      tenants,
      log: { warn: (obj, msg) => logRef.warn(obj, msg) },
      ice: {
        turnUrls: config.turnUrls,
        turnSecret: config.turnSecret,
        relayOnly: config.relayOnly,
      },
    });
    await meeting.start();
    // The file-safety pipeline: one per process, for every domain that takes files (decision 027).
    const files = fileSafety({
      config: config.files,
      log: { error: (obj, msg) => logRef.error(obj, msg) },
    });
    const folders = folderService({
      handle,
      clock,
      meeting,
      files,
      config: config.files,
      log: {
        warn: (obj, msg) => logRef.warn(obj, msg),
        error: (obj, msg) => logRef.error(obj, msg),
      },
    });
    folderRef.closeFor = (bookingId) => folders.closeFor(bookingId);
    // `npm run backup` asks this process, which holds DATA_DIR, over the lock's socket (decision 024).
    const snapshot = handle.snapshot?.bind(handle);
    const backups =
      snapshot && handle.lock
        ? backupResponder({
            source: {
              dataDir: config.dataDir,
              filesDir: config.files.dir,
              snapshot,
              holdDeletions: () => folders.holdDeletions(),
              sessionSecret: {
                value: sessionSecret,
                fromEnvironment: config.sessionSecret !== undefined,
              },
            },
            now: () => clock.now(),
            log: {
              info: (obj, msg) => logRef.info(obj, msg),
              warn: (obj, msg) => logRef.warn(obj, msg),
            },
          })
        : null;
    if (backups) handle.lock?.answer((socket) => backups.answer(socket));
    const audit = auditService({ db: handle.db, clock });
    const privacy = privacyService({
      db: handle.db,
      clock,
      tenants,
      lifecycle,
      audit,
      reclaim: (tables) => handle.reclaim(tables),
    });
    const operators = operatorService({ db: handle.db, clock, sessionSecret, audit });
    const invitations = invitationService({
      db: handle.db,
      clock,
      publicUrl: config.publicUrl,
      audit,
      wakeMail: () => mailRef.worker?.wake(),
    });
    // Organisations from the operator's side; a suspension closes the staff's live sockets.
    const organisations = connectedOrganisations({
      db: handle.db,
      clock,
      audit,
      invitations,
      exportsDir: join(config.dataDir, 'exports'),
      filesDir: config.files.dir,
      published: async () => {
        await tenants.changed();
        booking.invalidate();
      },
      closeSockets: (staffId) => meeting.hub.endStaff(staffId),
      wakeMail: () => mailRef.worker?.wake(),
      log: { error: (obj, msg) => logRef.error(obj, msg) },
    });
    const app = await createApp({
      config,
      sessionSecret,
      handle,
      tenants,
      identity,
      booking,
      lifecycle,
      meeting,
      folders,
      audit,
      privacy,
      operators,
      invitations,
      organisations,
      clock,
    });
    logRef.info = (obj, msg) => app.log.info(obj, msg);
    logRef.warn = (obj, msg) => app.log.warn(obj, msg);
    logRef.error = (obj, msg) => app.log.error(obj, msg);
    // Without SMTP_URL (development) mail stays in the outbox, readable at /dev/mail.
    const mail = mailWorker({
      db: handle.db,
      clock,
      transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : devMailbox(),
      from: config.mailFrom,
      log: app.log,
      // Claims of an instance that died (this one before a restart, or another) are taken back at once.
      locks: handle,
    });
    mailRef.worker = mail;
    mail.start();
    // Reminders are checked every minute; queuing is idempotent across instances.
    const reminders = setInterval(() => {
      lifecycle
        .queueDueReminders()
        .catch((err: unknown) => app.log.error({ err }, 'queuing reminders failed'));
    }, 60_000);
    reminders.unref();
    // Large live events are relayed through a table on PostgreSQL; a minute later every instance has read them.
    const relayPrune = setInterval(() => {
      meeting
        .pruneRelay()
        .catch((err: unknown) => app.log.error({ err }, 'pruning meeting relay failed'));
    }, 60_000);
    relayPrune.unref();
    // Meeting folders past their grace period lose their files; the state is in the
    // database, so a restart (or another instance) picks up where this one stopped.
    // Spool files a crash left behind go with them (at start, and then once they are stale).
    const purgeFiles = () =>
      Promise.all([folders.purgeDue(), files.cleanStaleParts()]).catch((err: unknown) =>
        app.log.error({ err }, 'deleting folder files failed'),
      );
    void purgeFiles();
    const filePurge = setInterval(() => void purgeFiles(), 60_000);
    filePurge.unref();
    // Personal data past each organisation's retention is anonymised at start and every hour
    // (retention counts in days, so an hour late is nothing); SKIP LOCKED lets instances share it.
    let retentionRun: Promise<unknown> = Promise.resolve();
    const anonymise = () =>
      (retentionRun = privacy
        .runRetention()
        .catch((err: unknown) => app.log.error({ err }, 'the retention job failed')));
    void anonymise();
    const retention = setInterval(() => void anonymise(), 3_600_000);
    retention.unref();
    // Organisations whose deletion waiting period is over are exported and deleted (decision 023).
    let deletionRun: Promise<unknown> = Promise.resolve();
    const deleteDue = () =>
      (deletionRun = organisations
        .runDueDeletions()
        .catch((err: unknown) => app.log.error({ err }, 'deleting organisations failed')));
    void deleteDue();
    const deletions = setInterval(() => void deleteDue(), 3_600_000);
    deletions.unref();
    let closing: Promise<void> | undefined;
    return {
      app,
      handle,
      demoAccounts,
      operators,
      invitations,
      organisations,
      jobs: {
        queueDueReminders: () => lifecycle.queueDueReminders(),
        sendMail: () => mail.runOnce(),
        purgeFiles: async () =>
          (await Promise.all([folders.purgeDue(), files.cleanStaleParts()]))[0],
        anonymise: () => privacy.runRetention(),
        deleteOrganisations: () => organisations.runDueDeletions(),
      },
      close: () =>
        (closing ??= (async () => {
          clearInterval(reminders);
          clearInterval(relayPrune);
          clearInterval(filePurge);
          clearInterval(retention);
          clearInterval(deletions);
          await retentionRun;
          await deletionRun;
          await app.close();
          await meeting.stop();
          await mail.stop();
          handle.lock?.answer(null);
          backups?.stop();
          await handle.close();
        })()),
    };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
