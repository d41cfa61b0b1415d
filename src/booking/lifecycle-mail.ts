// A booking as its pages and mails see it (BookingView, with its join and manage links), and the
// mails the lifecycle queues about it, each with its calendar invitation. Split from lifecycle.ts,
// whose steps (lifecycle.ts, lifecycle-changes.ts) all build on these.
import { createHash } from 'node:crypto';
import type { Db } from '../db/db.ts';
import { localize, type Lang } from '../i18n/i18n.ts';
import { enqueueMail } from '../mail/service.ts';
import { linkToken } from './codes.ts';
import { bookingEmail, type BookingFacts } from './emails.ts';
import { buildInvite } from './ics.ts';
import type { LifecycleDeps } from './lifecycle.ts';
import * as repo from './lifecycle-repo.ts';
import type { BookingTarget } from './service.ts';

/** What is stored of a link token: its SHA-256, so a database copy opens no appointment. */
export const linkHash = (s: string) => createHash('sha256').update(s).digest('hex');

/** A booking as pages, mails and other domains see it: its place, the citizen and the links. */
export type BookingView = {
  id: string;
  state: repo.BookingRow['state'];
  start: Date;
  end: Date;
  past: boolean;
  target: BookingTarget & { officialName: string | null };
  name: string;
  email: string;
  phone: string | null;
  notes: string | null;
  language: Lang;
  icsSequence: number;
  joinUrl: string;
  manageUrl: string;
};

/** Builds BookingViews from rows and queues the citizen's mails about a booking. */
export function lifecycleMail(
  deps: Pick<LifecycleDeps, 'clock' | 'secret' | 'publicUrl' | 'tenants'>,
) {
  const { clock, secret } = deps;
  const url = (path: string) => new URL(path, deps.publicUrl).href;
  const links = (id: string) => ({
    join: url(`/j/${linkToken(secret, 'join', id)}`),
    manage: url(`/m/${linkToken(secret, 'manage', id)}`),
  });

  async function view(row: repo.BookingRow): Promise<BookingView> {
    const target = await deps.tenants.bookingTargetById(
      row.organisationId,
      row.officeId,
      row.serviceId,
      row.staffId,
    );
    const l = links(row.id);
    return {
      id: row.id,
      state: row.state,
      start: row.start,
      end: row.end,
      past: row.end <= clock.now(),
      target,
      name: row.name,
      email: row.email,
      phone: row.phone,
      notes: row.notes,
      language: row.language,
      icsSequence: row.icsSequence,
      joinUrl: l.join,
      manageUrl: l.manage,
    };
  }

  function facts(v: BookingView): BookingFacts {
    const fb = v.target.organisation.defaultLanguage;
    const o = v.target.office;
    return {
      service: localize(v.target.service.name, v.language, fb),
      office: localize(o.name, v.language, fb),
      address: `${o.street}, ${o.postcode} ${o.city}`,
      official: v.target.officialName,
      start: v.start,
      end: v.end,
      timeZone: o.timeZone,
    };
  }

  /**
   * The calendar invitation of a booking: UID from its id, the office as organizer, the citizen
   * as attendee. Every booking made here is a video appointment (the pages and the API book
   * only services held by video), so it takes place at its join link: LOCATION and URL carry
   * it, which calendars show as the way in; the manage link and the office's address are in
   * the description (the email's text).
   */
  function inviteFor(
    v: BookingView,
    method: 'REQUEST' | 'CANCEL',
    sequence: number,
    description: string,
  ): string {
    const f = facts(v);
    const org = v.target.organisation;
    return buildInvite({
      method,
      uid: `${v.id}@okence`,
      sequence,
      start: v.start,
      end: v.end,
      stamp: clock.now(),
      summary: `${f.service} — ${f.office}`,
      description,
      location: v.joinUrl,
      url: v.joinUrl,
      organizer: {
        name: localize(org.name, v.language, org.defaultLanguage),
        email: v.target.office.email ?? org.email ?? 'no-reply@okence.invalid',
      },
      attendee: { name: v.name, email: v.email },
    });
  }

  /** Queues the email for a booking event, with its invitation (REQUEST, or CANCEL). */
  async function queueBookingMail(
    tx: Db,
    kind: 'confirmed' | 'cancelled' | 'moved',
    v: BookingView,
    sequence: number,
    reason?: string,
  ): Promise<void> {
    const f = facts(v);
    const mail = bookingEmail(
      kind,
      v.language,
      f,
      { join: v.joinUrl, manage: v.manageUrl },
      reason,
    );
    const method = kind === 'cancelled' ? 'CANCEL' : 'REQUEST';
    const ics = inviteFor(v, method, sequence, mail.text);
    await enqueueMail(
      tx,
      {
        dedupeKey: `booking:${v.id}:${kind}:${sequence}`,
        to: v.email,
        subject: mail.subject,
        text: mail.text,
        ics: { method, content: ics },
        sender: v.target.organisation.mailSender,
      },
      clock.now(),
    );
  }

  return {
    view,
    facts,
    queueBookingMail,

    /** The current invitation of a booking (REQUEST, or CANCEL once cancelled), for download. */
    invite: (v: BookingView): string => {
      const kind = v.state === 'cancelled' ? 'cancelled' : 'confirmed';
      const text = bookingEmail(kind, v.language, facts(v), {
        join: v.joinUrl,
        manage: v.manageUrl,
      }).text;
      return inviteFor(v, kind === 'cancelled' ? 'CANCEL' : 'REQUEST', v.icsSequence, text);
    },

    /**
     * Tells the citizen, in the caller's transaction, that the office recorded them as not
     * attending, or took that back (decision: a record about a person is not made behind their
     * back; the e-mail names the office's contact for a mistake). Each event has its own mail.
     */
    queueNoShowMail: async (
      tx: Db,
      bookingId: string,
      kind: 'no_show' | 'no_show_undone',
      at: Date,
    ): Promise<void> => {
      const row = await repo.findBooking(tx, bookingId);
      if (!row) return;
      const v = await view(row);
      const o = v.target.office;
      const contact = [
        o.email ?? v.target.organisation.email,
        o.phone ?? v.target.organisation.phone,
      ]
        .filter(Boolean)
        .join(', ');
      const mail = bookingEmail(
        kind,
        v.language,
        facts(v),
        { join: v.joinUrl, manage: v.manageUrl },
        undefined,
        contact || null,
      );
      await enqueueMail(
        tx,
        {
          dedupeKey: `booking:${v.id}:${kind}:${at.getTime()}`,
          to: v.email,
          subject: mail.subject,
          text: mail.text,
          sender: v.target.organisation.mailSender,
        },
        clock.now(),
      );
    },
  };
}

export type LifecycleMail = ReturnType<typeof lifecycleMail>;
