// Statistics and the audit log in Chromium, with JavaScript off (both pages are forms and links):
// axe (WCAG 2.1 AA) on each, the seeded figures in the tables and the charts' titles, the filter,
// the CSV download, 320 px without sideways scrolling, and an entry made through the UI found in
// the audit log.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { seedAppointments } from '../src/stats/testing.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, startSite } from './harness.ts';
import { SignInPage } from './pages.ts';

/** The statistics page, in the words of the page. */
class StatsPage {
  readonly page: Page;
  readonly baseUrl: string;
  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }
  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/staff/stats?lang=en`);
  }
  async filter(f: { service?: string; from: string; to: string }): Promise<void> {
    if (f.service) await this.page.locator('#stats-service').selectOption({ label: f.service });
    await this.page.locator('#stats-from').fill(f.from);
    await this.page.locator('#stats-to').fill(f.to);
    await this.page.getByRole('button', { name: 'Show statistics' }).click();
  }
  /** The table's rows as text cells (the row header first). */
  async table(id: string): Promise<string[][]> {
    return this.page
      .locator(`#${id} tbody tr`)
      .evaluateAll((rows) =>
        rows.map((r) => Array.from(r.children).map((c) => (c.textContent ?? '').trim())),
      );
  }
  async chartTitle(id: string): Promise<string> {
    return (await this.page.locator(`#${id} > title`).textContent()) ?? '';
  }
}

describe('statistics and audit log in the browser', () => {
  let okence: Okence;
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Without JavaScript: the filters and the settings form must work as plain forms. */
  let plain: Page;

  before(async () => {
    ({ okence, baseUrl } = await startSite());
    const db = okence.handle.db;
    const place = await db
      .selectFrom('service as s')
      .innerJoin('service_office as so', 'so.service_id', 's.id')
      .innerJoin('service_official as sf', 'sf.service_id', 's.id')
      .innerJoin('organisation as o', 'o.id', 's.organisation_id')
      .select([
        's.organisation_id as organisationId',
        's.id as serviceId',
        'so.office_id as officeId',
        'sf.staff_id as staffId',
      ])
      .where('o.slug', '=', 'ue-domzale')
      .where('s.slug', '=', 'splosne-informacije')
      .executeTakeFirstOrThrow();
    // Friday 27 and Monday 30 March 2026, on both sides of the change to summer time.
    await seedAppointments(db, place, [
      {
        start: new Date('2026-03-27T07:00:00Z'),
        wait: 2,
        length: 20,
        rating: 5,
        comment: 'Very helpful',
      },
      { start: new Date('2026-03-27T07:30:00Z'), wait: 4, length: 30, rating: 4 },
      { start: new Date('2026-03-30T06:00:00Z'), wait: 10, length: 40, rating: 2 },
      { start: new Date('2026-03-30T07:00:00Z'), noShow: true },
      { start: new Date('2026-03-31T06:00:00Z'), state: 'cancelled' },
    ]);
    // Citizens' sign-ins from UE Domžale's pages, as the counter keeps them (migration 019).
    await db
      .insertInto('citizen_sign_ins')
      .values([
        {
          organisation_id: place.organisationId,
          day: '2026-03-30',
          provider_id: 'email',
          loa: 'low',
          sign_ins: 3,
          new_accounts: 1,
        },
        {
          organisation_id: null,
          day: '2026-03-30',
          provider_id: 'email',
          loa: 'low',
          sign_ins: 7,
          new_accounts: 7,
        },
      ])
      .execute();
    browser = await launchBrowser();
    // axe runs scripts in the page, so it scans with JavaScript on; the forms are driven with it off.
    context = await browser.newContext({ locale: 'en-GB' });
    page = await context.newPage();
    plain = await (
      await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false })
    ).newPage();
    for (const p of [page, plain]) {
      p.setDefaultTimeout(15_000);
      const signIn = new SignInPage(p, baseUrl);
      await signIn.open();
      await signIn.signIn('admin@domzale.example', DEMO_PASSWORD);
    }
  });
  after(async () => {
    await browser?.close();
    await okence?.close();
  });

  test('the filter shows the seeded figures in tables and chart titles, and passes axe', async () => {
    await new StatsPage(page, baseUrl).open();
    await expectAccessible(page);
    const stats = new StatsPage(plain, baseUrl);
    await stats.open();
    await stats.filter({ service: 'General information', from: '2026-03-27', to: '2026-03-31' });
    assert.match(plain.url(), /service=[0-9a-f-]{36}&from=2026-03-27&to=2026-03-31/);
    assert.deepEqual(await stats.table('per-day-table'), [
      ['27/03/2026', '2'],
      ['28/03/2026', '0'],
      ['29/03/2026', '0'],
      ['30/03/2026', '2'],
      ['31/03/2026', '0'],
    ]);
    assert.deepEqual(await stats.table('outcomes-table'), [
      ['Booked', '4'],
      ['Held', '3'],
      ['Citizen did not come', '1'],
      ['Cancelled', '1'],
    ]);
    assert.deepEqual(await stats.table('durations-table'), [
      ['Time waited in the lobby', '3', '4', '10', '5.3'],
      ['Meeting length', '3', '30', '40', '30'],
    ]);
    assert.deepEqual(await stats.table('ratings-table'), [
      ['1', '0'],
      ['2', '1'],
      ['3', '0'],
      ['4', '1'],
      ['5', '1'],
    ]);
    assert.deepEqual(await stats.table('comments-table'), [
      ['27/03/2026', 'General information', 'Very helpful'],
    ]);
    assert.deepEqual(await stats.table('citizen-providers-table'), [
      ['Code by e-mail', 'low', '3', '1'],
    ]);
    assert.deepEqual((await stats.table('citizen-sign-ins-table'))[3], ['30/03/2026', '3', '1']);
    assert.equal(await stats.chartTitle('citizen-sign-ins-chart'), 'Citizens’ sign-ins per day');
    assert.equal(await stats.chartTitle('per-day-chart'), 'Appointments per day');
    assert.equal(await stats.chartTitle('capacity-chart'), 'Free and booked places');
    assert.match(
      (await plain.locator('#outcomes-chart > desc').textContent()) ?? '',
      /1 of 4 appointments that were due did not take place: 25%/,
    );
    await page.goto(plain.url());
    await expect320(page);
    await expectAccessible(page);
    for (const lang of ['sl', 'cs']) {
      const url = new URL(plain.url());
      url.searchParams.set('lang', lang);
      await page.goto(url.href);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      await expectAccessible(page);
    }
  });

  test('a month per day reads at a glance: columns over time, wider than tall, labels apart', async () => {
    const stats = new StatsPage(plain, baseUrl);
    await stats.open();
    await stats.filter({ service: 'General information', from: '2026-03-01', to: '2026-03-31' });
    // In English whatever language an earlier test left in this page's cookie.
    const url = new URL(plain.url());
    url.searchParams.set('lang', 'en');
    await page.goto(url.href);
    for (const id of [
      'per-day-chart',
      'capacity-chart',
      'sign-ins-chart',
      'citizen-sign-ins-chart',
    ]) {
      const chart = page.locator(`#${id}`);
      const box = await chart.boundingBox();
      assert.ok(
        box && box.height <= 400 && box.height < box.width,
        `${id} is ${box?.width}×${box?.height}`,
      );
      // The day labels under the columns: a few, in order, none touching the next.
      const labels = await chart.locator('text[text-anchor="middle"]').evaluateAll((nodes) =>
        nodes.map((n) => ({
          text: n.textContent ?? '',
          ...((n as SVGGraphicsElement).getBoundingClientRect().toJSON() as DOMRect),
        })),
      );
      assert.ok(
        labels.length >= 4 && labels.length <= 8,
        `${id}: ${labels.map((l) => l.text).join(', ')}`,
      );
      for (let i = 1; i < labels.length; i++)
        assert.ok(
          labels[i]!.left > labels[i - 1]!.right,
          `${id}: "${labels[i - 1]!.text}" touches "${labels[i]!.text}"`,
        );
    }
    assert.deepEqual(
      await page.locator('#per-day-chart text[text-anchor="middle"]').allTextContents(),
      ['1 Mar', '8 Mar', '15 Mar', '22 Mar', '29 Mar'],
    );
    await expect320(page);
    await expectAccessible(page);
  });

  test('a wrong period comes back with the error summary and the dates typed', async () => {
    const stats = new StatsPage(plain, baseUrl);
    await stats.open();
    await stats.filter({ from: '2026-03-31', to: '2026-03-01' });
    assert.match(
      (await plain.locator('.error-summary').textContent()) ?? '',
      /The end of the period must not be before its start/,
    );
    assert.equal(await plain.locator('#stats-from').inputValue(), '2026-03-31');
    await page.goto(plain.url());
    await expectAccessible(page);
  });

  test('the CSV downloads as an attachment with the page’s figures', async () => {
    const res = await context.request.get(
      `${baseUrl}/staff/stats.csv?from=2026-03-27&to=2026-03-31&lang=en`,
    );
    assert.equal(res.status(), 200);
    assert.equal(
      res.headers()['content-disposition'],
      'attachment; filename="statistics-2026-03-27-2026-03-31.csv"',
    );
    const text = await res.text();
    assert.match(
      text,
      /\r\nAppointments per day\r\nDay,Appointments\r\n2026-03-27,2\r\n2026-03-28,0\r\n2026-03-29,0\r\n2026-03-30,2\r\n2026-03-31,0\r\n/,
    );
    assert.match(text, /\r\nTime waited in the lobby,3,4,10,5\.3\r\n/);
  });

  test('a closure added on the settings page is found in the audit log, which passes axe', async () => {
    await plain.goto(`${baseUrl}/staff/availability?lang=en`);
    await plain.locator('#closure-day').fill('2026-12-31');
    await plain.locator('#closure-note').fill('New Year’s Eve');
    await plain.getByRole('button', { name: 'Add the closure' }).click();
    await plain.goto(`${baseUrl}/staff/audit?lang=en`);
    await plain.getByLabel('What').selectOption({ label: 'Closures' });
    await plain.getByRole('button', { name: 'Search', exact: true }).click();
    assert.match(plain.url(), /what=closure/);
    const rows = await plain
      .locator('table.audit tbody tr')
      .evaluateAll((trs) =>
        trs.map((r) => Array.from(r.children).map((c) => (c.textContent ?? '').trim())),
      );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]![1], 'Mojca Kovač');
    assert.equal(rows[0]![3], 'Closure added');
    assert.match(rows[0]![4] ?? '', /^Closure\s*2026-12-31$/);
    assert.match(rows[0]![5] ?? '', /Note: New Year’s Eve/);
    await page.goto(plain.url());
    await expect320(page);
    await expectAccessible(page);
    for (const lang of ['sl', 'cs']) {
      const url = new URL(plain.url());
      url.searchParams.set('lang', lang);
      await page.goto(url.href);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      // The object type and the detail's keys are in the page's language too.
      assert.match(
        await page.locator('table.audit tbody tr').first().innerText(),
        lang === 'sl'
          ? /Zaprti dan[\s\S]*Opomba: New Year’s Eve/
          : /Zavřený den[\s\S]*Poznámka: New Year’s Eve/,
      );
      await expectAccessible(page);
    }
  });
});

/** The page at 320 px: no sideways scrolling; back to a desktop width afterwards. */
async function expect320(page: Page): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });
}
