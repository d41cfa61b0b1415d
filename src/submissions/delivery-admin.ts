// The delivery of submissions from an organisation admin's side (decision 040): the intake
// address, the webhook receivers (added with their secret shown once, disabled, removed, sent a
// test event), the delivery states and "retry now". Each change is audited in its transaction;
// an object of another organisation is not found (404).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { staffActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { Db } from '../db/db.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { retryFailedMail } from '../mail/service.ts';
import { webhookUrlProblem } from './address.ts';
import * as repo from './delivery-repo.ts';
import { postWebhook, type Attempt } from './delivery.ts';
import { AddressRefused, resolveAllowed } from './outbound.ts';
import { newWebhookSecret } from './webhook.ts';

/** An organisation has at most this many receivers: each gets every submission. */
export const MAX_WEBHOOKS = 10;
/** The states page shows this many deliveries at a time. */
export const DELIVERIES_PAGE = 50;

const intakeEmail = z.string().trim().max(254).pipe(z.email());

const invalid = (field: string, key: MessageKey) =>
  new AppError('invalid_input', 'form rejected', { [field]: key });

export function deliveryAdmin(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  allowLoopback: boolean;
  wakeMail?: () => void;
}) {
  const { db, clock, audit, allowLoopback } = deps;

  function adminOnly(actor: StaffPrincipal): string {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    return actor.organisationId;
  }

  async function webhookOf(organisationId: string, id: string) {
    const hook = await repo.findWebhook(db, organisationId, id);
    if (!hook) throw new AppError('not_found', 'no such webhook');
    return hook;
  }

  /** The URL's own rules, then its name resolved: every address it gives must be allowed. */
  async function checkUrl(text: string): Promise<string> {
    const url = text.trim();
    const problem = webhookUrlProblem(url, allowLoopback);
    if (problem) throw invalid('url', `delivery.webhook.error.${problem}`);
    try {
      await resolveAllowed(new URL(url), allowLoopback);
    } catch (err) {
      if (err instanceof AddressRefused) throw invalid('url', 'delivery.webhook.error.address');
      throw invalid('url', 'delivery.webhook.error.unresolved');
    }
    return new URL(url).href;
  }

  async function toggle(actor: StaffPrincipal, id: string, disable: boolean): Promise<void> {
    const organisationId = adminOnly(actor);
    await db.transaction().execute(async (tx) => {
      const hook = await repo.findWebhook(tx, organisationId, id);
      if (!hook) throw new AppError('not_found', 'no such webhook');
      const changed = await repo.setWebhookDisabled(
        tx,
        organisationId,
        id,
        disable ? clock.now() : null,
      );
      if (!changed) return;
      await audit.record(tx, {
        organisationId,
        actor: staffActor(actor),
        action: disable ? 'submission_webhook.disabled' : 'submission_webhook.enabled',
        objectType: 'submission_webhook',
        objectId: id,
        summary: hook.url,
      });
    });
  }

  return {
    /** The settings page: the intake address, the receivers, and the zone times are shown in. */
    async settings(actor: StaffPrincipal) {
      const organisationId = adminOnly(actor);
      const [org, webhooks] = await Promise.all([
        repo.organisationSettings(db, organisationId),
        repo.listWebhooks(db, organisationId),
      ]);
      return { ...org, webhooks };
    },

    /** Sets or clears (empty) the intake address; audited with the old and new one. */
    async setIntakeEmail(actor: StaffPrincipal, value: string): Promise<void> {
      const organisationId = adminOnly(actor);
      let email: string | null = null;
      if (value.trim() !== '') {
        const parsed = intakeEmail.safeParse(value);
        if (!parsed.success) throw invalid('intakeEmail', 'delivery.email.error');
        email = parsed.data;
      }
      await db.transaction().execute(async (tx) => {
        const before = await repo.organisationSettings(tx, organisationId);
        if (before.intakeEmail === email) return;
        await repo.setIntakeEmail(tx, organisationId, email);
        // The office's own address, not a citizen's: it may be in the log.
        await audit.record(tx, {
          organisationId,
          actor: staffActor(actor),
          action: 'delivery_settings.intake_email_changed',
          objectType: 'delivery_settings',
          objectId: organisationId,
          detail: { intakeEmail: [before.intakeEmail, email] },
        });
      });
    },

    /** Adds a receiver; returns its secret, to be shown this once. */
    async addWebhook(
      actor: StaffPrincipal,
      input: { url: string },
    ): Promise<{ id: string; url: string; secret: string }> {
      const organisationId = adminOnly(actor);
      const url = await checkUrl(input.url);
      const secret = newWebhookSecret();
      const id = await db.transaction().execute(async (tx) => {
        const existing = await repo.listWebhooks(tx, organisationId);
        if (existing.length >= MAX_WEBHOOKS) throw invalid('url', 'delivery.webhook.error.limit');
        const id = await repo.insertWebhook(tx, { organisationId, url, secret, now: clock.now() });
        // The URL, never the secret: the log is read by every admin.
        await audit.record(tx, {
          organisationId,
          actor: staffActor(actor),
          action: 'submission_webhook.added',
          objectType: 'submission_webhook',
          objectId: id,
          summary: url,
        });
        return id;
      });
      return { id, url, secret };
    },

    /** One receiver of the admin's organisation (for the removal's confirmation). */
    async webhook(actor: StaffPrincipal, id: string): Promise<repo.WebhookRow> {
      const { secret: _secret, ...hook } = await webhookOf(adminOnly(actor), id);
      return hook;
    },

    disableWebhook: (actor: StaffPrincipal, id: string) => toggle(actor, id, true),
    enableWebhook: (actor: StaffPrincipal, id: string) => toggle(actor, id, false),

    /** Removes a receiver; its deliveries stay visible, and those still queued fail. */
    async removeWebhook(actor: StaffPrincipal, id: string): Promise<void> {
      const organisationId = adminOnly(actor);
      await db.transaction().execute(async (tx) => {
        const hook = await repo.findWebhook(tx, organisationId, id);
        if (!hook) throw new AppError('not_found', 'no such webhook');
        await repo.deleteWebhook(tx, organisationId, id);
        await audit.record(tx, {
          organisationId,
          actor: staffActor(actor),
          action: 'submission_webhook.removed',
          objectType: 'submission_webhook',
          objectId: id,
          summary: hook.url,
        });
      });
    },

    /**
     * Posts a test event (type `webhook.test`, no citizen data) to a receiver now, by the same
     * rules as a delivery, and says what happened. Audited: it reaches out of the installation.
     */
    async testWebhook(
      actor: StaffPrincipal,
      id: string,
    ): Promise<{ url: string; attempt: Attempt }> {
      const organisationId = adminOnly(actor);
      const hook = await webhookOf(organisationId, id);
      const at = clock.now();
      const body = JSON.stringify({
        type: 'webhook.test',
        timestamp: at.toISOString(),
        data: { webhook: hook.id },
      });
      const attempt = await postWebhook({
        url: hook.url,
        secret: hook.secret,
        id: `msg_test_${randomBytes(12).toString('hex')}`,
        at,
        body,
        allowLoopback,
      });
      await audit.record(db, {
        organisationId,
        actor: staffActor(actor),
        action: 'submission_webhook.tested',
        objectType: 'submission_webhook',
        objectId: hook.id,
        summary: hook.url,
        detail: attempt.delivered
          ? { delivered: true, status: attempt.status }
          : { delivered: false, status: attempt.status, reason: attempt.reason },
      });
      return { url: hook.url, attempt };
    },

    /** A page of the organisation's deliveries, newest first; `next` is the cursor of the one after. */
    async deliveries(
      actor: StaffPrincipal,
      q: { filter: repo.DeliveryFilter; submissionId?: string; before?: string },
    ): Promise<{ rows: repo.DeliveryRow[]; next: string | null; timeZone: string }> {
      const organisationId = adminOnly(actor);
      const [rows, org] = await Promise.all([
        repo.listDeliveries(db, { organisationId, ...q, limit: DELIVERIES_PAGE + 1 }),
        repo.organisationSettings(db, organisationId),
      ]);
      const more = rows.length > DELIVERIES_PAGE;
      const page = more ? rows.slice(0, DELIVERIES_PAGE) : rows;
      return { rows: page, next: more ? page[page.length - 1]!.id : null, timeZone: org.timeZone };
    },

    /**
     * One more attempt of a failed delivery, now: a webhook's is queued due now; an e-mail's
     * outbox message gets one more try. A delivery not failed (any more) is left as it is.
     */
    async retry(actor: StaffPrincipal, id: string): Promise<void> {
      const organisationId = adminOnly(actor);
      const retried = await db.transaction().execute(async (tx) => {
        const d = await repo.findDelivery(tx, organisationId, id);
        if (!d) throw new AppError('not_found', 'no such delivery');
        const now = clock.now();
        if (d.channel === 'email' && d.mailId) await retryFailedMail(tx, d.mailId, now);
        if (!(await repo.requeue(tx, id, now))) return false;
        await audit.record(tx, {
          organisationId,
          actor: staffActor(actor),
          action: 'submission_delivery.retried',
          objectType: 'submission_delivery',
          objectId: id,
          summary: d.reference,
          detail: { channel: d.channel, attempts: d.attempts, reason: d.lastError },
        });
        return d.channel === 'email';
      });
      if (retried) deps.wakeMail?.();
    },
  };
}

export type DeliveryAdmin = ReturnType<typeof deliveryAdmin>;
