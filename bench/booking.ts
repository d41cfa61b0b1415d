// The booking path without HTTP: how long a 200-way race for one slot takes to
// settle, and how many bookings per second are confirmed on distinct slots.
import { openDatabase } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { createFreshDatabase } from '../src/db/testing.ts';
import { bookingService } from '../src/booking/service.ts';
import { zonedInstant } from '../src/lib/zoned-time.ts';
import { hashPassword } from '../src/identity/password.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { loadDemoData } from '../src/tenants/demo-data.ts';
import { tenantsService } from '../src/tenants/service.ts';
import { seedAvailabilityScenario } from './seed.ts';

export async function raceAndThroughput(label: string, adminUrl: string | undefined) {
  const fresh = adminUrl ? await createFreshDatabase(adminUrl, 'okence_bench') : undefined;
  const handle = await openDatabase({ databaseUrl: fresh?.url, dataDir: 'memory://' });
  try {
    await migrate(handle.db);
    await loadDemoData(handle.db, hashPassword);
    // Monday 30 November 2026, 07:00 in Domžale: the whole week is ahead.
    const clock = fixedClock(new Date('2026-11-30T06:00:00Z'));
    await seedAvailabilityScenario(handle.db, new Date('2026-11-29T00:00:00Z'));
    const target = await tenantsService({ handle }).bookingTarget(
      'ue-domzale',
      'domzale',
      'splosne-informacije',
    );
    const booking = bookingService({ db: handle.db, clock });
    const contact = { name: 'Bench', email: 'bench@example.si', phone: null, notes: null };
    const one = { ...target, officialIds: target.officialIds.slice(0, 1) };

    const raceStart = zonedInstant('2026-12-01', 12 * 60, 'Europe/Ljubljana')!;
    let t = performance.now();
    const race = await Promise.all(
      Array.from({ length: 200 }, () => booking.placeHold(one, raceStart, contact)),
    );
    const raceMs = Math.round(performance.now() - t);
    if (race.filter((r) => r.ok).length !== 1)
      throw new Error('the race did not give exactly one hold');

    // Distinct afternoon slots of all ten officials on three days, booked in parallel.
    const starts = ['2026-12-02', '2026-12-03', '2026-12-04'].flatMap((day) =>
      Array.from({ length: 12 }, (_, i) =>
        zonedInstant(day, 12 * 60 + i * 15, 'Europe/Ljubljana')!,
      ),
    );
    const attempts = starts.flatMap((s) =>
      target.officialIds.map((id) => ({ s, t: { ...target, officialIds: [id] } })),
    );
    t = performance.now();
    const results = await Promise.all(
      attempts.map(async (a) => {
        const hold = await booking.placeHold(a.t, a.s, contact);
        return hold.ok && (await booking.confirm(hold.holdId));
      }),
    );
    const seconds = (performance.now() - t) / 1000;
    const confirmed = results.filter(Boolean).length;
    return {
      database: label,
      'race of 200 settles in ms': raceMs,
      'bookings confirmed': confirmed,
      'confirmed bookings/s': Math.round(confirmed / seconds),
    };
  } finally {
    await handle.close();
    await fresh?.drop();
  }
}
