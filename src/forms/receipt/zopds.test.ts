import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { receiptModelSchema, type ReceiptModel } from './model.ts';
import { czechReceipt, longSlovenianReceipt } from './testing.ts';
import { loadXsd } from './xsd-check.ts';
import { buildZopdsXml, uniqueFileNames, ZOPDS_FILE_NAME } from './zopds.ts';

const checker = loadXsd(join(import.meta.dirname, 'standards'));
const build = (m: ReceiptModel) => buildZopdsXml(receiptModelSchema.parse(m));
const read = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false }).parse(xml)
    .dokument;

test('the XML of a Czech submission conforms to the ZoPDS schema and carries the submission', () => {
  const xml = build(czechReceipt())!;
  assert.deepEqual(checker.check(xml), []);
  const d = read(xml);
  assert.equal(d.jid, 'MUKO/2026/00123');
  const person = d.odesílatel.fyzická_osoba;
  assert.deepEqual(
    [person.jméno, person.další_jména, person.příjmení, person.datum_narození],
    ['Jiří', 'Řehoř', 'Dvořák-Šťastný', '1984-02-29'],
  );
  assert.deepEqual(d.uživatel_služby, d.odesílatel);
  assert.equal(d.příjemce.právnická_osoba.ičo, '00298077');
  assert.equal(d.byl_vytvořen_formulářem.verze, '3');
  assert.equal(d.byl_vytvořen_formulářem.agenda.kód, 'A1062');
  assert.equal(d.věc['#text'], 'Přihlášení psa k evidenci & poplatku');
  assert.equal(d.počet_příloh, '2');
  assert.deepEqual(
    d.přílohy.příloha.map((p: { název_souboru: string }) => p.název_souboru),
    ['pes.png', 'očkování.pdf'],
  );
  assert.equal(d.doručit_osvědčení_do_datové_schránky, 'true');
});

test('variants stay valid: no RPP codes, no attachments, one given name, addresses as text', () => {
  const m = czechReceipt();
  delete m.form.rpp;
  m.attachments = [];
  m.submitter.givenName = 'Eva';
  delete m.submitter.czech!.dataBox;
  m.submitter.address = { text: 'Hauptstraße 1, 1010 Wien', country: 'AT' };
  m.organisation.czech!.seat = { text: 'Štefánikova 1163/12, Kopřivnice', country: 'CZ' };
  const xml = build(m)!;
  assert.deepEqual(checker.check(xml), []);
  const d = read(xml);
  assert.equal(d.byl_vytvořen_formulářem, undefined);
  assert.equal(d.počet_příloh, '0');
  assert.equal(d.odesílatel.fyzická_osoba.další_jména, undefined);
  assert.equal(
    d.odesílatel.fyzická_osoba.trvalé_bydliště.zahraniční_adresa.text_adresy,
    'Hauptstraße 1, 1010 Wien',
  );
  assert.ok(d.příjemce.právnická_osoba.sídlo.adresa_neevidovaná_v_rúian);
});

test('no XML where the standard cannot describe the submission', () => {
  assert.equal(build(longSlovenianReceipt()), null);
  const anonymous = czechReceipt();
  delete anonymous.submitter.czech;
  assert.equal(build(anonymous), null);
  const noDetails = czechReceipt();
  delete noDetails.organisation.czech;
  assert.equal(build(noDetails), null);
});

test('attachment names are made unique and never take the XML file name', () => {
  assert.deepEqual(
    uniqueFileNames(['a.pdf', 'A.pdf', 'a.pdf', 'b', ZOPDS_FILE_NAME], [ZOPDS_FILE_NAME]),
    [
      'a.pdf',
      'A (2).pdf',
      'a (3).pdf',
      'b',
      'metadata-dokumentu-formuláře-pro-elektronické-podání (2).xml',
    ],
  );
});
