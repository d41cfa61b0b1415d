// A realistic booking load for the benchmark: ten officials holding "general
// information" at Domžale, Monday to Friday 08:00–15:00, with half of each
// morning's 15-minute slots booked over the next five weeks.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { hashPassword } from '../src/identity/password.ts';
import { loadDemoData } from '../src/tenants/demo-data.ts';

/** A fresh PGlite DATA_DIR with the schema and the demo data, for a server a benchmark starts. */
export async function demoDataDir(prefix: string): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const handle = await openDatabase({ dataDir });
  try {
    await migrate(handle.db);
    await loadDemoData(handle.db, hashPassword);
  } finally {
    await handle.close();
  }
  return dataDir;
}

export async function seedAvailabilityScenario(db: Db, now: Date): Promise<void> {
  const org = await db
    .selectFrom('organisation')
    .select('id')
    .where('slug', '=', 'ue-domzale')
    .executeTakeFirstOrThrow();
  const office = await db
    .selectFrom('office')
    .select('id')
    .where('slug', '=', 'domzale')
    .where('organisation_id', '=', org.id)
    .executeTakeFirstOrThrow();
  const service = await db
    .selectFrom('service')
    .select('id')
    .where('slug', '=', 'splosne-informacije')
    .where('organisation_id', '=', org.id)
    .executeTakeFirstOrThrow();
  await sql`DELETE FROM service_official WHERE service_id = ${service.id}`.execute(db);
  for (let i = 1; i <= 10; i++) {
    const { id } = await db
      .insertInto('staff')
      .values({
        organisation_id: org.id,
        email: `bench${i}@domzale.example`,
        display_name: `Bench Official ${i}`,
        role: 'official',
        password_hash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('staff_office').values({ staff_id: id, office_id: office.id }).execute();
    await db
      .insertInto('service_official')
      .values({ service_id: service.id, staff_id: id })
      .execute();
    await db
      .insertInto('official_hours')
      .values(
        [1, 2, 3, 4, 5].map((weekday) => ({
          staff_id: id,
          office_id: office.id,
          weekday,
          starts: '08:00',
          ends: '15:00',
        })),
      )
      .execute();
    await sql`
      INSERT INTO booking (organisation_id, office_id, service_id, staff_id, during, seat, state, citizen_name, citizen_email, created_at, confirmed_at)
      SELECT ${org.id}, ${office.id}, ${service.id}, ${id},
             tstzrange(((d::date + time '08:00' + k * interval '30 minutes') AT TIME ZONE 'Europe/Ljubljana'),
                       ((d::date + time '08:15' + k * interval '30 minutes') AT TIME ZONE 'Europe/Ljubljana'), '[)'),
             1, 'confirmed', 'Bench Citizen', 'bench@example.si', ${now}, ${now}
      FROM generate_series(${now}::date + 1, ${now}::date + 35, interval '1 day') AS d,
           generate_series(0, 7) AS k
      WHERE extract(isodow FROM d) < 6`.execute(db);
  }
}
