// Submission receipts without HTTP or a database: how many receipts per second one process
// renders for a long form (30 questions over 8 pages), and their p99, against a bare pdfkit
// document that prints the same text in the same font (untagged, no PDF/A, nothing embedded),
// measured in the same run. `node bench/receipt.ts` runs it alone.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { formatValue } from '../src/forms/receipt/format.ts';
import type { ReceiptModel } from '../src/forms/receipt/model.ts';
import { renderReceipt } from '../src/forms/receipt/receipt.ts';
import { czechReceipt, longSlovenianReceipt } from '../src/forms/receipt/testing.ts';

const RUNS = Number(process.env.BENCH_RECEIPTS ?? 200);
const WARM_UP = 20;

const fontFile = join(
  dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
  'DejaVuSans.ttf',
);
// The baseline gets the receipt's advantage too: the font parsed once, not per document (a
// bare document given the file parses it each time and runs at about a third of this rate).
const probe = new PDFDocument({ autoFirstPage: false }).font(readFileSync(fontFile));
const font = (probe as unknown as { _font: { font: unknown } })._font.font as string;

/** The receipt's text as lines: what the bare document prints. */
function lines(m: ReceiptModel): string[] {
  return [
    m.organisation.name,
    m.referenceNumber,
    m.form.title,
    `${m.submitter.givenName} ${m.submitter.familyName}`,
    m.submitter.address.text,
    m.submitter.email ?? '',
    ...m.sections.flatMap((s) => [
      s.title,
      ...s.rows.flatMap((r) => [r.label, formatValue(r.value, m.lang)]),
    ]),
  ];
}

/** The baseline: a plain pdfkit document with the same text and font. */
function bare(text: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', font });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const line of text) doc.text(line);
    doc.end();
  });
}

/** Renders `RUNS` times in a row after a warm-up: per second, p99 and bytes. */
async function time(render: () => Promise<Buffer>) {
  for (let i = 0; i < WARM_UP; i++) await render();
  const ms: number[] = [];
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    bytes = (await render()).byteLength;
    ms.push(performance.now() - t);
  }
  const total = performance.now() - start;
  ms.sort((a, b) => a - b);
  return {
    perSecond: Math.round((RUNS / total) * 1000),
    p99: Number(ms[Math.ceil(RUNS * 0.99) - 1]!.toFixed(1)),
    bytes,
  };
}

/** The long form as a Czech office receives it: ZoPDS XML and two attachments embedded too. */
function longCzechReceipt(): ReceiptModel {
  const long = longSlovenianReceipt();
  return { ...czechReceipt(), sections: long.sections };
}

/** Receipts per second and p99 for the long form, sl and cs, beside the bare pdfkit baseline. */
export async function receiptFigures() {
  const rows = [];
  for (const [label, model] of [
    ['sl, no attachments', longSlovenianReceipt()],
    ['cs, ZoPDS + 2 attachments', longCzechReceipt()],
  ] as const) {
    const text = lines(model);
    const baseline = await time(() => bare(text));
    const receipt = await time(async () => (await renderReceipt(model)).pdf);
    rows.push({
      receipt: label,
      'receipts/s': receipt.perSecond,
      'p99 ms': receipt.p99,
      'KB each': Math.round(receipt.bytes / 1024),
      'bare pdfkit/s': baseline.perSecond,
      'bare p99 ms': baseline.p99,
      'ratio receipt/bare': Number((receipt.perSecond / baseline.perSecond).toFixed(3)),
    });
  }
  return rows;
}

/** Prints the section's table. */
export function printReceiptFigures(rows: Awaited<ReturnType<typeof receiptFigures>>): void {
  console.log(
    `\nReceipts: a 30-question, 8-page answer set rendered ${RUNS} times in a row (after ${WARM_UP}), one process, no HTTP; bare = the same text in a plain pdfkit document.`,
  );
  console.table(rows);
}

if (import.meta.main) printReceiptFigures(await receiptFigures());
