// A submission's receipt: a tagged PDF/A-3 with the answers in the citizen's language, the
// attachments embedded as associated files and, for a Czech office, the ZoPDS XML (decision 034).
import { createHash } from 'node:crypto';
import { localeOf, translator, type Translate } from '../../i18n/i18n.ts';
import { dateOf, formatWhen } from '../../views/dates.ts';
import { formatSize } from '../../views/sizes.ts';
import { formatValue, mediaTypeName } from './format.ts';
import { receiptModelSchema, type ParsedReceipt, type ReceiptModel } from './model.ts';
import {
  block,
  finish,
  footers,
  labelledList,
  openDocument,
  plainList,
  rule,
  type Page,
} from '../../views/pdf-document.ts';
import { buildZopdsXml, uniqueFileNames, ZOPDS_FILE_NAME } from './zopds.ts';

/** A rendered receipt: the PDF, its SHA-256 (hex) to store, and the ZoPDS XML it carries. */
export type Receipt = { pdf: Buffer; sha256: string; zopdsXml: string | null };

/** Renders the receipt of one submission; the same model always gives the same bytes. */
export async function renderReceipt(input: ReceiptModel): Promise<Receipt> {
  const m = receiptModelSchema.parse(input);
  const t = translator(m.lang);
  const zopdsXml = buildZopdsXml(m);
  const p = openDocument({
    locale: localeOf(m.lang),
    title: `${t('receipt.title')} ${m.referenceNumber}`,
    author: m.organisation.name,
    subject: m.form.title,
    created: m.submittedAt,
  });
  header(p, m, t);
  submitter(p, m, t);
  for (const section of m.sections) {
    const sect = p.doc.struct('Sect');
    p.root.add(sect);
    block(p, sect, 'H2', section.title);
    labelledList(
      p,
      sect,
      section.rows.map((r) => [r.label, formatValue(r.value, m.lang)]),
    );
    for (const sub of section.subsections) {
      const inner = p.doc.struct('Sect');
      sect.add(inner);
      block(p, inner, 'H3', sub.title);
      labelledList(
        p,
        inner,
        sub.rows.map((r) => [r.label, formatValue(r.value, m.lang)]),
      );
      inner.end();
    }
    sect.end();
  }
  attachments(p, m, t);
  footers(p, (page, pages) => `${m.referenceNumber} · ${t('receipt.page', { page, pages })}`);
  embed(p, m, zopdsXml);
  const pdf = await finish(p);
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex'), zopdsXml };
}

function header(p: Page, m: ParsedReceipt, t: Translate): void {
  block(p, p.root, 'P', m.organisation.name);
  block(p, p.root, 'H1', t('receipt.title'));
  block(p, p.root, 'P', t('receipt.intro'));
  rule(p.doc);
  const facts: [string, string][] = [
    [t('receipt.reference'), m.referenceNumber],
    [t('receipt.submitted_at'), formatWhen(m.submittedAt, m.timeZone, m.lang)],
    [t('receipt.recipient'), m.organisation.name],
    [
      t('receipt.form'),
      t('receipt.form_version', { title: m.form.title, version: m.form.version }),
    ],
  ];
  if (m.actAuthorisation)
    facts.push([
      t('receipt.act_authorised'),
      t('receipt.act_authorised_by', {
        when: formatWhen(m.actAuthorisation.at, m.timeZone, m.lang),
        provider: m.actAuthorisation.provider,
      }),
    ]);
  const rpp = m.form.rpp;
  if (rpp)
    facts.push([
      t('receipt.rpp'),
      t('receipt.rpp_value', {
        agenda: rpp.agenda.code,
        service: rpp.service.code,
        act: rpp.act.code,
      }),
    ]);
  labelledList(p, p.root, facts);
}

function submitter(p: Page, m: ParsedReceipt, t: Translate): void {
  const s = m.submitter;
  const sect = p.doc.struct('Sect');
  p.root.add(sect);
  block(p, sect, 'H2', t('receipt.submitter'));
  const rows: [string, string][] = [
    [t('receipt.name'), `${s.givenName} ${s.familyName}`],
    [t('receipt.address'), s.address.text],
  ];
  if (s.email) rows.push([t('receipt.email'), s.email]);
  if (s.czech) rows.push([t('receipt.date_of_birth'), dateOf(s.czech.dateOfBirth, m.lang)]);
  if (s.czech?.dataBox) rows.push([t('receipt.data_box'), s.czech.dataBox]);
  labelledList(p, sect, rows);
  sect.end();
}

function attachments(p: Page, m: ParsedReceipt, t: Translate): void {
  const sect = p.doc.struct('Sect');
  p.root.add(sect);
  block(p, sect, 'H2', t('receipt.attachments'));
  if (m.attachments.length === 0) block(p, sect, 'P', t('receipt.no_attachments'));
  else {
    block(p, sect, 'P', t('receipt.attachments_embedded'));
    const names = attachmentNames(m);
    plainList(
      p,
      sect,
      // "Fotografie psa: pes.png (PNG, 1 kB)": punctuation every language writes alike.
      m.attachments.map(
        (a, i) =>
          `${a.title}: ${names[i]} (${mediaTypeName(a.mediaType)}, ${formatSize(a.bytes.byteLength, m.lang)})`,
      ),
    );
  }
  sect.end();
}

/** The names the attachments are embedded under: unique, and never the ZoPDS file's. */
function attachmentNames(m: ParsedReceipt): string[] {
  return uniqueFileNames(
    m.attachments.map((a) => a.fileName),
    [ZOPDS_FILE_NAME],
  );
}

/**
 * Associated files (PDF/A-3): each attachment as a Supplement, the ZoPDS XML as Data, all
 * listed in the catalogue's /AF and the EmbeddedFiles name tree, dated at the submission.
 */
function embed(p: Page, m: ParsedReceipt, zopdsXml: string | null): void {
  const dates = { creationDate: m.submittedAt, modifiedDate: m.submittedAt };
  // pdfkit takes the PDF/A-3 relationship, which its type declarations do not list yet.
  type Associated = PDFKit.Mixins.PDFAttachmentOptions & { relationship: 'Data' | 'Supplement' };
  const attach = (bytes: Buffer, options: Associated) => p.doc.file(bytes, options);
  const names = attachmentNames(m);
  m.attachments.forEach((a, i) =>
    attach(Buffer.from(a.bytes), {
      name: names[i],
      type: a.mediaType.toLowerCase(),
      description: a.title,
      relationship: 'Supplement',
      ...dates,
    }),
  );
  if (zopdsXml)
    attach(Buffer.from(zopdsXml, 'utf8'), {
      name: ZOPDS_FILE_NAME,
      type: 'application/xml',
      description: 'Dokument z formuláře pro elektronické podání (ZoPDS) 2024-10-04',
      relationship: 'Data',
      ...dates,
    });
}
