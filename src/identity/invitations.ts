import { randomBytes } from 'node:crypto';
import type { Db } from '../db/db.ts';
import type { AuditActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import { localize, translator, type Lang, type Localized, type MessageKey } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { enqueueMail } from '../mail/service.ts';
import { whenPhrase } from '../views/dates.ts';
import {
  INVITATION_TTL_HOURS,
  INVITATION_TTL_MS,
  invitationState,
  normaliseEmail,
} from './domain.ts';
import { hashPassword } from './password.ts';
import { checkPassword } from './password-policy.ts';
import { hashToken } from './service.ts';
import * as repo from './invitation-repo.ts';

/** Where a set-password link points; its token is the last path segment (masked in logs). */
export const SET_PASSWORD_PATH = '/set-password';

/**
 * Whom a link is for: an operator, an existing staff account (sent again), or a new staff
 * account, created here without a password (the organisation's first admin, a new official).
 */
export type InviteTarget =
  | { kind: 'operator'; operatorId: string }
  | { kind: 'staff'; staffId: string }
  | ({ kind: 'staff' } & repo.NewStaff);

/** Who sends it: the name the mail and the dead-link page show, and the actor the audit log records. */
export type Inviter = { name: string; actor: AuditActor };

/** A link just made: its URL (printed by the CLI; the mail carries it too) and when it stops working. */
export type Invitation = {
  url: string;
  expiresAt: Date;
  email: string;
  operatorId: string | null;
  staffId: string | null;
};

/** What the set-password page shows for a token. */
export type LinkView =
  | {
      state: 'open';
      email: string;
      name: string;
      kind: 'operator' | 'staff';
      expiresAt: Date;
      timeZone: string;
    }
  | { state: 'used' | 'expired'; invitedBy: string; kind: 'operator' | 'staff' }
  | { state: 'unknown' };

/** The account whose password was just set through a link. */
export type PasswordSet =
  { kind: 'operator'; operatorId: string } | { kind: 'staff'; staffId: string };

/**
 * One-time links to set a password ("invitations"), the same for operators and staff. The link
 * carries 32 random bytes; the database keeps their SHA-256. A link works once, for
 * INVITATION_TTL_MS, and dies when a new one is sent for the same account. The mail goes
 * through the outbox in the same transaction as the link and the audit entry.
 */
export function invitationService(deps: {
  db: Db;
  clock: Clock;
  publicUrl: URL;
  audit: AuditService;
  wakeMail?: () => void;
}) {
  const { db, clock } = deps;

  async function inviteIn(
    tx: Db,
    target: InviteTarget,
    by: Inviter,
    lang: Lang | undefined,
  ): Promise<Invitation> {
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
    const token = randomBytes(32).toString('base64url');
    const url = new URL(`${SET_PASSWORD_PATH}/${token}`, deps.publicUrl).href;
    if (target.kind === 'operator') {
      const operator = await repo.operatorForInvitation(tx, target.operatorId);
      if (!operator) throw new AppError('not_found', 'no such operator');
      await repo.expireOpenInvitations(tx, { operatorId: operator.id }, now);
      await repo.insertInvitation(tx, {
        tokenHash: hashToken(token),
        operatorId: operator.id,
        staffId: null,
        invitedBy: by.name,
        createdAt: now,
        expiresAt,
      });
      const l = lang ?? 'en';
      await enqueueMail(
        tx,
        operatorMail(l, { to: operator.email, url, expiresAt, token, site: deps.publicUrl.host }),
        now,
      );
      await deps.audit.record(tx, {
        organisationId: null,
        actor: by.actor,
        action: 'operator.invited',
        objectType: 'operator',
        objectId: operator.id,
        summary: operator.email,
        detail: { expiresAt: expiresAt.toISOString() },
      });
      return { url, expiresAt, email: operator.email, operatorId: operator.id, staffId: null };
    }
    const created = 'staffId' in target ? null : await createStaff(tx, target);
    const staffId = 'staffId' in target ? target.staffId : created!;
    const staff = await repo.staffForInvitation(tx, staffId);
    if (!staff) throw new AppError('not_found', 'no such account');
    if (staff.passwordHash) throw new AppError('conflict', 'the account already has a password');
    await repo.expireOpenInvitations(tx, { staffId }, now);
    await repo.insertInvitation(tx, {
      tokenHash: hashToken(token),
      operatorId: null,
      staffId,
      invitedBy: by.name,
      createdAt: now,
      expiresAt,
    });
    const l = lang ?? staff.language;
    await enqueueMail(
      tx,
      staffMail(l, {
        to: staff.email,
        name: staff.name,
        role: staff.role,
        organisation: staff.organisationName,
        inviter: by.name,
        url,
        expiresAt,
        timeZone: staff.timeZone,
        token,
      }),
      now,
    );
    await deps.audit.record(tx, {
      organisationId: staff.organisationId,
      actor: by.actor,
      action: created ? 'staff.invited' : 'staff.invited_again',
      objectType: 'staff',
      objectId: staffId,
      summary: staff.name,
      detail: {
        email: staff.email,
        role: staff.role,
        expiresAt: expiresAt.toISOString(),
        ...(created
          ? {
              officeIds:
                target.kind === 'staff' && 'officeIds' in target ? (target.officeIds ?? []) : [],
            }
          : {}),
      },
    });
    return { url, expiresAt, email: staff.email, operatorId: null, staffId };
  }

  /** A new account; an address that already signs in anywhere is `invalid_input` on `email` (one address, one account). */
  async function createStaff(tx: Db, s: repo.NewStaff): Promise<string> {
    const email = normaliseEmail(s.email);
    if (await repo.staffEmailTaken(tx, email))
      throw new AppError('invalid_input', 'email taken', {
        email: 'identity.error.email_taken' satisfies MessageKey,
      });
    return repo.insertInvitedStaff(tx, { ...s, email });
  }

  return {
    /**
     * Makes a link and queues its mail. In `opts.tx` (the caller's transaction: the new
     * organisation, account and link commit together; the mail worker then sends it on its
     * next pass), or in a transaction of its own, after which the mail worker is woken.
     * A new link ends the account's earlier ones. A staff account that already has a password
     * gets none (409 `conflict`).
     */
    async invite(
      target: InviteTarget,
      by: Inviter,
      opts: { tx?: Db; lang?: Lang } = {},
    ): Promise<Invitation> {
      if (opts.tx) return inviteIn(opts.tx, target, by, opts.lang);
      const made = await db.transaction().execute((tx) => inviteIn(tx, target, by, opts.lang));
      deps.wakeMail?.();
      return made;
    },

    /** Call after committing a transaction that made links with `tx`: the mail worker sends them now rather than on its next pass. */
    wakeMail(): void {
      deps.wakeMail?.();
    },

    /** What the link's page shows: the form while it is open, otherwise why it no longer works. */
    async view(token: string): Promise<LinkView> {
      const link = await repo.findInvitation(db, hashToken(token));
      if (!link) return { state: 'unknown' };
      const kind = link.operatorId ? 'operator' : 'staff';
      const state = invitationState(link, clock.now());
      if (state !== 'open') return { state, invitedBy: link.invitedBy, kind };
      if (link.operatorId) {
        const operator = await repo.operatorForInvitation(db, link.operatorId);
        if (!operator) return { state: 'unknown' };
        return {
          state,
          kind,
          email: operator.email,
          name: '',
          expiresAt: link.expiresAt,
          timeZone: 'UTC',
        };
      }
      const staff = await repo.staffForInvitation(db, link.staffId!);
      if (!staff) return { state: 'unknown' };
      return {
        state,
        kind,
        email: staff.email,
        name: staff.name,
        expiresAt: link.expiresAt,
        timeZone: staff.timeZone,
      };
    },

    /**
     * Sets the password through a link. The policy is the staff policy (ASVS V2.1). The link is
     * used up in the same transaction, so two posts of one link set one password. Throws
     * `invalid_input` with `password` for a weak password, `not_found` for a dead link.
     */
    async setPassword(
      token: string,
      password: string,
      ip: string | null = null,
    ): Promise<PasswordSet> {
      const view = await this.view(token);
      if (view.state !== 'open') throw new AppError('not_found', 'the link no longer works');
      const problems = checkPassword(password, { email: view.email, name: view.name });
      if (problems.length)
        throw new AppError('invalid_input', 'weak password', {
          password: problems.map((p) => `identity.password.problem.${p}`).join('|'),
        });
      const hash = await hashPassword(password);
      const tokenHash = hashToken(token);
      return db.transaction().execute(async (tx) => {
        const now = clock.now();
        if (!(await repo.useInvitation(tx, tokenHash, now)))
          throw new AppError('not_found', 'the link no longer works');
        const link = (await repo.findInvitation(tx, tokenHash))!;
        if (link.operatorId) {
          await repo.setOperatorPassword(tx, link.operatorId, hash);
          await deps.audit.record(tx, {
            organisationId: null,
            actor: { operatorId: link.operatorId, name: view.email, ip },
            action: 'operator.password_set',
            objectType: 'operator',
            objectId: link.operatorId,
            summary: view.email,
          });
          return { kind: 'operator', operatorId: link.operatorId };
        }
        const staff = (await repo.staffForInvitation(tx, link.staffId!))!;
        await repo.setStaffPassword(tx, staff.id, hash);
        await deps.audit.record(tx, {
          organisationId: staff.organisationId,
          actor: { staffId: staff.id, name: staff.name, ip },
          action: 'password.set',
          objectType: 'staff',
          objectId: staff.id,
          summary: staff.name,
        });
        return { kind: 'staff', staffId: staff.id };
      });
    },
  };
}

export type InvitationService = ReturnType<typeof invitationService>;

type MailFacts = { to: string; url: string; expiresAt: Date; token: string };

/** The mail to a staff member, in their organisation's language and zone. */
function staffMail(
  lang: Lang,
  f: MailFacts & {
    name: string;
    role: 'admin' | 'official';
    organisation: Localized;
    inviter: string;
    timeZone: string;
  },
) {
  const t = translator(lang);
  const organisation = localize(f.organisation, lang, lang);
  const text = [
    t('identity.invite.mail.greeting'),
    '',
    t('identity.invite.mail.staff_intro', {
      organisation,
      role: t(f.role === 'admin' ? 'identity.role.admin' : 'identity.role.official'),
      inviter: f.inviter,
    }),
    '',
    t('identity.invite.mail.action'),
    f.url,
    '',
    t('identity.invite.mail.expiry', {
      hours: INVITATION_TTL_HOURS,
      when: whenPhrase(f.expiresAt, f.timeZone, lang),
    }),
    t('identity.invite.mail.expired_staff', { inviter: f.inviter }),
    '',
    t('identity.invite.mail.ignore'),
  ].join('\n');
  // One key per link: a new link for the same account is a new mail.
  return {
    dedupeKey: `invitation:${hashToken(f.token)}`,
    to: f.to,
    subject: t('identity.invite.mail.subject' satisfies MessageKey),
    text,
  };
}

/** The mail to an operator (the command line chooses the language; times in UTC, as servers keep them). */
function operatorMail(lang: Lang, f: MailFacts & { site: string }) {
  const t = translator(lang);
  const text = [
    t('identity.invite.mail.greeting'),
    '',
    t('identity.invite.mail.operator_intro', { site: f.site }),
    '',
    t('identity.invite.mail.action_operator'),
    f.url,
    '',
    t('identity.invite.mail.expiry', {
      hours: INVITATION_TTL_HOURS,
      when: `${whenPhrase(f.expiresAt, 'UTC', lang)} UTC`,
    }),
    t('identity.invite.mail.expired_operator'),
    '',
    t('identity.invite.mail.ignore'),
  ].join('\n');
  return {
    dedupeKey: `invitation:${hashToken(f.token)}`,
    to: f.to,
    subject: t('identity.invite.mail.subject_operator'),
    text,
  };
}
