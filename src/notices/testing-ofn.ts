// Validates Okence's open data against the Czech OFN JSON Schemas copied into standards/ofn
// (their README says what and from where). Test-only: production never loads Ajv.
//
// The schemas need six adjustments to compile offline (measured, ../shared/standards/ofn):
// 1. every referenced schema registered up front, with the draft-07 meta-schema beside 2019-09;
// 2. Unicode in `$id`/`$ref` percent-encoded, because Ajv normalises refs and `věc.json` does not
//    resolve otherwise;
// 3. `unicodeRegExp: false`, because one pattern contains `\:`;
// 4. a permissive stand-in for the external GeoJSON schema `umístění.json` refers to;
// 5. an `iri` format;
// 6. non-strict mode, because the schemas carry keywords Ajv's strict mode refuses (`examples` in
//    odd places, unknown formats resolved above).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import draft7 from 'ajv/dist/refs/json-schema-draft-07.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, 'standards', 'ofn');
const GEOJSON =
  'https://raw.githubusercontent.com/ropensci/geojsonlint/master/inst/schema/geojson.json';

/** The schemas an Okence document is checked against, by the OFN's own `$id`. */
export const OFN_SCHEMAS = {
  noticeBoard: 'https://ofn.gov.cz/úřední-desky/2021-07-20/schémata/úřední-deska.json',
  contacts: 'https://ofn.gov.cz/kontakty/2020-07-01/schémata/kontakty.json',
} as const;

/** A URI with its non-ASCII characters percent-encoded as UTF-8, as Ajv resolves refs. */
function asciiIri(iri: string): string {
  return iri.replace(/[^ -~]+/g, (s) => encodeURIComponent(s));
}

function encodeRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(encodeRefs);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      (key === '$id' || key === '$ref') && typeof value === 'string'
        ? asciiIri(value)
        : encodeRefs(value),
    ]),
  );
}

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? schemaFiles(join(dir, entry.name))
      : entry.name.endsWith('.json')
        ? [join(dir, entry.name)]
        : [],
  );
}

function buildAjv() {
  const ajv = new Ajv2019({ strict: false, allErrors: true, unicodeRegExp: false });
  const addFormats = addFormatsModule as unknown as (a: Ajv2019) => void;
  addFormats(ajv);
  ajv.addFormat('iri', /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/u);
  ajv.addMetaSchema(draft7);
  ajv.addSchema({ $id: GEOJSON });
  for (const file of schemaFiles(ROOT))
    ajv.addSchema(encodeRefs(JSON.parse(readFileSync(file, 'utf8'))) as object);
  return ajv;
}

let shared: ReturnType<typeof buildAjv> | undefined;

/** The schema's errors for a document (empty when it is valid), as "path: message" lines. */
export function ofnErrors(schemaId: string, document: unknown): string[] {
  shared ??= buildAjv();
  const validate = shared.getSchema(asciiIri(schemaId));
  if (!validate) throw new Error(`no OFN schema ${schemaId}`);
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}

/** The notice board's published example (příklad 4), to check the validator itself against. */
export function ofnNoticeBoardExample(): unknown {
  return JSON.parse(
    readFileSync(join(ROOT, 'úřední-desky', '2021-07-20', 'příklad-4.jsonld'), 'utf8'),
  );
}
