// Builders of statement files for tests and the benchmark: ABO/GPC records laid out field by
// field (so a test states what it means, not 128 characters), Windows-1250 bytes, camt.053 XML.

let encoder: Map<string, number> | null = null;

/** Text → Windows-1250 bytes (the inverse of the WHATWG decoder; unmappable characters throw). */
export function windows1250(text: string): Uint8Array {
  if (encoder === null) {
    const decoder = new TextDecoder('windows-1250');
    encoder = new Map();
    for (let b = 0; b < 256; b += 1) encoder.set(decoder.decode(Uint8Array.of(b)), b);
  }
  const table = encoder;
  return Uint8Array.from([...text], (ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`not in Windows-1250: ${ch}`);
    return b;
  });
}

const digits = (n: number | string, width: number): string => String(n).padStart(width, '0');
const textField = (s: string, width: number): string => s.padEnd(width, ' ').slice(0, width);

/** A 074 header; nameWidth 22 writes the non-conformant layout some exporters produce. */
export function aboHeader(h: {
  account?: string;
  name?: string;
  number?: number;
  date?: string;
  nameWidth?: number;
}): string {
  const date = h.date ?? '301126';
  const balance = `${digits(0, 14)}+`;
  const line =
    `074${digits(h.account ?? '0000190000123457', 16)}${textField(h.name ?? 'Město Kopřivnice', h.nameWidth ?? 20)}` +
    `${date}${balance.repeat(4)}${digits(h.number ?? 1, 3)}${date}`;
  return line.padEnd(128 + (h.nameWidth ?? 20) - 20, ' ');
}

/** What a test says about one 075 item; the rest is filled in. */
export type AboItem = {
  amountMinor: number | string;
  code?: string;
  vs?: string;
  ks?: string;
  bank?: string;
  ss?: string;
  date?: string;
  note?: string;
  counter?: string;
  document?: string;
  account?: string;
};

/** A 075 item of exactly 128 characters. */
export function aboItem(i: AboItem): string {
  const date = i.date ?? '301126';
  return (
    `075${digits(i.account ?? '0000190000123457', 16)}${digits(i.counter ?? '0000002000145399', 16)}` +
    `${digits(i.document ?? '0', 13)}${digits(i.amountMinor, 12)}${i.code ?? '2'}` +
    `${digits(i.vs ?? '0', 10)}00${digits(i.bank ?? '0800', 4)}${digits(i.ks ?? '0', 4)}` +
    `${digits(i.ss ?? '0', 10)}${date}${textField(i.note ?? '', 20)}0${'1101'}${date}`
  );
}

/** Records joined with CRLF (or LF) and encoded as Windows-1250. */
export function aboFile(records: readonly string[], eol = '\r\n'): Uint8Array {
  return windows1250(records.map((r) => `${r}${eol}`).join(''));
}

/** One camt.053 entry; with txs it is a batch whose TxDtls carry their own amounts. */
export function camtEntry(e: {
  amount: string;
  currency?: string;
  credit?: boolean;
  status?: string;
  ref?: string;
  date?: string;
  details?: string;
  /** camt.053.001.08 writes the status as Sts/Cd. */
  v08?: boolean;
}): string {
  const ccy = e.currency ?? 'CZK';
  const date = e.date ?? '2026-11-30';
  return (
    `<Ntry><Amt Ccy="${ccy}">${e.amount}</Amt><CdtDbtInd>${e.credit === false ? 'DBIT' : 'CRDT'}</CdtDbtInd>` +
    `<Sts>${e.v08 === true ? `<Cd>${e.status ?? 'BOOK'}</Cd>` : (e.status ?? 'BOOK')}</Sts><BookgDt><Dt>${date}</Dt></BookgDt><ValDt><Dt>${date}</Dt></ValDt>` +
    `${e.ref === undefined ? '' : `<AcctSvcrRef>${e.ref}</AcctSvcrRef>`}` +
    `<BkTxCd/><NtryDtls>${e.details ?? ''}</NtryDtls></Ntry>`
  );
}

/** One TxDtls with references, debtor and message. */
export function camtTx(t: {
  amount?: string;
  endToEnd?: string;
  instr?: string;
  pmtInf?: string;
  name?: string;
  iban?: string;
  message?: string;
  ref?: string;
  /** camt.053.001.08 nests the debtor's name in Pty. */
  v08?: boolean;
}): string {
  const name = `<Nm>${t.name ?? 'Jiří Dvořák'}</Nm>`;
  const refs =
    (t.ref === undefined ? '' : `<AcctSvcrRef>${t.ref}</AcctSvcrRef>`) +
    (t.pmtInf === undefined ? '' : `<PmtInfId>${t.pmtInf}</PmtInfId>`) +
    (t.instr === undefined ? '' : `<InstrId>${t.instr}</InstrId>`) +
    (t.endToEnd === undefined ? '' : `<EndToEndId>${t.endToEnd}</EndToEndId>`);
  return (
    `<TxDtls><Refs>${refs}</Refs>` +
    (t.amount === undefined
      ? ''
      : `<AmtDtls><TxAmt><Amt Ccy="CZK">${t.amount}</Amt></TxAmt></AmtDtls>`) +
    `<RltdPties><Dbtr>${t.v08 === true ? `<Pty>${name}</Pty>` : name}</Dbtr>` +
    `<DbtrAcct><Id><IBAN>${t.iban ?? 'CZ6508000000192000145399'}</IBAN></Id></DbtrAcct></RltdPties>` +
    (t.message === undefined ? '' : `<RmtInf><Ustrd>${t.message}</Ustrd></RmtInf>`) +
    `</TxDtls>`
  );
}

/** A camt.053 document (version 02 or 08) with one statement of the given entries. */
export function camtFile(
  entries: readonly string[],
  version = '02',
  iban = 'CZ6508000000192000145399',
): Uint8Array {
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}">` +
    `<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-12-01T06:00:00</CreDtTm></GrpHdr>` +
    `<Stmt><Id>2026-235</Id><LglSeqNb>235</LglSeqNb><CreDtTm>2026-12-01T06:00:00</CreDtTm>` +
    `<Acct><Id><IBAN>${iban}</IBAN></Id><Ccy>CZK</Ccy></Acct>${entries.join('\n')}</Stmt></BkToCstmrStmt></Document>`;
  return new TextEncoder().encode(xml);
}
