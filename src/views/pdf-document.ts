// The receipt's PDF/A-3 document on pdfkit: fonts, tagging, page furniture and the metadata
// fix, so that a receipt (forms/receipt/receipt.ts, payments/receipt.ts) only says what goes on it
// (decision 034).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/** The PDF/A part and conformance the receipt claims in its XMP (decision 034: why 3a). */
export const PDFA_SUBSET = 'PDF/A-3a';

// The DejaVu fonts from their npm package, so an installation needs no system fonts: Sans covers
// Latin (all of sl and cs), Cyrillic and Greek; it is embedded as a subset with its ToUnicode.
const fontDir = join(
  dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);

/** A font as fontkit parsed it: pdfkit takes one as a font source, and it knows its glyphs. */
type Parsed = { layout: unknown; hasGlyphForCodePoint(codePoint: number): boolean };
let fonts: { regular: Parsed; bold: Parsed } | undefined;

/**
 * The two faces, parsed once per process. Given a file, pdfkit parses it again for every
 * document, and DejaVu's tables made that most of a receipt's time (decision 034). A parsed font
 * holds nothing of one document (each document makes its own subset), so documents share it.
 */
function parsedFonts(): { regular: Parsed; bold: Parsed } {
  if (!fonts) {
    const probe = new PDFDocument({ autoFirstPage: false });
    const parse = (file: string): Parsed => {
      probe.font(readFileSync(join(fontDir, file)));
      return (probe as unknown as { _font: { font: Parsed } })._font.font;
    };
    fonts = { regular: parse('DejaVuSans.ttf'), bold: parse('DejaVuSans-Bold.ttf') };
  }
  return fonts;
}

export type Doc = InstanceType<typeof PDFDocument>;
export type Struct = ReturnType<Doc['struct']>;

const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * pdfkit writes the document info into XMP without escaping it, so a title with "&" or "<"
 * would make the metadata packet ill-formed (and the file not PDF/A). This is its _addInfo with
 * escaping; the same values, so the info dictionary and the XMP agree as PDF/A requires.
 */
function escapedInfo(this: Doc & { info: Record<string, string | Date> }): void {
  const info = this.info;
  const created = (info.CreationDate as Date).toISOString().split('.')[0] + 'Z';
  const alt = (v: string) =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(v)}</rdf:li></rdf:Alt>`;
  this.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${created}</xmp:CreateDate>
            <xmp:CreatorTool>${xmlEscape(String(info.Creator))}</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title>${alt(String(info.Title))}</dc:title>
            <dc:creator><rdf:Seq><rdf:li>${xmlEscape(String(info.Author))}</rdf:li></rdf:Seq></dc:creator>
            <dc:description>${alt(String(info.Subject))}</dc:description>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${xmlEscape(String(info.Producer))}</pdf:Producer>
        </rdf:Description>`);
}

export type Page = {
  doc: Doc;
  /** The document's root structure element: every tagged part goes under it. */
  root: Struct;
  /** Text the embedded font can draw: a character it lacks becomes U+FFFD, never .notdef. */
  safe(text: string): string;
};

/** A new tagged PDF/A-3 A4 document in the given locale, with DejaVu Sans as its only font. */
export function openDocument(o: {
  locale: string;
  title: string;
  author: string;
  subject: string;
  created: Date;
}): Page {
  const { regular, bold } = parsedFonts();
  // fontkit keeps each glyph it made, with the characters it was made for; encoding a subset
  // makes the parts of a composed glyph (the C of Č) with none, and a later document drawing a
  // plain C would reuse that one and map it to no text (pdftotext lost "C" from "CET" after a
  // Czech receipt). So each document starts without such glyphs; the others stay cached.
  for (const font of [regular, bold]) {
    const cache = (font as unknown as { _glyphs: Record<string, { codePoints: number[] }> })
      ._glyphs;
    for (const id of Object.keys(cache)) if (cache[id]!.codePoints.length === 0) delete cache[id];
  }
  // pdfkit's types list file sources only; a parsed font is one too (PDFFontFactory.open).
  const source = (font: Parsed) => font as unknown as string;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 72, left: 62, right: 62 },
    pdfVersion: '1.7',
    subset: PDFA_SUBSET,
    tagged: true,
    lang: o.locale,
    displayTitle: true,
    bufferPages: true, // the footer's "page n of m" is written once the count is known
    font: source(regular), // never a standard (unembedded) font, even unused
    info: {
      Title: o.title,
      Author: o.author,
      Subject: o.subject,
      Creator: 'Okence',
      Producer: 'Okence (pdfkit)',
      // The submission's instant, not the rendering's: the same submission gives the same bytes.
      CreationDate: o.created,
    },
  });
  (doc as unknown as { _addInfo: typeof escapedInfo })._addInfo = escapedInfo;
  doc.registerFont('regular', source(regular));
  doc.registerFont('bold', source(bold));
  doc.font('regular');
  const glyphs = regular;
  const replacement = glyphs.hasGlyphForCodePoint(0xfffd) ? '\uFFFD' : '?';
  // Control characters draw nothing (a tab becomes a space); a line break stays one.
  const safe = (text: string): string =>
    Array.from(text.replace(/\r\n?/g, '\n').replace(/\t/g, ' '))
      .map((c) => {
        const cp = c.codePointAt(0)!;
        if (c === '\n') return c;
        if (cp < 0x20 || cp === 0x7f) return '';
        return glyphs.hasGlyphForCodePoint(cp) ? c : replacement;
      })
      .join('');
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { doc, root, safe };
}

const GREY = '#4a4a4a';

/** A heading (H1–H3) or paragraph, tagged, in the document's flow. */
export function block(p: Page, parent: Struct, type: 'H1' | 'H2' | 'H3' | 'P', text: string): void {
  const { doc } = p;
  const style = { H1: [18, 'bold'], H2: [13, 'bold'], H3: [11.5, 'bold'], P: [10.5, 'regular'] };
  const [size, font] = style[type] as [number, string];
  if (type === 'H2' || type === 'H3') doc.moveDown(type === 'H2' ? 0.7 : 0.3); // a part starts apart
  if (type !== 'P') keepRoom(doc, 60);
  parent.add(
    doc.struct(type, {}, () => {
      doc.font(font).fontSize(size).fillColor('black').text(p.safe(text));
    }),
  );
  doc.moveDown(type === 'P' ? 0.6 : 0.4);
}

/** A list of label–value items (L > LI > Lbl + LBody), the way the receipt shows answers. */
export function labelledList(p: Page, parent: Struct, items: [string, string][]): void {
  const { doc } = p;
  const list = doc.struct('L');
  parent.add(list);
  for (const [label, value] of items) {
    keepRoom(doc, 40); // a label never stays alone at the foot of a page
    const lbl = doc.struct('Lbl', {}, () => {
      doc.font('bold').fontSize(9).fillColor(GREY).text(p.safe(label));
    });
    const body = doc.struct('LBody', {}, () => {
      doc.font('regular').fontSize(10.5).fillColor('black').text(p.safe(value), { indent: 0 });
    });
    list.add(doc.struct('LI', {}, [lbl, body]));
    doc.moveDown(0.45);
  }
  list.end();
}

/** A plain list of lines (L > LI > LBody), e.g. the attachments. */
export function plainList(p: Page, parent: Struct, lines: string[]): void {
  const { doc } = p;
  const list = doc.struct('L');
  parent.add(list);
  for (const line of lines) {
    keepRoom(doc, 24);
    const body = doc.struct('LBody', {}, () => {
      doc.font('regular').fontSize(10.5).fillColor('black').text(p.safe(line));
    });
    list.add(doc.struct('LI', {}, [body]));
    doc.moveDown(0.3);
  }
  list.end();
}

/** A thin rule under the header: decoration, so an artifact outside the structure. */
export function rule(doc: Doc): void {
  const y = doc.y + 2;
  doc.markContent('Artifact', { type: 'Layout' });
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(0.6)
    .strokeColor('#9a9a9a')
    .stroke();
  doc.endMarkedContent();
  doc.y = y + 10;
}

function keepRoom(doc: Doc, points: number): void {
  if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Each page's footer ("reference · page n of m"), as pagination artifacts. */
export function footers(p: Page, text: (page: number, pages: number) => string): void {
  const { doc } = p;
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // text below the margin would otherwise start a new page
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor(GREY)
      .text(p.safe(text(i - start + 1, count)), doc.page.margins.left, doc.page.height - 44, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

/** Ends the document and gives its bytes. */
export function finish(p: Page): Promise<Buffer> {
  const { doc } = p;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    p.root.end();
    doc.end();
  });
}
