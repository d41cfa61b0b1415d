import { randomInt } from 'node:crypto';
import type { Db } from '../db/db.ts';
import type { Clock } from '../lib/clock.ts';
import {
  afterFailure,
  claimLeaseMs,
  fromWithName,
  MAIL_WORKER_LOCK,
  MAX_ATTEMPTS,
  messageIdFor,
  SEND_TIMEOUT_MS,
} from './domain.ts';
import * as repo from './repo.ts';
import type { OutboxRow } from './repo.ts';

export type { OutboxRow };

/** A calendar invitation (RFC 5545) with its iTIP method, sent as a text/calendar part. */
export type CalendarPart = { method: 'REQUEST' | 'CANCEL'; content: string };

/** What a domain asks to send. `dedupeKey` names the occasion, e.g. `booking:<id>:confirmed`. */
export type OutgoingMail = {
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  ics?: CalendarPart;
  sender?: MailSender;
  /** Files sent with it (a submission's receipt to an office's intake address). */
  attachments?: readonly MailAttachment[];
};

/** A file attached to a message. */
export type MailAttachment = { filename: string; contentType: string; content: Uint8Array };

/** An organisation's email sender: the display name on From and where replies go (null: the installation's). */
export type MailSender = { name: string | null; replyTo: string | null };

/** One message as handed to a transport; `messageId` is the same on every try. */
export type TransportMessage = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  ics?: CalendarPart;
  messageId: string;
  replyTo?: string;
  attachments?: readonly MailAttachment[];
};

/** Something that delivers a message; it should give up when `signal` aborts. */
export type MailTransport = {
  send(message: TransportMessage, signal?: AbortSignal): Promise<{ messageId: string }>;
};

/** The part of a pino logger the worker uses. */
export type MailLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

/**
 * Queues a message. Pass the caller's transaction, so the message exists exactly
 * when what it announces was committed. A second message with the same dedupe
 * key (a retried request, a double click) is dropped. Resolves to the message's id
 * (the earlier one's when it was dropped).
 */
export async function enqueueMail(db: Db, mail: OutgoingMail, now: Date): Promise<string> {
  const id = await repo.insertMail(db, {
    dedupeKey: mail.dedupeKey,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    ics: mail.ics?.content ?? null,
    icsMethod: mail.ics?.method ?? null,
    fromName: mail.sender?.name ?? null,
    replyTo: mail.sender?.replyTo ?? null,
    attachments: mail.attachments ?? [],
    now,
  });
  return id ?? (await repo.mailIdByKey(db, mail.dedupeKey))!;
}

/** Where a message stands: what an e-mail delivery follows (submissions). */
export type MailState = {
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  sentAt: Date | null;
  lastError: string | null;
};

/** The states of messages by id (those gone are missing), in one query. */
export async function mailStates(db: Db, ids: readonly string[]): Promise<Map<string, MailState>> {
  const rows = [];
  // In chunks: a query's parameters are limited (65535 on PostgreSQL).
  for (let i = 0; i < ids.length; i += 1000)
    rows.push(...(await repo.findMails(db, ids.slice(i, i + 1000))));
  return new Map(
    rows.map((row) => [
      row.id,
      {
        state: row.state,
        attempts: row.attempts,
        nextAttemptAt: row.next_attempt_at,
        sentAt: row.sent_at,
        lastError: row.last_error,
      },
    ]),
  );
}

/**
 * One more try of a failed message, now (an admin's "retry now"); false when it is not failed.
 * Should that try fail too, the message is failed again.
 */
export async function retryFailedMail(db: Db, id: string, now: Date): Promise<boolean> {
  return repo.retryFailed(db, id, now, MAX_ATTEMPTS - 1);
}

/** The newest messages in the outbox, for the development mailbox. */
export async function listRecentMail(db: Db, limit: number): Promise<OutboxRow[]> {
  return repo.recentMail(db, limit);
}

/** One message of the outbox, or null. */
export async function getMail(db: Db, id: string): Promise<OutboxRow | null> {
  return (await repo.findMail(db, id)) ?? null;
}

/**
 * Forgets messages of one kind (`prefix` of their dedupe key, e.g. `citizen-code`) queued before
 * `before`: mail worth nothing later (a sign-in code) need not keep an address in the outbox.
 */
export async function forgetMail(db: Db, prefix: string, before: Date): Promise<number> {
  if (!/^[a-z_-]+$/.test(prefix)) throw new RangeError(`not a mail kind: ${prefix}`);
  return repo.deleteMailOfKind(db, prefix, before);
}

/** Sends through the SMTP server of `smtpUrl` (smtp:// or smtps://, with credentials if any). */
export function smtpTransport(smtpUrl: string): MailTransport {
  // nodemailer is loaded only where there is SMTP (about 9 MB of RSS, decision 028).
  const transporter = import('nodemailer').then(({ createTransport }) =>
    // nodemailer's defaults wait minutes for a silent server; a send must end well within its claim.
    createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: SEND_TIMEOUT_MS,
    }),
  );
  // A failed import shows at the first send; until then nobody awaits it.
  transporter.catch(() => {});
  return {
    async send(m, signal) {
      const info = await (
        await transporter
      ).sendMail({
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        replyTo: m.replyTo,
        // An alternative text/calendar part with ;method=…, as iMIP (RFC 6047) expects, plus an .ics attachment.
        icalEvent: m.ics && { method: m.ics.method, content: m.ics.content },
        attachments: m.attachments?.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content),
        })),
        signal,
      });
      return { messageId: info.messageId };
    },
  };
}

/** For development without SMTP: sends nothing; the message stays readable in the outbox (/dev/mail). */
export function devMailbox(): MailTransport {
  return { send: async () => ({ messageId: 'dev' }) };
}

export type MailWorker = {
  /** Polls every `pollMs` until stopped. */
  start(): void;
  /** Runs a pass soon; call it after the transaction that queued mail has committed. */
  wake(): void;
  /** Stops polling; waits for a send in flight and hands the rest of its batch back. */
  stop(): Promise<void>;
  /** One pass: claims due messages and tries each once; resolves to how many it tried. */
  runOnce(): Promise<number>;
};

/**
 * Whether a worker instance is alive: each holds an advisory lock on its id for as long
 * as its process lives (db.ts `holdLock`), and the database frees it when that dies.
 */
export type InstanceLocks = {
  holdLock(classId: number, key: number): Promise<boolean>;
  lockHeld(classId: number, key: number): Promise<boolean>;
};

/** Without a logger, problems still reach stderr as JSON lines, like the rest of the process's logs. */
const stderrLog: MailLog = {
  info: () => {},
  warn: (obj, msg) => console.error(JSON.stringify({ level: 40, ...obj, msg })),
  error: (obj, msg) => {
    const { err, ...rest } = obj as { err?: unknown };
    console.error(
      JSON.stringify({
        level: 50,
        ...rest,
        ...(err === undefined ? {} : { err: errorText(err) }),
        msg,
      }),
    );
  },
};

/**
 * Delivers the outbox: claims due rows in a short transaction, sends each outside
 * it, then records the outcome. Delivery is at least once: a worker that dies
 * after sending but before recording leaves the row to be sent again when its
 * claim lapses, with the same Message-ID.
 */
export function mailWorker(deps: {
  db: Db;
  clock: Clock;
  transport: MailTransport;
  from: string;
  log?: MailLog;
  pollMs?: number;
  batch?: number;
  /** Without them, a dead worker's claims wait for their lease. */
  locks?: InstanceLocks;
}): MailWorker {
  const { db, clock, transport, from, locks } = deps;
  const log = deps.log ?? stderrLog;
  const pollMs = deps.pollMs ?? 2000;
  const batch = deps.batch ?? 10;
  let started = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  // This instance's id on its claims, and the lock that says it is alive.
  let instance = newInstanceId();
  let alive: Promise<void> | undefined;
  let nextRecovery = 0;

  async function holdInstance(): Promise<void> {
    if (!locks) return;
    alive ??= (async () => {
      // Another live instance with the same random id: pick again.
      while (!(await locks.holdLock(MAIL_WORKER_LOCK, instance))) instance = newInstanceId();
    })().catch((err: unknown) => {
      alive = undefined;
      throw err;
    });
    await alive;
  }

  /** Takes back the claims of instances that died holding them (a crash, kill -9). */
  async function recoverDeadClaims(now: Date): Promise<void> {
    if (!locks || now.getTime() < nextRecovery) return;
    nextRecovery = now.getTime() + RECOVERY_INTERVAL_MS;
    for (const claimant of await repo.otherClaimants(db, instance, now)) {
      if (await locks.lockHeld(MAIL_WORKER_LOCK, claimant)) continue;
      const released = await repo.releaseClaimsOf(db, claimant);
      if (released > 0)
        log.warn({ claimant, released }, 'took back mail claimed by a worker that died');
    }
  }

  async function deliver(row: OutboxRow, claimedUntil: Date): Promise<void> {
    const attachments = await repo.attachmentsOf(db, row.id);
    const message: TransportMessage = {
      // The organisation's name and reply-to were fixed when the mail was queued.
      from: fromWithName(from, row.from_name),
      to: row.to_address,
      subject: row.subject,
      text: row.text_body,
      messageId: messageIdFor(row.id, from),
      ...(row.html_body !== null ? { html: row.html_body } : {}),
      ...(row.reply_to !== null ? { replyTo: row.reply_to } : {}),
      ...(row.ics !== null && row.ics_method !== null
        ? { ics: { method: row.ics_method, content: row.ics } }
        : {}),
      ...(attachments.length > 0 ? { attachments } : {}),
    };
    let sentId: string;
    try {
      sentId = (await withDeadline(SEND_TIMEOUT_MS, (signal) => transport.send(message, signal)))
        .messageId;
    } catch (err) {
      const outcome = afterFailure(row.attempts, clock.now());
      await repo.markFailed(db, row.id, claimedUntil, outcome, errorText(err));
      const fields = { mailId: row.id, attempts: row.attempts, error: errorText(err) };
      if (outcome.state === 'failed')
        log.error(fields, `mail failed ${MAX_ATTEMPTS} times; giving up`);
      else
        log.warn(
          { ...fields, nextAttemptAt: outcome.nextAttemptAt },
          'mail send failed; will retry',
        );
      return;
    }
    await repo.markSent(db, row.id, clock.now(), sentId);
    log.info({ mailId: row.id, messageId: sentId }, 'mail sent');
  }

  async function runOnce(): Promise<number> {
    await holdInstance();
    const now = clock.now();
    await recoverDeadClaims(now);
    const claimedUntil = new Date(now.getTime() + claimLeaseMs(batch));
    const rows = await repo.claimDue(db, now, claimedUntil, batch, locks ? instance : null);
    for (const [i, row] of rows.entries()) {
      if (stopping) {
        // Hand the rest back at once rather than hold them until the claim lapses after a restart.
        await repo.releaseClaims(
          db,
          rows.slice(i).map((r) => r.id),
          claimedUntil,
        );
        return i;
      }
      await deliver(row, claimedUntil);
    }
    return rows.length;
  }

  /** Passes until the due rows are drained; never rejects, so nothing escapes the timer. */
  async function pass(): Promise<void> {
    try {
      // A full batch means more may be due: keep going rather than wait for the next poll.
      while (started && (await runOnce()) === batch);
    } catch (err) {
      log.error({ err }, 'mail pass failed');
    }
  }

  function schedule(ms: number): void {
    if (!started) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref();
  }

  function tick(): void {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = pass().finally(() => {
      running = undefined;
      const soon = again;
      again = false;
      schedule(soon ? 0 : pollMs);
    });
  }

  return {
    start() {
      if (started) return;
      started = true;
      stopping = false;
      schedule(0);
    },
    wake() {
      if (!started) return;
      // A pass in flight may already have read past the new row: run one more after it.
      if (running) again = true;
      else schedule(0);
    },
    async stop() {
      started = false;
      stopping = true;
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
    runOnce,
  };
}

// A worker at start, and every half minute, looks for claims of dead instances: a crash is
// recovered at once on restart, and by the surviving instances within this interval.
const RECOVERY_INTERVAL_MS = 30_000;

/** A random positive int4, the second key of the instance's advisory lock. */
function newInstanceId(): number {
  return randomInt(1, 2 ** 31 - 1);
}

/** Runs `work` with a signal that aborts after `ms`, and rejects then even if `work` ignores the signal. */
async function withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new Error(`send took over ${ms} ms`);
      controller.abort(err);
      reject(err);
    }, ms);
    timer.unref();
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The error as one short line for last_error and the log (no stack, no message body). */
function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 1000);
}
