// The form builder in Chromium (issue 17): an admin of Domžale builds a small form with
// JavaScript off — a new form, a second page, questions of several kinds, a choice with its
// options, a condition, reordering (a move the engine refuses shown beside the page), the
// preview, publishing, the versions, export and the file imported back; axe (WCAG 2.1 AA) on every
// builder page in sl, cs and en (each kind of question's editor in one of them); and the main
// flow once more by keyboard only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import * as b from '../src/forms/builder.ts';
import { checkDefinition } from '../src/forms/service.ts';
import { MESSAGES, type Lang } from '../src/i18n/i18n.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';
import { expectAccessible, launchBrowser, startSite } from './harness.ts';
import { SignInPage } from './pages.ts';

const BASE = '/staff/admin/forms';
const ADMIN = 'admin@domzale.example';
const LOCALES: Record<Lang, string> = { sl: 'sl-SI', cs: 'cs-CZ', en: 'en-GB' };

let site: { baseUrl: string; okence: Okence };
let browser: Browser;
before(async () => {
  site = await startSite();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.okence.close();
});

/** A signed-in admin's page in a language, with or without JavaScript. */
async function adminPage(lang: Lang, javaScriptEnabled: boolean): Promise<Page> {
  const context: BrowserContext = await browser.newContext({
    locale: LOCALES[lang],
    javaScriptEnabled,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const signIn = new SignInPage(page, site.baseUrl);
  await signIn.open(lang);
  await page.locator('#email').fill(ADMIN);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('main form button[type=submit]').click();
  await page.waitForURL(/\/staff$/);
  return page;
}

/** Runs an action that loads a new document and waits until it has loaded. */
async function navigating(page: Page, action: () => Promise<unknown>): Promise<void> {
  const loaded = page.waitForEvent('load');
  await action();
  await loaded;
}

/** The builder's editor and question pages, in the words of the page (English). */
class Builder {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  /** The section of page `p` (0-based) in the editor. */
  section(p: number) {
    return this.page.locator('section', { has: this.page.locator(`#page-${p}-h`) });
  }
  async addQuestion(p: number, type: string): Promise<void> {
    await this.page.locator(`#type-${p}`).selectOption(type);
    await navigating(this.page, () =>
      this.section(p).getByRole('button', { name: 'Add a question' }).click(),
    );
    assert.match(this.page.url(), /\?done=1$/);
  }
  async openQuestion(p: number, i: number): Promise<void> {
    await this.section(p).locator('ol > li').nth(i).locator('a').first().click();
    await this.page.waitForURL(new RegExp(`/pages/${p}/questions/${i}$`));
  }
  async labels(p: number): Promise<string[]> {
    return this.section(p).locator('ol > li > a').allTextContents();
  }
  async save(): Promise<void> {
    await navigating(this.page, () =>
      this.page.getByRole('button', { name: 'Save', exact: true }).click(),
    );
    assert.match(this.page.url(), /\?done=1$/);
  }
}

describe('the form builder', () => {
  test('an admin builds, previews, publishes, exports and imports a form without JavaScript', async () => {
    const page = await adminPage('en', false);
    const builder = new Builder(page);
    await page.goto(`${site.baseUrl}${BASE}`);
    await page.getByRole('link', { name: 'New form' }).click();
    await page.locator('#slug').fill('pasja-znamka');
    await page.locator('#languages').check(); // Slovenščina
    await page.locator('#languages-2').check(); // English
    await page.locator('#title_sl').fill('Pasja znamka');
    await page.locator('#title_en').fill('Dog tag');
    await page.getByRole('button', { name: 'Create the form' }).click();
    await page.waitForURL(/\/forms\/[0-9a-f-]{36}\?done=created$/);
    const editorUrl = page.url().replace(/\?.*$/, '');
    assert.match(await page.locator('h1').innerText(), /Dog tag: draft of version 1/);

    // The first question, made required and named in both languages.
    await builder.openQuestion(0, 0);
    await page.locator('#label_sl').fill('Ime psa');
    await page.locator('#label_en').fill('Name of the dog');
    await page.locator('#required').check();
    await builder.save();

    await builder.addQuestion(0, 'yesNo');
    await builder.openQuestion(0, 1);
    await page.locator('#label_sl').fill('Ali ima pes čip?');
    await page.locator('#label_en').fill('Is the dog chipped?');
    await builder.save();

    // A choice: its first option rewritten, a second added (nothing saved until "Save").
    await builder.addQuestion(0, 'singleChoice');
    await builder.openQuestion(0, 2);
    await page.locator('#label_sl').fill('Velikost');
    await page.locator('#label_en').fill('Size');
    await page.locator('#opt0-value').fill('small');
    await page.locator('#opt0-label_sl').fill('Majhen');
    await page.locator('#opt0-label_en').fill('Small');
    await page.getByRole('button', { name: 'Add an option' }).click();
    await page.locator('#opt1-value').waitFor();
    assert.equal(await page.locator('#label_en').inputValue(), 'Size', 'typed text kept');
    await page.locator('#opt1-value').fill('large');
    await page.locator('#opt1-label_sl').fill('Velik');
    await page.locator('#opt1-label_en').fill('Large');
    await builder.save();

    // A second page, its number question shown only for a chipped dog.
    await navigating(page, () => page.getByRole('button', { name: 'Add a page' }).click());
    assert.match(page.url(), /\?done=1$/);
    await builder.section(1).getByText('Title and help of the page').click();
    await page.locator('#p1-title_sl').fill('Čip');
    await page.locator('#p1-title_en').fill('Chip');
    await navigating(page, () =>
      builder.section(1).getByRole('button', { name: 'Save the page' }).click(),
    );
    assert.match(page.url(), /\?done=1$/);
    await builder.addQuestion(1, 'number');
    await builder.openQuestion(1, 1);
    await page.locator('#label_sl').fill('Številka čipa');
    await page.locator('#label_en').fill('Chip number');
    await page.getByRole('button', { name: 'Add a part of the condition' }).click();
    await page.locator('#cond0-field').selectOption('q-2');
    await page.locator('#cond0-op').selectOption('equals');
    await page.locator('#cond0-value').fill('true');
    await builder.save();
    assert.match(
      await builder.section(1).innerText(),
      /Chip number\s*\(Number, under a condition\)/,
    );

    // Reordering: the size above the chip question; the page with the condition cannot go first.
    await navigating(page, () =>
      builder.section(0).locator('ol > li').nth(2).getByRole('button', { name: 'Move up' }).click(),
    );
    assert.match(page.url(), /\?done=1$/);
    assert.deepEqual(await builder.labels(0), ['Name of the dog', 'Size', 'Is the dog chipped?']);
    await builder.section(1).getByRole('button', { name: 'Move the page up' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(
      await page.locator('.error-summary').innerText(),
      /A condition may only use questions that come before it/,
    );
    // The refusal is beside the page its summary link leads to, and the page's texts are intact.
    assert.match(await builder.section(1).innerText(), /may only use questions that come before/);
    await page.locator('.error-summary a').first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'page-1-h');
    assert.equal(await page.locator('#p1-title_en').inputValue(), 'Chip');
    await page.goto(editorUrl);
    assert.deepEqual(await builder.labels(1), ['New question', 'Chip number']);
    await navigating(page, () =>
      builder
        .section(1)
        .locator('ol > li')
        .nth(0)
        .getByRole('button', { name: 'Delete the question' })
        .click(),
    );
    assert.match(page.url(), /\?done=1$/);
    assert.deepEqual(await builder.labels(1), ['Chip number']);

    // A repeated group: its questions added, worded, reordered and removed on the group's page.
    await builder.addQuestion(1, 'group');
    await builder.openQuestion(1, 1);
    await page.locator('#label_sl').fill('Prejšnji lastniki');
    await page.locator('#label_en').fill('Previous keepers');
    await builder.save();
    await builder.openQuestion(1, 1);
    await page.locator('#member-type').selectOption('date');
    await navigating(page, () =>
      page.getByRole('button', { name: 'Add a question to the group' }).click(),
    );
    assert.match(page.url(), /\/questions\/1\?done=1$/);
    const members = page.locator('section', { has: page.locator('#members') }).locator('ol > li');
    await members.nth(1).getByRole('link').click();
    await page.locator('#label_sl').fill('Do kdaj');
    await page.locator('#label_en').fill('Until');
    await navigating(page, () => page.getByRole('button', { name: 'Save', exact: true }).click());
    assert.match(page.url(), /\/questions\/1\?done=1$/);
    await navigating(page, () => members.nth(1).getByRole('button', { name: 'Move up' }).click());
    await navigating(page, () =>
      members.nth(1).getByRole('button', { name: 'Remove from the group' }).click(),
    );
    assert.deepEqual(await members.locator('a').allTextContents(), ['Until']);
    assert.equal(await members.getByRole('button', { name: 'Remove from the group' }).count(), 0);
    await page.getByRole('link', { name: 'Back to the form' }).click();

    // The preview: each page as the citizen will see it.
    await page.getByRole('link', { name: 'Preview' }).click();
    const preview = await page.locator('main').innerText();
    for (const text of [
      'Name of the dog',
      'Small',
      'Large',
      'Chip number',
      'Previous keepers',
      'Until',
    ])
      assert.match(preview, new RegExp(text));
    assert.equal(await page.getByLabel('Name of the dog').isDisabled(), true);
    assert.equal(await page.getByRole('radio', { name: 'Large' }).count(), 1);
    assert.equal(await page.getByLabel('Chip number (optional)').count(), 1);
    await page.getByRole('link', { name: 'Back to the form' }).click();

    // Published after the question; then only versions are listed.
    await page.getByRole('link', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await page.waitForURL(/\?done=publish$/);
    assert.match(await page.locator('main').innerText(), /Every version of this form is published/);
    await page.getByRole('link', { name: 'Version 1' }).click();
    assert.match(await page.locator('h1').innerText(), /Dog tag, version 1/);

    // Export the published version and import the file back as the next draft.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as a file (JSON)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'pasja-znamka-v1.json');
    const file = readFileSync(await download.path(), 'utf8');
    const checked = checkDefinition(file);
    assert.ok(checked.ok);
    assert.equal(checked.definition.pages.length, 2);
    await page.goto(editorUrl);
    await page.getByRole('link', { name: 'Import from a file' }).click();
    await page.locator('#file').setInputFiles({
      name: 'pasja-znamka-v1.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file.replace('Dog tag', 'Dog tag for 2027')),
    });
    await page.getByRole('button', { name: 'Import into the draft' }).click();
    await page.waitForURL(/\?done=imported$/);
    assert.match(await page.locator('h1').innerText(), /Dog tag for 2027: draft of version 2/);
    assert.deepEqual(await builder.labels(0), ['Name of the dog', 'Size', 'Is the dog chipped?']);
    await page.context().close();
  });
});

/** Presses Tab until the focused element matches, at most 120 times: how a keyboard user gets there. */
async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; id: string; href: string }) => boolean,
  what: string,
): Promise<void> {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return {
        tag: a?.tagName ?? '',
        text: a?.textContent?.trim() ?? '',
        id: a?.id ?? '',
        href: a?.getAttribute('href') ?? '',
      };
    });
    if (matches(el)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** The demo admin as the forms service knows them. */
async function domzaleAdmin() {
  const row = await site.okence.handle.db
    .selectFrom('staff')
    .select(['id', 'organisation_id', 'display_name'])
    .where('email', '=', ADMIN)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    organisationId: row.organisation_id,
    role: 'admin' as const,
    displayName: row.display_name,
    email: ADMIN,
  };
}

/** A draft with one question of every kind (page 1) and a page shown under a condition (page 2). */
function everyKind(lang: Lang) {
  const text = (l: Lang) => MESSAGES[l]['forms.admin.new_question'];
  let def = b.blankDefinition({
    languages: [lang, lang === 'en' ? 'sl' : 'en'],
    title: { [lang]: `Axe ${lang}`, [lang === 'en' ? 'sl' : 'en']: `Axe ${lang}` },
    assurance: 'low',
    pageTitle: (l) => MESSAGES[l]['forms.admin.new_page'],
    questionLabel: text,
  });
  const label = Object.fromEntries(def.languages.map((l) => [l, text(l)]));
  for (const type of b.QUESTION_TYPES.slice(1)) def = b.addQuestion(def, 0, type, label).definition;
  def = b.addPage(def, label, label);
  const yesNo = def.pages[0]!.questions.find((q) => q.type === 'yesNo')!;
  return b.setCondition(def, 1, null, { field: yesNo.id, op: 'equals', value: true });
}

describe('the builder’s pages pass axe (WCAG 2.1 AA)', () => {
  for (const lang of ['sl', 'cs', 'en'] as const) {
    test(`in ${lang}`, async () => {
      const t = (k: keyof (typeof MESSAGES)['en'], p: Record<string, string> = {}) =>
        Object.entries(p).reduce((s, [n, v]) => s.replace(`{${n}}`, v), MESSAGES[lang][k]);
      const def = everyKind(lang);
      const { formId } = await site.okence.services.forms.create(await domzaleAdmin(), {
        slug: `axe-${lang}`,
        definition: def,
      });
      const page = await adminPage(lang, true);
      const base = `${site.baseUrl}${BASE}/${formId}`;
      const visit = async (url: string) => {
        const response = await page.goto(url);
        assert.equal(response?.status(), 200, url);
        await expectAccessible(page);
      };
      await visit(`${site.baseUrl}${BASE}`);
      await visit(`${site.baseUrl}${BASE}/new`);
      await page.getByRole('button', { name: t('forms.admin.create') }).click();
      await page.locator('.error-summary').waitFor();
      await expectAccessible(page);
      await visit(base);
      // A refused move: the problem beside page 2 and in the summary.
      await page
        .locator('section', { has: page.locator('#page-1-h') })
        .getByRole('button', { name: t('forms.admin.page_up') })
        .click();
      await page.locator('#page-1-error').waitFor();
      await expectAccessible(page);
      // Each kind of question's editor in one of the languages, in turn (decision 053).
      const first = (['sl', 'cs', 'en'] as const).indexOf(lang);
      for (let i = first; i < def.pages[0]!.questions.length; i += 3)
        await visit(`${base}/pages/0/questions/${i}`);
      // A choice's option rows and a condition's rows, as their buttons show them.
      const choice = def.pages[0]!.questions.findIndex((q) => q.type === 'multipleChoice');
      await visit(`${base}/pages/0/questions/${choice}`);
      await page.getByRole('button', { name: t('forms.admin.add_option') }).click();
      await page.locator('#opt1-value').waitFor();
      await page.getByRole('button', { name: t('forms.admin.add_condition') }).click();
      await page.locator('#cond0-field').waitFor();
      await page.getByRole('button', { name: t('forms.admin.save') }).click();
      await page.locator('.error-summary').waitFor();
      await expectAccessible(page);
      await visit(`${base}/pages/1/questions/0`);
      const group = def.pages[0]!.questions.findIndex((q) => q.type === 'group');
      await visit(`${base}/pages/0/questions/${group}/members/0`);
      await visit(`${base}/pages/1/condition`);
      await visit(`${base}/pages/1/delete`);
      await visit(`${base}/preview`);
      await visit(`${base}/discard`);
      await visit(`${base}/import`);
      await page.locator('#file').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format":1,"pages":[]}'),
      });
      await page.getByRole('button', { name: t('forms.admin.import_button') }).click();
      await page.locator('.error-summary').waitFor();
      await expectAccessible(page);
      await visit(`${base}/publish`);
      await page.getByRole('button', { name: t('forms.admin.publish_yes', { n: '1' }) }).click();
      await page.waitForURL(/\?done=publish$/);
      await expectAccessible(page);
      await visit(`${base}/versions/1`);
      await page.context().close();
    });
  }
});

describe('the builder by keyboard only, JavaScript off', () => {
  test('a new form, a question added and edited, published', async () => {
    const page = await adminPage('en', false);
    const press = async (text: string) => {
      await tabTo(page, (e) => e.tag === 'BUTTON' && e.text === text, text);
      await navigating(page, () => page.keyboard.press('Enter'));
    };
    const follow = async (text: string) => {
      await tabTo(page, (e) => e.tag === 'A' && e.text === text, text);
      await navigating(page, () => page.keyboard.press('Enter'));
    };
    const typeInto = async (id: string, text: string) => {
      await tabTo(page, (e) => e.id === id, id);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(text);
    };
    await page.goto(`${site.baseUrl}${BASE}`);
    await follow('New form');
    await page.waitForURL(/\/new$/);
    await typeInto('slug', 'keyboard');
    // English, the admin's language, is ticked already.
    assert.equal(await page.locator('#languages-2').isChecked(), true);
    await typeInto('title_en', 'Typed by keyboard');
    await press('Create the form');
    await page.waitForURL(/\?done=created$/);

    // A long text question: the type chosen in the list with the arrow keys.
    await tabTo(page, (e) => e.id === 'type-0', 'the type of a new question');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#type-0').inputValue(), 'longText');
    await press('Add a question');
    assert.match(page.url(), /\?done=1$/);
    await tabTo(page, (e) => e.href.endsWith('/pages/0/questions/1'), 'the new question');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/questions\/1$/);
    await typeInto('label_en', 'What happened?');
    await tabTo(page, (e) => e.id === 'required', 'required');
    await page.keyboard.press('Space');
    await press('Save');
    assert.match(page.url(), /\?done=1$/);
    assert.match(
      await page.locator('main').innerText(),
      /What happened\?\s*\(Long text, required\)/,
    );
    await press('Move up');

    await follow('Publish');
    await page.waitForURL(/\/publish$/);
    await press('Publish version 1');
    await page.waitForURL(/\?done=publish$/);
    await follow('Version 1');
    const main = await page.locator('main').innerText();
    assert.ok(main.indexOf('What happened?') < main.indexOf('New question'), main);
    await page.context().close();
  });
});
