// The help guides' walk (decision 053): each task taken in real Chromium on the demo data at a
// phone's width, one language at a time. At each step the control the guide names must be on the
// page, found by its role and the page's own label (the message key the guide names), and then the
// page is photographed. e2e/help.test.ts runs it into a temporary folder; `npm run
// help:screenshots` (scripts/help-media.ts) runs the same code into public/help/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { MESSAGES, type Lang } from '../src/i18n/i18n.ts';
import { bookThroughApi } from '../src/meeting/testing.ts';
import { controlName, guideOf, shotName, type HelpTask } from '../src/notices/help/guides.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';

/** The phone the screenshots are taken on: a common small Android's CSS size. */
export const PHONE = { width: 360, height: 640 } as const;

/** The demo data each language's walk uses: an organisation of that country, its people. */
const DEMO: Record<Lang, Demo> = {
  sl: {
    locale: 'sl-SI',
    org: 'ue-domzale',
    office: 'domzale',
    service: 'splosne-informacije',
    person: 'Ana Kovač',
    email: 'ana.kovac@example.si',
    staff: 'admin@domzale.example',
    situation: 'potrdilo-iz-uradne-evidence',
    // The situation's own form asks for an eID sign-in; the walk fills the one that does not.
    form: '/o/ue-domzale/forms/sprejem-novorojencev',
    fee: { vs: '2601000005', name: 'Ana Kovač' },
  },
  cs: {
    locale: 'cs-CZ',
    org: 'koprivnice',
    office: 'radnice',
    service: 'poplatek-za-psa',
    person: 'Petra Malá',
    email: 'petra.mala@example.cz',
    staff: 'admin@koprivnice.example',
    situation: null,
    form: null,
    fee: { vs: '2601000042', name: 'Petra Malá' },
  },
  en: {
    locale: 'en-GB',
    org: 'koprivnice',
    office: 'radnice',
    service: 'poplatek-za-psa',
    person: 'Petra Malá',
    email: 'petra.mala.en@example.cz',
    staff: 'admin@koprivnice.example',
    situation: null,
    form: null,
    fee: { vs: '2601000042', name: 'Petra Malá' },
  },
};
type Demo = {
  locale: string;
  org: string;
  office: string;
  service: string;
  person: string;
  email: string;
  staff: string;
  /** The Slovenian walk's situation and form; the Czech one goes from a region's situation to its form. */
  situation: string | null;
  form: string | null;
  fee: { vs: string; name: string };
};

/** What a walk stands on: the site, browsers (one with a fake camera for the meeting), the output folder. */
export type WalkSite = {
  baseUrl: string;
  okence: Okence;
  browser: Browser;
  callBrowser: Browser;
  clock: { now(): Date; set(d: Date): void };
  outDir: string;
};

/** The site's time at the start of each walk: a Monday morning in both countries, so the pictures stay the same. */
export const WALK_START = new Date('2026-12-07T08:00:00Z');

/** One task's walk in one language: takes each step's screenshot through `shoot`. */
type Walk = (w: WalkSite, lang: Lang, shoot: Shoot) => Promise<void>;
type Shoot = (page: Page, index: number) => Promise<void>;

/**
 * Walks one task in one language and returns the files it wrote. Each step's control must be on
 * its page (by role and accessible name) before the screenshot is taken, and every step is taken.
 */
export async function walkTask(w: WalkSite, lang: Lang, task: HelpTask): Promise<string[]> {
  const guide = guideOf(task);
  assert.ok(guide);
  const dir = join(w.outDir, lang);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  w.clock.set(WALK_START);
  const shoot: Shoot = async (page, index) => {
    const step = guide.steps[index];
    assert.ok(step, `${task} has a step ${index + 1}`);
    const name = controlName(MESSAGES[lang][step.control.key]);
    const control = page.getByRole(step.control.role, { name }).first();
    await control.waitFor({ timeout: 20_000 }).catch(() => {
      assert.fail(
        `${lang} ${task} step ${index + 1}: no ${step.control.role} ${name} on ${page.url()}`,
      );
    });
    await control.scrollIntoViewIfNeeded();
    const file = shotName(task, index);
    await page.screenshot({ path: join(dir, file), animations: 'disabled', caret: 'hide' });
    written.push(file);
  };
  await WALKS[task](w, lang, shoot);
  assert.deepEqual(
    written,
    guide.steps.map((_, i) => shotName(task, i)),
    `${lang} ${task}: every step photographed once, in order`,
  );
  return written;
}

/** A phone's page in the language's locale; the meeting's allowed camera and microphone. */
async function phonePage(browser: Browser, lang: Lang, call = false): Promise<Page> {
  const context: BrowserContext = await browser.newContext({
    locale: DEMO[lang].locale,
    viewport: PHONE,
    deviceScaleFactor: 1,
    ...(call ? { permissions: ['camera', 'microphone'] } : {}),
  });
  return context.newPage();
}

const t = (lang: Lang, key: keyof (typeof MESSAGES)['en']) => controlName(MESSAGES[lang][key]);

const bookWalk: Walk = async (w, lang, shoot) => {
  const d = DEMO[lang];
  const page = await phonePage(w.browser, lang);
  await page.goto(`${w.baseUrl}/o/${d.org}/s/${d.service}?lang=${lang}`);
  await shoot(page, 0);
  await page.getByRole('link', { name: t(lang, 'tenants.service.book') }).click();
  await page.locator('td.day-free a').first().waitFor();
  await shoot(page, 1);
  await page.locator('td.day-free a').first().click();
  await page.locator('ul.times a').first().waitFor();
  await shoot(page, 2);
  await page.locator('ul.times a').first().click();
  await page.locator('#name').fill(d.person);
  await page.locator('#email').fill(d.email);
  await shoot(page, 3);
  await page.getByRole('button', { name: t(lang, 'book.reserve') }).click();
  await page.locator('#code').waitFor();
  const code = await mailedCode(w.okence, d.email);
  await page.locator('#code').fill(code);
  await shoot(page, 4);
  await page.getByRole('button', { name: t(lang, 'book.confirm') }).click();
  await page.waitForURL(/confirmed=1/);
  await shoot(page, 5);
  await page.context().close();
};

/** The 6-digit code of the newest message to an address, read from the outbox. */
async function mailedCode(okence: Okence, to: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const mail = await okence.handle.db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', to)
      .orderBy('next_attempt_at', 'desc')
      .executeTakeFirst();
    const code = mail && /\b(\d{6})\b/.exec(mail.text_body)?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no code mailed to ${to}`);
}

/**
 * Shows the test browser's fake devices as the room shows devices whose names the browser keeps
 * back ("Camera 1", "Microphone 1", its own words): their real names are a file path and "Fake
 * Default Audio Input", which would say nothing to a reader of the guide.
 */
async function anonymousDevices(page: Page, lang: Lang): Promise<void> {
  const names = { cam: MESSAGES[lang]['room.camera_n'], mic: MESSAGES[lang]['room.mic_n'] };
  // The lists are filled once the browser has named the devices, after the self-view starts.
  await page.waitForFunction(() =>
    ['camera-select', 'mic-select'].every(
      (id) => !!document.querySelector<HTMLSelectElement>(`#${id}`)?.options[0]?.value,
    ),
  );
  await page.evaluate((n) => {
    for (const [id, nth] of [
      ['camera-select', n.cam],
      ['mic-select', n.mic],
    ] as const) {
      const options = document.querySelector<HTMLSelectElement>(`#${id}`)?.options;
      Array.from(options ?? []).forEach(
        (o, i) => (o.textContent = nth.replace('{n}', String(i + 1))),
      );
    }
  }, names);
}

const stageIs = (page: Page, stage: string) =>
  page.waitForFunction((s) => document.body.dataset.meetingStage === s, stage, { timeout: 30_000 });

const meetingWalk: Walk = async (w, lang, shoot) => {
  const d = DEMO[lang];
  const day = (n: number) =>
    new Date(w.clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);
  const booking = await bookThroughApi(w.okence, {
    organisation: d.org,
    office: d.office,
    service: d.service,
    day: day(1),
    to: day(14),
    name: d.person,
    email: `meeting.${d.email}`,
  });
  w.clock.set(new Date(booking.start.getTime() - 5 * 60_000));
  const citizen = await phonePage(w.callBrowser, lang, true);
  await citizen.goto(`${w.baseUrl}/j/${booking.joinToken}?lang=${lang}`);
  await stageIs(citizen, 'prejoin');
  await citizen.locator('video').first().waitFor();
  await anonymousDevices(citizen, lang);
  await shoot(citizen, 0);
  await citizen.getByRole('button', { name: t(lang, 'room.join_now') }).click();
  await stageIs(citizen, 'lobby');
  await shoot(citizen, 1);

  const official = await phonePage(w.callBrowser, lang, true);
  await official.goto(`${w.baseUrl}/staff/sign-in?lang=${lang}`);
  await official.locator('#email').fill(d.staff);
  await official.locator('#password').fill(DEMO_PASSWORD);
  await official.locator('form button[type="submit"]').click();
  await official.waitForURL(/\/staff$/);
  await official.goto(`${w.baseUrl}/staff/meetings/${booking.id}?lang=${lang}`);
  await stageIs(official, 'prejoin');
  await official.getByRole('button', { name: t(lang, 'room.join_now') }).click();
  await stageIs(official, 'room');
  await shoot(official, 2);
  await official.getByRole('button', { name: t(lang, 'room.admit') }).click();
  await stageIs(citizen, 'room');
  await shoot(citizen, 3);
  await citizen.context().close();
  await official.context().close();
};

/** Fills every empty field of a form page with a plausible answer, as a person would. */
async function answerPage(page: Page, email: string, postcode: string): Promise<void> {
  await page.evaluate(
    ([mail, post]) => {
      const radios = new Set<string>();
      const fields = document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        'main form input, main form textarea',
      );
      for (const el of Array.from(fields)) {
        if (el.type === 'hidden' || el.type === 'file' || el.disabled) continue;
        if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
          if (el.type === 'radio' && !radios.has(el.name)) {
            radios.add(el.name);
            el.checked = true;
          }
          continue;
        }
        if (el.value) continue;
        const id = el.id.toLowerCase();
        const value =
          el.type === 'email'
            ? mail
            : el.type === 'tel' || id.includes('phone') || id.includes('telefon')
              ? '041 234 567'
              : el.type === 'number' || el.inputMode === 'numeric' || el.inputMode === 'decimal'
                ? id.includes('ico')
                  ? '12345678'
                  : id.includes('post')
                    ? post
                    : '2'
                : id.includes('date') || id.includes('birth')
                  ? '3. 5. 2026'
                  : id.includes('ico')
                    ? '12345678'
                    : id.includes('post')
                      ? post
                      : id.includes('given')
                        ? 'Eva'
                        : id.includes('family')
                          ? 'Novak'
                          : id.includes('country')
                            ? 'SI'
                            : 'Ljubljanska 1';
        el.value = el.maxLength > 0 ? value.slice(0, el.maxLength) : value;
      }
      for (const select of Array.from(
        document.querySelectorAll<HTMLSelectElement>('main form select'),
      )) {
        if (!select.value) select.selectedIndex = select.options.length > 1 ? 1 : 0;
      }
    },
    [email, postcode] as const,
  );
}

const formWalk: Walk = async (w, lang, shoot) => {
  const d = DEMO[lang];
  const page = await phonePage(w.browser, lang);
  if (d.situation && d.form) {
    await page.goto(`${w.baseUrl}/o/${d.org}/situations/${d.situation}?lang=${lang}`);
    await shoot(page, 0);
    await page.goto(`${w.baseUrl}${d.form}?lang=${lang}`);
  } else {
    await page.goto(`${w.baseUrl}/o/liberecky-kraj/situations/dotace-sportovni-fond?lang=${lang}`);
    await shoot(page, 0);
    await page.locator('section[aria-labelledby="part-forms"] a').first().click();
  }
  await page.locator('#email').fill(`form.${d.email}`);
  await shoot(page, 1);
  await page.getByRole('button', { name: t(lang, 'forms.fill.start.button') }).click();
  const save = page.getByRole('button', { name: t(lang, 'forms.fill.save_continue') });
  await save.waitFor();
  for (let pageNo = 0; !/\/check$/.test(new URL(page.url()).pathname); pageNo++) {
    assert.ok(pageNo < 8, `the form ends in check your answers (at ${page.url()})`);
    await answerPage(page, `form.${d.email}`, lang === 'sl' ? '1230' : '74221');
    if (pageNo === 0) await shoot(page, 2);
    await save.click();
    await page.waitForLoadState('domcontentloaded');
    const errors = page.locator('.error-summary');
    if (await errors.count()) assert.fail(`${page.url()}: ${await errors.innerText()}`);
  }
  await shoot(page, 3);
  await page.getByRole('button', { name: t(lang, 'forms.fill.send.button') }).click();
  await page.getByRole('link', { name: t(lang, 'forms.fill.sent.receipt') }).waitFor();
  await shoot(page, 4);
  await page.context().close();
};

const payWalk: Walk = async (w, lang, shoot) => {
  const d = DEMO[lang];
  const page = await phonePage(w.browser, lang);
  await page.goto(`${w.baseUrl}/o/${d.org}?lang=${lang}`);
  await shoot(page, 0);
  await page
    .getByRole('link', { name: t(lang, 'frontdoor.home.pay') })
    .first()
    .click();
  await page.locator('#vs').fill(d.fee.vs);
  await page.locator('#name').fill(d.fee.name);
  await page.locator('#email').fill(`pay.${d.email}`);
  await shoot(page, 1);
  await page.getByRole('button', { name: t(lang, 'pay.find.submit') }).click();
  await page.waitForURL(/\/pay\/[A-Za-z0-9_-]{43}$/);
  await shoot(page, 2);
  await shoot(page, 3);
  await page.context().close();
};

const WALKS: Record<HelpTask, Walk> = {
  book: bookWalk,
  join: meetingWalk,
  form: formWalk,
  pay: payWalk,
};
