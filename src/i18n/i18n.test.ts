import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS,
  MESSAGES,
  fillMessage,
  localize,
  missingLanguages,
  negotiateLanguage,
  pluralBlocks,
  pluralRulesOf,
  translator,
} from './i18n.ts';
import { meetingClientMessages } from './messages/meeting-client.ts';

/** The parameters a message uses: `{name}` and the variable of each `{name, plural, …}`. */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();

const entries = (lang: 'sl' | 'cs') =>
  Object.entries(MESSAGES[lang]) as [keyof typeof MESSAGES.en, string][];

test('every language has exactly the English keys, none empty, with the same placeholders', () => {
  const keys = Object.keys(MESSAGES.en).sort();
  for (const lang of LANGS) {
    const messages = MESSAGES[lang];
    assert.deepEqual(Object.keys(messages).sort(), keys, `${lang} keys differ from en`);
    for (const key of keys) {
      const text = messages[key as keyof typeof messages];
      assert.ok(text.trim().length > 0, `${lang}.${key} is empty`);
      assert.deepEqual(
        placeholders(text),
        placeholders(MESSAGES.en[key as keyof typeof MESSAGES.en]),
        `${lang}.${key} placeholders`,
      );
    }
  }
});

// Texts that read the same in English and in the language on purpose (names, units, codes).
const SAME_AS_ENGLISH: Record<'sl' | 'cs', readonly string[]> = {
  // IBAN is the same code everywhere.
  sl: [
    'forms.admin.pattern.iban',
    // Filing systems' suppliers say "webhook" in both languages (decision 040).
    'delivery.channel.webhook',
    'audit.type.submission_webhook',
    // The names of the bank QR formats (QR Platba is the Czech banks' own name).
    'payments.qr.format.spayd',
    'payments.qr.format.upn',
  ],
  // Czech writes "role" and "chat" as English does.
  cs: [
    'agenda.home.role',
    'identity.field.role',
    'audit.key.role',
    'room.chat',
    'room.chat_toggle',
    'agenda.chat',
    // Czech offices and their suppliers say "API token" (decision 037).
    'audit.type.api_token',
    'forms.admin.pattern.iban',
    'delivery.channel.webhook',
    'audit.type.submission_webhook',
    // Czech writes "e-mail" as English does.
    'delivery.channel.email',
    'payments.qr.format.spayd',
    'payments.qr.format.upn',
    'payments.qr.field.iban',
  ],
};

test('translations are not left in English, except those listed as the same on purpose', () => {
  for (const lang of ['sl', 'cs'] as const) {
    const same = entries(lang)
      .filter(
        ([k, v]) =>
          v === MESSAGES.en[k] && !SAME_AS_ENGLISH[lang].includes(k) && /[a-z]{3}/i.test(v),
      )
      .map(([k, v]) => `${k}: ${v}`);
    assert.deepEqual(same, [], `${lang} has texts equal to the English ones`);
  }
});

/** What a Slovenian or Czech text does against the typography of its language, if anything. */
function typographyFault(text: string): string | null {
  if (/["»«”]/.test(text)) return 'quote with „…“';
  const quotes = text.replace(/[^„“]/g, '');
  if (!/^(„“)*$/.test(quotes)) return 'unpaired „…“';
  // An ISO date (2026-12-31, what a form asks for) keeps its hyphens.
  if (/\d ?- ?\d/.test(text.replace(/\d{4}-\d\d(-\d\d)?/g, 'D'))) return 'a range takes an en dash';
  if (/ -(?= )/.test(text)) return 'a dash between words is an en dash';
  if (/\s[,.;:!?]/.test(text)) return 'space before punctuation';
  if (/\.\.\./.test(text)) return 'an ellipsis is one character';
  if (/—/.test(text)) return 'a dash is an en dash between spaces';
  // A line must not break inside "2 000" nor between a number and its unit ("15 min", "3 MB").
  if (/(\d|\{(minutes|seconds|count|size|days)\})[ ](min|s|h|[kMG]B|%|Kč|€)(?![\p{L}])/u.test(text))
    return 'a number and its unit are joined by a no-break space';
  if (/\d [0-9]{3}(?!\d)/.test(text.replace(/\+\d[\d ]+/g, 'TEL')))
    return 'thousands are grouped with a no-break space';
  return null;
}

// Texts that name a typewriter character as such (the characters a field may not contain).
const LITERAL_CHARACTERS: readonly string[] = ['tenants.error.sender_name'];

test('Slovenian and Czech texts use their own quotation marks and dashes, not typewriter ones', () => {
  for (const lang of ['sl', 'cs'] as const) {
    const faults = entries(lang).flatMap(([key, text]) => {
      if (LITERAL_CHARACTERS.includes(key)) return [];
      const fault = typographyFault(text);
      return fault ? [`${key}: ${fault}: ${text}`] : [];
    });
    assert.deepEqual(faults, [], lang);
  }
  assert.equal(typographyFault('Za „{query}“ ni zadetkov'), null);
  assert.equal(typographyFault('Za "{query}" ni zadetkov'), 'quote with „…“');
  assert.equal(typographyFault('Od 8-12'), 'a range takes an en dash');
  assert.equal(
    typographyFault('čez {minutes} min'),
    'a number and its unit are joined by a no-break space',
  );
  assert.equal(typographyFault('čez {minutes}\u00a0min, na primer +386 1 234 5678'), null);
});

test('no Slovenian or Czech text hedges a gender with "(a)": it is worded so no gender is needed', () => {
  for (const lang of ['sl', 'cs'] as const) {
    const hedged = entries(lang)
      .filter(([, text]) => /\p{L}\((a|la|o|i|y|e)\)|\p{L}\/(a|la|ka|ice)\b/u.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    assert.deepEqual(hedged, [], lang);
  }
});

test('a message with a count has every plural form its language needs, for every whole number', () => {
  for (const lang of LANGS) {
    const rules = pluralRulesOf(lang);
    const needed = new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)));
    for (const [key, text] of Object.entries(MESSAGES[lang])) {
      for (const block of pluralBlocks(text)) {
        for (const category of needed)
          assert.ok(block.forms.has(category), `${lang}.${key} lacks the form ${category}`);
        for (const category of block.forms.keys()) {
          assert.ok(
            /^=\d+$/.test(category) ||
              rules.resolvedOptions().pluralCategories.includes(category as Intl.LDMLPluralRule),
            `${lang}.${key}: ${category}`,
          );
        }
      }
    }
  }
});

test('the meeting page fills its texts in the browser without plural rules, so they have none', () => {
  for (const lang of LANGS) {
    for (const [key, text] of Object.entries(meetingClientMessages[lang]))
      assert.deepEqual(pluralBlocks(text), [], `${lang}.${key}`);
  }
});

test('counts take the form of their number: sl one, two (dual), few, other; cs one, few, other', () => {
  const days = {
    sl: '{n, plural, one {# dan} two {# dneva} few {# dnevi} other {# dni}}',
    cs: '{n, plural, one {# den} few {# dny} other {# dní}}',
  };
  const sl = [1, 2, 3, 4, 5, 11, 101, 102, 103, 105].map((n) => fillMessage(days.sl, 'sl', { n }));
  assert.deepEqual(sl, [
    '1 dan',
    '2 dneva',
    '3 dnevi',
    '4 dnevi',
    '5 dni',
    '11 dni',
    '101 dan',
    '102 dneva',
    '103 dnevi',
    '105 dni',
  ]);
  const cs = [0, 1, 2, 4, 5, 21, 22].map((n) => fillMessage(days.cs, 'cs', { n }));
  assert.deepEqual(cs, ['0 dní', '1 den', '2 dny', '4 dny', '5 dní', '21 dní', '22 dní']);
  const nested = 'Od {from}: {count, plural, one {# odgovor ({who})} other {# odgovorov ({who})}}.';
  assert.equal(
    fillMessage(nested, 'sl', { from: 'A', count: 1, who: 'B' }),
    'Od A: 1 odgovor (B).',
  );
  assert.equal(
    fillMessage(nested, 'sl', { from: 'A', count: 7, who: 'B' }),
    'Od A: 7 odgovorov (B).',
  );
});

test('every plural message reads right for the numbers that choose each form', () => {
  const t = { sl: translator('sl'), cs: translator('cs'), en: translator('en') };
  assert.equal(t.sl('tenants.service.duration_minutes', { minutes: 1 }), '1 minuta');
  assert.equal(t.sl('tenants.service.duration_minutes', { minutes: 2 }), '2 minuti');
  assert.equal(t.sl('tenants.service.duration_minutes', { minutes: 3 }), '3 minute');
  assert.equal(t.sl('tenants.service.duration_minutes', { minutes: 30 }), '30 minut');
  assert.equal(t.cs('tenants.service.duration_minutes', { minutes: 1 }), '1 minuta');
  assert.equal(t.cs('tenants.service.duration_minutes', { minutes: 3 }), '3 minuty');
  assert.equal(t.cs('tenants.service.duration_minutes', { minutes: 30 }), '30 minut');
  assert.equal(t.en('tenants.service.duration_minutes', { minutes: 1 }), '1 minute');
});

test('language comes from ?lang=, then the cookie, then Accept-Language, then Slovenian', () => {
  assert.equal(negotiateLanguage({ query: 'cs', cookie: 'en', acceptLanguage: 'sl' }), 'cs');
  assert.equal(negotiateLanguage({ query: 'de', cookie: 'en', acceptLanguage: 'cs' }), 'en');
  assert.equal(negotiateLanguage({ acceptLanguage: 'de-DE,de;q=0.9,cs;q=0.8,en;q=0.7' }), 'cs');
  assert.equal(negotiateLanguage({ acceptLanguage: 'en;q=0.5, sl-SI;q=0.9' }), 'sl');
  assert.equal(negotiateLanguage({ acceptLanguage: 'cs;q=0, en' }), 'en');
  assert.equal(negotiateLanguage({ acceptLanguage: 'fr' }), 'sl');
  assert.equal(negotiateLanguage({}), 'sl');
});

test('translator fills placeholders and leaves unknown ones visible', () => {
  assert.equal(translator('en')('tenants.home.results', { count: 3 }), 'Offices found: 3');
  assert.equal(translator('sl')('agenda.home.title', {}), 'Pozdravljeni, {name}');
});

test('organisation texts fall back to another language rather than vanish', () => {
  assert.equal(localize({ sl: 'Potrdilo', en: 'Certificate' }, 'cs', 'sl'), 'Potrdilo');
  assert.equal(localize({ en: 'Certificate' }, 'cs', 'sl'), 'Certificate');
  assert.equal(localize({ cs: 'Potvrzení', en: 'Certificate' }, 'cs'), 'Potvrzení');
  assert.equal(localize(undefined, 'en'), '');
  assert.deepEqual(missingLanguages({ sl: 'a', en: ' ' }), ['cs', 'en']);
});
