import { createHash } from 'node:crypto';
import type { Db } from '../db/db.ts';
import type { Catalogue, Office, Official, Organisation, Service } from './domain.ts';

/** Loads every organisation, office, service and official in four queries (plus links). */
export async function loadCatalogue(db: Db): Promise<Catalogue> {
  const [orgs, offices, hours, services, serviceOffices, serviceOfficials, staff, staffOffices] =
    await Promise.all([
      db.selectFrom('organisation').selectAll().orderBy('slug').execute(),
      db.selectFrom('office').selectAll().orderBy('position').orderBy('slug').execute(),
      db.selectFrom('office_hours').selectAll().execute(),
      db
        .selectFrom('service')
        .selectAll()
        .where('active', '=', true)
        .orderBy('position')
        .orderBy('slug')
        .execute(),
      db.selectFrom('service_office').selectAll().execute(),
      db.selectFrom('service_official').selectAll().execute(),
      db
        .selectFrom('staff')
        .select(['id', 'organisation_id', 'display_name', 'title', 'role'])
        .where('active', '=', true)
        .orderBy('display_name')
        .execute(),
      db.selectFrom('staff_office').selectAll().execute(),
    ]);
  const zoneOf = new Map(orgs.map((o) => [o.id, o.time_zone]));
  const organisations: Organisation[] = orgs.map((o) => ({
    id: o.id,
    slug: o.slug,
    country: o.country,
    defaultLanguage: o.default_language,
    timeZone: o.time_zone,
    currency: o.currency,
    name: o.name,
    description: o.description,
    brandColour: o.brand_colour,
    logoSvg: o.logo_svg,
    logoVersion: o.logo_svg
      ? createHash('sha256').update(o.logo_svg).digest('hex').slice(0, 12)
      : null,
    email: o.email,
    phone: o.phone,
    website: o.website,
    mailSender: { name: o.mail_sender_name, replyTo: o.mail_reply_to },
    suspended: o.suspended_at !== null,
  }));
  const officeList: Office[] = offices.map((o) => ({
    id: o.id,
    organisationId: o.organisation_id,
    slug: o.slug,
    name: o.name,
    street: o.street,
    postcode: o.postcode,
    city: o.city,
    email: o.email,
    phone: o.phone,
    timeZone: o.time_zone ?? zoneOf.get(o.organisation_id) ?? 'UTC',
    hours: hours
      .filter((h) => h.office_id === o.id)
      .map((h) => ({ weekday: h.weekday, opens: h.opens, closes: h.closes })),
    active: o.active,
  }));
  const serviceList: Service[] = services.map((s) => ({
    id: s.id,
    organisationId: s.organisation_id,
    slug: s.slug,
    name: s.name,
    description: s.description,
    preparation: s.preparation,
    feeNote: s.fee_note,
    feeMinor: s.fee_minor,
    durationMinutes: s.duration_minutes,
    bufferMinutes: s.buffer_minutes,
    capacity: s.capacity,
    minNoticeMinutes: s.min_notice_minutes,
    horizonDays: s.horizon_days,
    byVideo: s.by_video,
    inPerson: s.in_person,
    officeIds: serviceOffices.filter((l) => l.service_id === s.id).map((l) => l.office_id),
    officialIds: serviceOfficials.filter((l) => l.service_id === s.id).map((l) => l.staff_id),
  }));
  const officials: Official[] = staff.map((s) => ({
    id: s.id,
    organisationId: s.organisation_id,
    displayName: s.display_name,
    title: s.title,
    role: s.role,
    officeIds: staffOffices.filter((l) => l.staff_id === s.id).map((l) => l.office_id),
  }));
  return { organisations, offices: officeList, services: serviceList, officials };
}
