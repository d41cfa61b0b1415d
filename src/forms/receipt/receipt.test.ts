// The receipt read back by Debian's poppler-utils (pdffonts, pdftotext, pdfdetach, pdfinfo), as
// an office's software would read it: fonts embedded, diacritics intact, the answers there, the
// ZoPDS XML and the attachments embedded byte for byte.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderReceipt, type Receipt } from './receipt.ts';
import { czechReceipt, longSlovenianReceipt, PNG, SMALL_PDF } from './testing.ts';
import { loadXsd } from './xsd-check.ts';
import { ZOPDS_FILE_NAME } from './zopds.ts';

const dir = mkdtempSync(join(tmpdir(), 'okence-receipt-'));
const tool = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const text = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
let cz: Receipt;
let sl: Receipt;
const czPath = join(dir, 'cz.pdf');
const slPath = join(dir, 'sl.pdf');

before(async () => {
  const poppler = ['pdffonts', 'pdftotext', 'pdfdetach', 'pdfinfo'];
  for (const cmd of poppler)
    if (spawnSync(cmd, ['-v'], { stdio: 'ignore' }).error)
      throw new Error(`${cmd} is missing: run "sudo apt-get install -y poppler-utils"`);
  cz = await renderReceipt(czechReceipt());
  sl = await renderReceipt(longSlovenianReceipt());
  writeFileSync(czPath, cz.pdf);
  writeFileSync(slPath, sl.pdf);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('pdffonts: every font is embedded, and only DejaVu is used', () => {
  for (const path of [czPath, slPath]) {
    const rows = tool('pdffonts', path).trim().split('\n').slice(2);
    assert.ok(rows.length >= 2, 'the regular and the bold face');
    for (const row of rows) {
      assert.match(row, /^[A-Z]{6}\+DejaVuSans(-Bold)? +CID TrueType +Identity-H +yes yes yes /);
    }
  }
});

test('pdftotext: the answers, the reference number and every sl and cs diacritic come back', () => {
  const c = text(tool('pdftotext', '-enc', 'UTF-8', czPath, '-'));
  for (const s of [
    'MUKO/2026/00123',
    'Potvrzení o podání',
    'středa 2. prosince 2026 v 08:25 SEČ',
    'Jiří Řehoř Dvořák-Šťastný',
    'Žůžo – ťuňťa ďobeček ňouma',
    'Šěřčůň',
    'kříženec a jezevčík',
    '1 500,00 Kč',
    '24. 11. 2026',
    'Nevyplněno',
    'agenda A1062, služba S1234, úkon U5678',
    'Očkovací průkaz: očkování.pdf (PDF, 1 kB)',
    'MUKO/2026/00123 · Strana 1 z 2',
  ])
    assert.ok(c.includes(s), `the Czech receipt says ${s}`);
  const s = text(tool('pdftotext', '-enc', 'UTF-8', slPath, '-'));
  for (const want of [
    'UE-DOM/2026/00042',
    'Đurđa Ćosić Žagar',
    '125,51 €',
    '24. 12. 2026',
    'Brez prilog.',
  ])
    assert.ok(s.includes(want), `the Slovenian receipt says ${want}`);
  // Every letter of sl and cs beyond ASCII, and the capitals the names start with.
  for (const letter of 'čćđšžřůěňťďáéíúýČĆĐŠŽŘ')
    assert.ok(c.includes(letter) || s.includes(letter), letter);
});

// Rendered after the Czech receipt on purpose: the fonts are shared between documents, and a
// Czech one once left its Č's parts in fontkit's glyph cache, which took "C" out of a later text.
test('in English: the date, the time with its zone and money as English writes them', async () => {
  const m = longSlovenianReceipt();
  m.lang = 'en';
  const path = join(dir, 'en.pdf');
  writeFileSync(path, (await renderReceipt(m)).pdf);
  const e = text(tool('pdftotext', '-enc', 'UTF-8', path, '-'));
  for (const want of [
    'Receipt of your submission',
    'Wednesday, 2 December 2026 at 08:25 CET',
    '€125.51',
    '24/12/2026',
    'No attachments.',
    'UE-DOM/2026/00042 · Page 1 of',
  ])
    assert.ok(e.includes(want), want);
  assert.match(readFileSync(path).toString('latin1'), /\/Lang \(en-GB\)/);
});

test('pdfdetach: the ZoPDS XML is embedded under its name, parses back and conforms', () => {
  const list = tool('pdfdetach', '-enc', 'UTF-8', '-list', czPath);
  const names = [...list.matchAll(/^\d+: (.+)$/gm)].map((m) => m[1]);
  assert.deepEqual(
    [...names].sort(),
    ['metadata-dokumentu-formuláře-pro-elektronické-podání.xml', 'očkování.pdf', 'pes.png'].sort(),
  );
  const saved = (name: string) => {
    const out = join(dir, `saved-${names.indexOf(name)}`);
    tool('pdfdetach', '-save', String(names.indexOf(name) + 1), '-o', out, czPath);
    return readFileSync(out);
  };
  const xml = saved(ZOPDS_FILE_NAME).toString('utf8');
  assert.equal(xml, cz.zopdsXml);
  assert.deepEqual(loadXsd(join(import.meta.dirname, 'standards')).check(xml), []);
  const d = new XMLParser({ removeNSPrefix: true, parseTagValue: false }).parse(xml).dokument;
  assert.equal(d.jid, 'MUKO/2026/00123');
  assert.equal(d.odesílatel.fyzická_osoba.příjmení, 'Dvořák-Šťastný');
  assert.equal(d.počet_příloh, '2');
  assert.ok(saved('pes.png').equals(PNG), 'the photo byte for byte');
  assert.ok(saved('očkování.pdf').equals(SMALL_PDF), 'the PDF byte for byte');
  assert.match(tool('pdfdetach', '-list', slPath), /^0 embedded files/);
});

test('associated files: the XML is Data, the attachments Supplement, each with its type and date', () => {
  const raw = cz.pdf.toString('latin1');
  const specs = [...raw.matchAll(/<<\n\/Type \/Filespec\n\/AFRelationship \/(\w+)/g)].map(
    (m) => m[1],
  );
  assert.deepEqual(specs.sort(), ['Data', 'Supplement', 'Supplement']);
  assert.match(raw, /\/AF \[\d+ 0 R \d+ 0 R \d+ 0 R\]/);
  assert.match(raw, /\/Subtype \/application#2Fxml/);
  assert.equal((raw.match(/\/ModDate \(D:20261202072500Z\)/g) ?? []).length, 3);
});

test('XMP claims PDF/A-3a and is well-formed, even with "&" in the title; the document has its language', () => {
  const xmp = tool('pdfinfo', '-meta', czPath);
  assert.equal(XMLValidator.validate(xmp.replace(/<\?xpacket[^>]*\?>/g, '').trim()), true);
  assert.match(xmp, /<pdfaid:part>3<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/);
  assert.match(xmp, /Přihlášení psa k evidenci &amp; poplatku/);
  const info = tool('pdfinfo', czPath);
  assert.match(info, /^Tagged: +yes$/m);
  assert.match(info, /^PDF version: +1\.7$/m);
  assert.match(info, /^Title: +Potvrzení o podání MUKO\/2026\/00123$/m);
  assert.match(cz.pdf.toString('latin1'), /\/Lang \(cs-CZ\)/);
  assert.match(sl.pdf.toString('latin1'), /\/Lang \(sl-SI\)/);
  assert.match(cz.pdf.toString('latin1'), /\/DisplayDocTitle true/);
  assert.match(cz.pdf.toString('latin1'), /\/OutputIntents \[\d+ 0 R\]/);
});

/** Each page content stream's operators that paint, with the marked content open around them. */
function paintedOutsideMarks(pdf: Buffer): { painted: number; unmarked: string[] } {
  const raw = pdf.toString('latin1');
  let painted = 0;
  const unmarked: string[] = [];
  for (const m of raw.matchAll(/\/Filter \/FlateDecode[^]*?>>\nstream\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('\nendstream', start);
    let body: string;
    try {
      body = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    if (!/\nBT\n/.test(`\n${body}`)) continue; // not a page's content
    const open: string[] = [];
    // pdfkit writes a marked-content dictionary over several lines: one line per operator.
    const ops = body.replace(/<<[^]*?>>/g, (d) => d.replace(/\n/g, ' ')).split('\n');
    for (const line of ops) {
      if (/ BDC$| BMC$/.test(line)) open.push(line);
      else if (line === 'EMC') open.pop();
      else if (/ T[Jj]$|^[Sf]$|^f\*$/.test(line)) {
        painted++;
        const marked = open.some((o) => o.startsWith('/Artifact') || /\/MCID \d+/.test(o));
        if (!marked) unmarked.push(line);
      }
    }
  }
  return { painted, unmarked };
}

test('tagged throughout: every painted text and line is structure content or an artifact', async () => {
  for (const r of [cz, sl]) {
    const { painted, unmarked } = paintedOutsideMarks(r.pdf);
    assert.ok(painted > 50, `found the page content (${painted} operators)`);
    assert.deepEqual(unmarked, []);
  }
  // An answer that runs over two pages stays one tagged LBody, continued on the next page.
  const long = longSlovenianReceipt(1, 1);
  const essay = 'Dolg odgovor o zasedbi površine, ki se nadaljuje čez več strani. '.repeat(140);
  long.sections[0]!.rows.push({ label: 'Obrazložitev', value: { kind: 'text', text: essay } });
  const pdf = (await renderReceipt(long)).pdf;
  const { unmarked } = paintedOutsideMarks(pdf);
  assert.deepEqual(unmarked, []);
  const path = join(dir, 'long.pdf');
  writeFileSync(path, pdf);
  assert.match(tool('pdfinfo', path), /^Pages: +[2-9]$/m);
  const raw = cz.pdf.toString('latin1');
  for (const type of ['Document', 'H1', 'H2', 'H3', 'Sect', 'L', 'LI', 'Lbl', 'LBody', 'P'])
    assert.match(raw, new RegExp(`/S /${type}\\n`), type);
  assert.match(raw, /\/MarkInfo \d+ 0 R/);
});

test('the same submission gives the same bytes, and sha256 is theirs', async () => {
  const again = await renderReceipt(czechReceipt());
  assert.equal(again.sha256, cz.sha256);
  assert.equal(createHash('sha256').update(cz.pdf).digest('hex'), cz.sha256);
  const other = czechReceipt();
  other.referenceNumber = 'MUKO/2026/00124';
  assert.notEqual((await renderReceipt(other)).sha256, cz.sha256);
});

test('a character the font lacks becomes U+FFFD, never an unembedded glyph', async () => {
  const m = longSlovenianReceipt(2, 1);
  m.sections[0]!.rows.push({
    label: 'Opomba',
    value: { kind: 'text', text: 'pes 🐕 in 漢字 \u0007' },
  });
  const r = await renderReceipt(m);
  const path = join(dir, 'emoji.pdf');
  writeFileSync(path, r.pdf);
  assert.ok(
    text(tool('pdftotext', '-enc', 'UTF-8', path, '-')).includes('pes \uFFFD in \uFFFD\uFFFD'),
  );
  assert.ok(
    tool('pdffonts', path)
      .trim()
      .split('\n')
      .slice(2)
      .every((row) => / yes yes yes /.test(row)),
  );
});
