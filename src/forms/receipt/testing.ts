// Receipt models for the tests and the benchmark: a Czech dog registration (ZoPDS, attachments)
// and a Slovenian form with 30 questions over 8 pages.
import type { ReceiptModel, ReceiptSection } from './model.ts';

/** A small PNG (1×1, transparent) and a short PDF, as a citizen's attachments. */
export const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);
export const SMALL_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Kopřivnice's dog registration as a Czech citizen signed in with NIA sends it. */
export function czechReceipt(): ReceiptModel {
  return {
    organisation: {
      name: 'Město Kopřivnice',
      country: 'CZ',
      czech: {
        ico: '00298077',
        dataBox: 'v7gbgdg',
        seat: { text: 'Štefánikova 1163/12, 742 21 Kopřivnice', country: 'CZ', ruianCode: 6512051 },
        isvs: { code: '1234', name: 'Okence – portál občana' },
      },
    },
    referenceNumber: 'MUKO/2026/00123',
    submittedAt: new Date('2026-12-02T07:25:00Z'),
    timeZone: 'Europe/Prague',
    lang: 'cs',
    form: {
      id: 'kopr-psi-evidence',
      title: 'Přihlášení psa k evidenci & poplatku',
      version: '3',
      rpp: {
        agenda: { code: 'A1062', name: 'Místní poplatky' },
        service: { code: 'S1234', name: 'Poplatek ze psů' },
        act: { code: 'U5678', name: 'Ohlášení držby psa' },
      },
    },
    submitter: {
      givenName: 'Jiří Řehoř',
      familyName: 'Dvořák-Šťastný',
      address: { text: 'Ďáblická 7, 742 21 Kopřivnice', country: 'CZ', ruianCode: 123456789 },
      email: 'jiri@example.cz',
      czech: { dateOfBirth: '1984-02-29', dataBox: 'abc1234' },
    },
    sections: [
      {
        title: 'Držitel psa',
        rows: [
          { label: 'Telefon', value: { kind: 'text', text: '+420 777 123 456' } },
          { label: 'Držím psa od', value: { kind: 'date', date: '2026-11-24' } },
          { label: 'Jsem poživatel důchodu', value: { kind: 'yesno', value: false } },
          { label: 'Sazba poplatku', value: { kind: 'money', minor: 150000, currency: 'CZK' } },
        ],
        subsections: [],
      },
      {
        title: 'Psi',
        rows: [],
        subsections: [
          {
            title: 'Pes 1',
            rows: [
              { label: 'Jméno psa', value: { kind: 'text', text: 'Žůžo – ťuňťa ďobeček ňouma' } },
              { label: 'Plemeno', value: { kind: 'list', items: ['kříženec', 'jezevčík'] } },
              { label: 'Fotografie', value: { kind: 'file', fileName: 'pes.png', bytes: 70 } },
            ],
          },
          {
            title: 'Pes 2',
            rows: [
              { label: 'Jméno psa', value: { kind: 'text', text: 'Šěřčůň' } },
              { label: 'Číslo čipu', value: { kind: 'empty' } },
            ],
          },
        ],
      },
    ],
    attachments: [
      { title: 'Fotografie psa', fileName: 'pes.png', mediaType: 'image/png', bytes: PNG },
      {
        title: 'Očkovací průkaz',
        fileName: 'očkování.pdf',
        mediaType: 'application/pdf',
        bytes: SMALL_PDF,
      },
    ],
    certificateToDataBox: true,
  };
}

const SL_LABELS = [
  'Ime in priimek',
  'Naslov stalnega prebivališča',
  'Datum rojstva',
  'Davčna številka',
  'Telefon',
  'Znesek plačila',
  'Želim obvestila po e-pošti',
  'Opis dejavnosti',
  'Čas trajanja',
  'Lokacija',
];

/** A Slovenian form with `questions` answers over `pages` pages (by default 30 over 8). */
export function longSlovenianReceipt(questions = 30, pages = 8): ReceiptModel {
  const sections: ReceiptSection[] = Array.from({ length: pages }, (_, page) => ({
    title: `${page + 1}. korak: podatki o zahtevi`,
    rows: [],
    subsections: [],
  }));
  for (let q = 0; q < questions; q++) {
    const label = `${SL_LABELS[q % SL_LABELS.length]} (vprašanje ${q + 1})`;
    const value =
      q % 5 === 0
        ? { kind: 'date' as const, date: '2026-12-24' }
        : q % 5 === 1
          ? { kind: 'money' as const, minor: 12_550 + q, currency: 'EUR' }
          : q % 5 === 2
            ? { kind: 'yesno' as const, value: q % 2 === 0 }
            : {
                kind: 'text' as const,
                text: `Čez cesto pri šoli želim postaviti stojnico za ${q + 1} dni; ćevapčiči in đuveč, žlahtna kuhinja. `.repeat(
                  q % 5 === 3 ? 3 : 1,
                ),
              };
    sections[q % pages]!.rows.push({ label, value });
  }
  return {
    organisation: { name: 'Upravna enota Domžale', country: 'SI' },
    referenceNumber: 'UE-DOM/2026/00042',
    submittedAt: new Date('2026-12-02T07:25:00Z'),
    timeZone: 'Europe/Ljubljana',
    lang: 'sl',
    form: { id: 'zapora-javne-povrsine', title: 'Zahteva za zasedbo javne površine', version: '1' },
    submitter: {
      givenName: 'Đurđa',
      familyName: 'Ćosić Žagar',
      address: { text: 'Ljubljanska cesta 80, 1230 Domžale', country: 'SI' },
      email: 'djurdja@example.si',
    },
    sections,
    attachments: [],
  };
}
