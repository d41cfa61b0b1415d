// Loads the demo organisations (demo-organisations.ts) into an empty database at start, when demo
// data is on; its accounts all share DEMO_PASSWORD.
import type { Db } from '../db/db.ts';
import { sql } from 'kysely';
import { MIGRATION_LOCK } from '../db/migrate.ts';
import { DEMO_ORGANISATIONS } from './demo-organisations.ts';

/** The password of every demo account; printed at start, demo data only. */
export const DEMO_PASSWORD = 'okence-demo-2026';

/** A plain monogram for demo organisations (real ones upload their own logo). */
function monogramLogo(letters: string, colour: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="${colour}"/><text x="32" y="41" font-family="DejaVu Sans, sans-serif" font-size="24" font-weight="700" fill="#fff" text-anchor="middle">${letters}</text></svg>`;
}

export type DemoAccount = { organisation: string; email: string; role: 'admin' | 'official' };

/**
 * Loads the demo organisations into an empty database; returns the accounts it
 * created (none if not empty). The check and the inserts run under the migration
 * lock, so instances starting together seed once.
 */
export async function loadDemoData(
  db: Db,
  hashPassword: (password: string) => Promise<string>,
): Promise<DemoAccount[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoAccount[] = [];
  await db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
    if (await tx.selectFrom('organisation').select('id').limit(1).executeTakeFirst()) return;
    for (const org of DEMO_ORGANISATIONS) {
      const { id: orgId } = await tx
        .insertInto('organisation')
        .values({
          slug: org.slug,
          country: org.country,
          default_language: org.lang,
          time_zone: org.tz,
          currency: org.currency,
          name: JSON.stringify(org.name),
          description: JSON.stringify(org.description),
          email: org.email,
          phone: org.phone,
          website: org.website,
          registration_number: org.registrationNumber,
          brand_colour: org.colour,
          logo_svg: monogramLogo(org.monogram, org.colour),
          ...(org.referencePattern ? { reference_pattern: org.referencePattern } : {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const officeIds = new Map<string, string>();
      for (const [position, o] of org.offices.entries()) {
        const { id } = await tx
          .insertInto('office')
          .values({
            organisation_id: orgId,
            slug: o.slug,
            name: JSON.stringify(o.name),
            street: o.street,
            postcode: o.postcode,
            city: o.city,
            email: o.email,
            phone: o.phone,
            position,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        officeIds.set(o.slug, id);
        await tx
          .insertInto('office_hours')
          .values(
            o.hours.map(([weekday, opens, closes]) => ({ office_id: id, weekday, opens, closes })),
          )
          .execute();
      }
      const staffIds = new Map<string, string>();
      for (const s of org.staff) {
        const { id } = await tx
          .insertInto('staff')
          .values({
            organisation_id: orgId,
            email: s.email,
            display_name: s.name,
            role: s.role,
            password_hash: passwordHash,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        staffIds.set(s.key, id);
        await tx
          .insertInto('staff_office')
          .values(s.offices.map((o) => ({ staff_id: id, office_id: officeIds.get(o) ?? '' })))
          .execute();
        // Officials receive appointments during their offices' opening hours.
        if (s.role === 'official') {
          const hours = s.offices.flatMap((slug) => {
            const office = org.offices.find((o) => o.slug === slug);
            return (office?.hours ?? []).map(([weekday, starts, ends]) => ({
              staff_id: id,
              office_id: officeIds.get(slug) ?? '',
              weekday,
              starts,
              ends,
            }));
          });
          if (hours.length) await tx.insertInto('official_hours').values(hours).execute();
        }
        accounts.push({ organisation: org.slug, email: s.email, role: s.role });
      }
      for (const [position, s] of org.services.entries()) {
        const { id } = await tx
          .insertInto('service')
          .values({
            organisation_id: orgId,
            slug: s.slug,
            name: JSON.stringify(s.name),
            description: JSON.stringify(s.description),
            preparation: JSON.stringify(s.preparation ?? {}),
            fee_note: JSON.stringify(s.feeNote ?? {}),
            fee_minor: s.feeMinor ?? null,
            duration_minutes: s.minutes,
            by_video: s.video ?? true,
            in_person: s.inPerson ?? false,
            position,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const offices = new Set(
          s.officials.flatMap((k) => org.staff.find((st) => st.key === k)?.offices ?? []),
        );
        await tx
          .insertInto('service_office')
          .values([...offices].map((o) => ({ service_id: id, office_id: officeIds.get(o) ?? '' })))
          .execute();
        await tx
          .insertInto('service_official')
          .values(s.officials.map((k) => ({ service_id: id, staff_id: staffIds.get(k) ?? '' })))
          .execute();
      }
    }
  });
  return accounts;
}
