// The hostile upload corpus: files an attacker (or an unlucky citizen) sends, each generated in
// memory with what it must come to. Only tests import this file.
import {
  concat,
  makeCompoundFile,
  makeOdf,
  makeZip,
  samplePdf,
  type TestEntry,
} from './testing.ts';

/** What the folder must do with a file: keep it, refuse it (and why), or quarantine it (the scanner's job). */
export type Expected =
  { outcome: 'accepted' } | { outcome: 'refused'; reason: string } | { outcome: 'quarantined' };

export type CorpusItem = { name: string; bytes: Uint8Array; expected: Expected; what: string };

const accepted: Expected = { outcome: 'accepted' };
const refused = (reason: string): Expected => ({ outcome: 'refused', reason });

const CONTENT_TYPES = (extra = '') =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>${extra}</Types>`;

/** An OOXML package of `folder` with its content types, a main part, and `more` parts. */
export function ooxml(
  folder: 'word' | 'xl' | 'ppt',
  more: TestEntry[] = [],
  contentTypes = CONTENT_TYPES(),
): Uint8Array {
  const main = { word: 'document', xl: 'workbook', ppt: 'presentation' }[folder];
  return makeZip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships/>' },
    {
      name: `${folder}/${main}.xml`,
      data: `<?xml version="1.0"?><${main}>${'Vloga '.repeat(200)}</${main}>`,
    },
    ...more,
  ]);
}

/** An ODF package of `mime` with `more` entries after its content. */
export function odf(mime: string, more: TestEntry[] = []): Uint8Array {
  const base = makeOdf(mime);
  if (more.length === 0) return base;
  return makeZip([
    { name: 'mimetype', data: mime, store: true },
    { name: 'content.xml', data: '<?xml version="1.0"?><office:document-content/>' },
    { name: 'META-INF/manifest.xml', data: '<?xml version="1.0"?><manifest:manifest/>' },
    ...more,
  ]);
}

/**
 * A ZIP whose headers (local and central) understate how much an entry inflates to: the
 * directory promises `declared` bytes, the data inflates to `real`.
 */
export function lyingZipBomb(real: number, declared: number): Uint8Array {
  const zip = ooxml('word', [
    { name: 'word/media/padding.xml', data: new Uint8Array(real), level: 1 },
  ]);
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  let central = v.getUint32(end + 16, true);
  for (let i = 0; i < v.getUint16(end + 10, true); i++) {
    const nameLength = v.getUint16(central + 28, true);
    const name = new TextDecoder().decode(zip.subarray(central + 46, central + 46 + nameLength));
    if (name === 'word/media/padding.xml') {
      const local = v.getUint32(central + 42, true);
      v.setUint32(central + 24, declared, true);
      v.setUint32(local + 22, declared, true);
    }
    central += 46 + nameLength + v.getUint16(central + 30, true) + v.getUint16(central + 32, true);
  }
  return zip;
}

const MB = 1024 * 1024;
const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';
const PE = concat(
  'MZ',
  new Uint8Array(58),
  new Uint8Array([0x80, 0, 0, 0]),
  'This program cannot be run in DOS mode.',
);
const ELF = concat(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), new Uint8Array(57));
const vba = (storage: string) =>
  makeCompoundFile([], { name: storage, streams: ['dir', 'Module1', 'PROJECT'] });

/** Every hostile file, and a few ordinary ones beside them that must still pass. */
export function hostileCorpus(): CorpusItem[] {
  return [
    // Macros, in every container that can hold them.
    {
      what: '.doc with a Macros storage',
      name: 'Vloga.doc',
      bytes: makeCompoundFile(['WordDocument', '1Table'], {
        name: 'Macros',
        streams: ['PROJECT', 'PROJECTwm'],
      }),
      expected: refused('macros'),
    },
    {
      what: '.xls with _VBA_PROJECT_CUR',
      name: 'Tabela.xls',
      bytes: makeCompoundFile(['Workbook'], { name: '_VBA_PROJECT_CUR', streams: ['PROJECT'] }),
      expected: refused('macros'),
    },
    {
      what: '.docx with word/vbaProject.bin',
      name: 'Vloga.docx',
      bytes: ooxml('word', [{ name: 'word/vbaProject.bin', data: vba('VBA') }]),
      expected: refused('macros'),
    },
    {
      what: '.docx whose content types name a macro-enabled document',
      name: 'Porocilo.docx',
      bytes: ooxml(
        'word',
        [],
        CONTENT_TYPES(
          '<Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>',
        ),
      ),
      expected: refused('macros'),
    },
    {
      what: '.xlsx (xlsm-style) with xl/vbaProject.bin',
      name: 'Izracun.xlsx',
      bytes: ooxml('xl', [{ name: 'xl/vbaProject.bin', data: vba('VBA') }]),
      expected: refused('macros'),
    },
    {
      what: '.xlsx with an Excel 4.0 macro sheet',
      name: 'Seznam.xlsx',
      bytes: ooxml('xl', [{ name: 'xl/macrosheets/sheet1.xml', data: '<xm:macrosheet/>' }]),
      expected: refused('macros'),
    },
    {
      what: '.pptx (pptm-style) with ppt/vbaProject.bin',
      name: 'Predstavitev.pptx',
      bytes: ooxml('ppt', [{ name: 'ppt/vbaProject.bin', data: vba('VBA') }]),
      expected: refused('macros'),
    },
    {
      what: '.odt with Basic/ macros',
      name: 'Dopis.odt',
      bytes: odf(ODT, [
        {
          name: 'Basic/Standard/Module1.xml',
          data: '<script:module script:name="Module1">Sub Main\nShell("calc")\nEnd Sub</script:module>',
        },
      ]),
      expected: refused('macros'),
    },
    {
      what: '.ods with Scripts/ (Python)',
      name: 'Tabela.ods',
      bytes: odf(ODS, [{ name: 'Scripts/python/run.py', data: 'import os\nos.system("calc")\n' }]),
      expected: refused('macros'),
    },
    {
      what: '.docx embedding an old Word object with macros',
      name: 'Priloga.docx',
      bytes: ooxml('word', [
        {
          name: 'word/embeddings/oleObject1.bin',
          data: makeCompoundFile(['WordDocument'], { name: 'Macros', streams: ['PROJECT'] }),
        },
      ]),
      expected: refused('macros'),
    },
    // Sizes the headers lie about, and archives inside documents.
    {
      what: 'zip bomb whose headers understate the size (50 MB declared as 1 kB)',
      name: 'Bomba.docx',
      bytes: lyingZipBomb(50 * MB, 1000),
      expected: refused('zip_bomb'),
    },
    {
      what: '.docx carrying a nested ZIP',
      name: 'Gnezdo.docx',
      bytes: ooxml('word', [
        { name: 'word/embeddings/archive.zip', data: makeZip([{ name: 'a.txt', data: 'x' }]) },
      ]),
      expected: refused('nested_archive'),
    },
    {
      what: '.docx carrying a gzip part',
      name: 'Gnezdo2.docx',
      bytes: ooxml('word', [
        {
          name: 'word/media/image1.png',
          data: new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]),
        },
      ]),
      expected: refused('nested_archive'),
    },
    {
      what: '.docx carrying an .exe part',
      name: 'Namestitev.docx',
      bytes: ooxml('word', [{ name: 'word/embeddings/setup.exe', data: PE }]),
      expected: refused('executable'),
    },
    {
      what: '.docx carrying a PE program under an image name',
      name: 'Slika.docx',
      bytes: ooxml('word', [{ name: 'word/media/image1.png', data: PE }]),
      expected: refused('executable'),
    },
    {
      what: '.odt carrying an ELF program',
      name: 'Program.odt',
      bytes: odf(ODT, [{ name: 'Pictures/a.png', data: ELF }]),
      expected: refused('executable'),
    },
    {
      what: '.xlsx carrying a shell script',
      name: 'Skripta.xlsx',
      bytes: ooxml('xl', [{ name: 'xl/media/run', data: '#!/bin/sh\nrm -rf ~\n' }]),
      expected: refused('script'),
    },
    {
      what: '.docx embedding a workbook with macros',
      name: 'Graf.docx',
      bytes: ooxml('word', [
        {
          name: 'word/embeddings/Microsoft_Excel_Worksheet.xlsx',
          data: ooxml('xl', [{ name: 'xl/vbaProject.bin', data: vba('VBA') }]),
        },
      ]),
      expected: refused('macros'),
    },
    // A PDF that turns into a web page past the first kilobyte.
    {
      what: '.pdf with HTML after the first kilobyte',
      name: 'Racun.pdf',
      bytes: concat(
        samplePdf('late'),
        `%${' '.repeat(2048)}\n`,
        '<html><body><script>alert(document.domain)</script></body></html>\n',
      ),
      expected: refused('polyglot'),
    },
    // Ordinary documents beside them: these must still pass.
    { what: 'plain .pdf', name: 'Potrdilo.pdf', bytes: samplePdf('ordinary'), expected: accepted },
    { what: 'plain .docx', name: 'Zapisnik.docx', bytes: ooxml('word'), expected: accepted },
    {
      what: '.docx with a chart whose workbook is embedded (OOXML in OOXML)',
      name: 'Porocilo z grafom.docx',
      bytes: ooxml('word', [
        { name: 'word/embeddings/Microsoft_Excel_Worksheet.xlsx', data: ooxml('xl') },
      ]),
      expected: accepted,
    },
    { what: 'plain .odt', name: 'Pismo.odt', bytes: odf(ODT), expected: accepted },
    {
      what: 'plain .doc',
      name: 'Staro.doc',
      bytes: makeCompoundFile(['WordDocument', '1Table']),
      expected: accepted,
    },
  ];
}
