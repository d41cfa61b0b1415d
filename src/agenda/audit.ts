import type { Db } from '../db/db.ts';
import type { AuditActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { BookingLifecycle, BookingView } from '../booking/lifecycle.ts';
import { localize } from '../i18n/i18n.ts';
import type { RoomAction } from '../meeting/domain.ts';

/** Writes one audit entry about a booking, in the caller's transaction. */
export type BookingAudit = (
  tx: Db,
  actor: AuditActor,
  action: string,
  b: BookingView,
  detail?: Record<string, unknown>,
) => Promise<void>;

/** Audit entries about a booking, named by its service and office (never by the citizen). */
export function bookingAudit(audit: AuditService): BookingAudit {
  const serviceName = (b: BookingView) =>
    localize(
      b.target.service.name,
      b.target.organisation.defaultLanguage,
      b.target.organisation.defaultLanguage,
    );
  return (tx, actor, action, b, detail = {}) =>
    audit.record(tx, {
      organisationId: b.target.organisation.id,
      actor,
      action,
      objectType: 'booking',
      objectId: b.id,
      summary: `${serviceName(b)} · ${b.target.office.slug}`,
      detail: {
        start: b.start.toISOString(),
        officeId: b.target.office.id,
        serviceId: b.target.service.id,
        ...detail,
      },
    });
}

/**
 * Ending a meeting, marking a no-show or checking identity from inside the room is audited like
 * the agenda's buttons. The booking is read before the meeting's transaction (PGlite has one
 * connection, which the transaction holds); the returned function writes the entry inside it.
 */
export function roomAudit(deps: { audit: AuditService; lifecycle: BookingLifecycle }) {
  const audited = bookingAudit(deps.audit);
  return async (
    bookingId: string,
    who: { id: string; name: string },
    action: RoomAction,
    detail?: Record<string, unknown>,
  ): Promise<(tx: Db) => Promise<void>> => {
    const b = await deps.lifecycle.byId(bookingId);
    return async (tx) => {
      // The room's socket does not keep the address it came from.
      if (b) await audited(tx, { staffId: who.id, name: who.name, ip: null }, action, b, detail);
    };
  };
}
