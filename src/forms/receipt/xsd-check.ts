// A schema-driven check of XML against the ZoPDS XSDs, ours because nothing here validates XSD
// 1.1 (Debian's xmllint cannot compile these schemas: ../shared/standards/ofn/README.md).
// It reads the schemas' own declarations — global and local elements, named and anonymous complex
// types, sequences and choices with minOccurs/maxOccurs, simple content with required attributes,
// simple types restricted by pattern, enumeration and maxInclusive over string, integer, int,
// boolean, date and anyURI — and checks an instance against them. It does not do the rest of XSD
// (wildcards, substitution groups, identity constraints, assertions, xs:all, complexContent,
// facets other than those three): a schema using one is refused at load, never half-checked.
// Decision 034 lists what this leaves unchecked.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const XS = 'http://www.w3.org/2001/XMLSchema';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

type XNode = Record<string, unknown> & { ':@'?: Record<string, string> };
type Ctx = { target: string; ns: Record<string, string>; file: string };
type QName = { ns: string; local: string };
type Simple = { base: string; patterns: RegExp[]; enumeration?: string[]; maxInclusive?: number };
type Attr = { name: string; required: boolean; type: Simple | null };
type Complex = { particle: Particle | null; simple: Simple | null; attributes: Attr[] };
type Type = { simple: Simple } | { complex: Complex } | { any: true };
type Decl = { name: QName; type: () => Type };
type Particle =
  | { kind: 'element'; decl: Decl; min: number; max: number }
  | { kind: 'sequence' | 'choice'; items: Particle[]; min: number; max: number };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

const tagOf = (n: XNode): string => Object.keys(n).find((k) => k !== ':@') ?? '';
const kidsOf = (n: XNode): XNode[] => (n[tagOf(n)] as XNode[] | undefined) ?? [];
const attrsOf = (n: XNode): Record<string, string> => n[':@'] ?? {};
const local = (tag: string): string => tag.slice(tag.indexOf(':') + 1);
const key = (q: QName): string => `${q.ns}|${q.local}`;
const show = (q: QName): string => q.local;
const occurs = (v: string | undefined, dflt: number): number =>
  v === undefined ? dflt : v === 'unbounded' ? Infinity : Number(v);

/** The XSD elements among a node's children ("xs:…", "xsd:…"), annotations left out. */
function xsKids(n: XNode): XNode[] {
  return kidsOf(n).filter((k) => tagOf(k) !== '#text' && local(tagOf(k)) !== 'annotation');
}

function resolve(ctx: Ctx, qname: string): QName {
  const i = qname.indexOf(':');
  const prefix = i < 0 ? '' : qname.slice(0, i);
  const ns = ctx.ns[prefix];
  if (ns === undefined && prefix) throw new Error(`${ctx.file}: unknown prefix in ${qname}`);
  return { ns: ns ?? '', local: qname.slice(i + 1) };
}

/** A loaded set of schemas; `check` gives the problems of an instance (none: it conforms). */
export type XsdChecker = { check(xml: string): string[] };

/** Loads every .xsd under a folder (includes and imports resolved by namespace, not by URL). */
export function loadXsd(dir: string): XsdChecker {
  const globals = new Map<string, { node: XNode; ctx: Ctx }>();
  for (const file of xsdFiles(dir)) {
    const root = (parser.parse(readFileSync(file, 'utf8')) as XNode[]).find(
      (n) => local(tagOf(n)) === 'schema',
    );
    if (!root) throw new Error(`${file}: no xs:schema`);
    const a = attrsOf(root);
    const ns: Record<string, string> = {};
    for (const [k, v] of Object.entries(a))
      if (k === 'xmlns') ns[''] = v;
      else if (k.startsWith('xmlns:')) ns[k.slice(6)] = v;
    ns.xml = XML_NS;
    const ctx: Ctx = { target: a.targetNamespace ?? '', ns, file };
    for (const n of xsKids(root)) {
      const kind = local(tagOf(n));
      const name = attrsOf(n).name;
      if (name) globals.set(`${kind}:${ctx.target}|${name}`, { node: n, ctx });
    }
  }
  const types = new Map<string, Type>();

  function namedType(q: QName): Type {
    const k = key(q);
    let t = types.get(k);
    if (t) return t;
    if (q.ns === XS) t = q.local === 'anyType' ? { any: true } : { simple: builtin(q.local) };
    else {
      const c = globals.get(`complexType:${k}`);
      const s = globals.get(`simpleType:${k}`);
      if (c) {
        const complex: Complex = { particle: null, simple: null, attributes: [] };
        t = { complex };
        types.set(k, t); // before filling it: a type may contain itself
        Object.assign(complex, compileComplex(c.node, c.ctx));
        return t;
      }
      if (!s) throw new Error(`the schemas do not declare the type ${k}`);
      t = { simple: compileSimple(s.node, s.ctx) };
    }
    types.set(k, t);
    return t;
  }

  function compileSimple(n: XNode, ctx: Ctx): Simple {
    const [r] = xsKids(n);
    if (!r || local(tagOf(r)) !== 'restriction')
      throw new Error(`${ctx.file}: unsupported simpleType`);
    const base = namedType(resolve(ctx, attrsOf(r).base ?? 'xs:string'));
    if (!('simple' in base)) throw new Error(`${ctx.file}: restriction of a complex type`);
    const s: Simple = { ...base.simple, patterns: [...base.simple.patterns] };
    for (const f of xsKids(r)) {
      const v = attrsOf(f).value ?? '';
      const facet = local(tagOf(f));
      if (facet === 'pattern') s.patterns.push(new RegExp(`^(?:${v})$`, 'u'));
      else if (facet === 'enumeration') s.enumeration = [...(s.enumeration ?? []), v];
      else if (facet === 'maxInclusive') s.maxInclusive = Number(v);
      else throw new Error(`${ctx.file}: unsupported facet ${facet}`);
    }
    return s;
  }

  function compileAttr(n: XNode, ctx: Ctx): Attr {
    const a = attrsOf(n);
    const name = a.ref ?? a.name ?? '';
    const type = a.type ? namedType(resolve(ctx, a.type)) : null;
    return {
      name,
      required: a.use === 'required',
      type: type && 'simple' in type ? type.simple : null,
    };
  }

  function compileComplex(n: XNode, ctx: Ctx): Complex {
    const out: Complex = { particle: null, simple: null, attributes: [] };
    for (const k of xsKids(n)) {
      const kind = local(tagOf(k));
      if (kind === 'sequence' || kind === 'choice') out.particle = compileParticle(k, ctx);
      else if (kind === 'attribute') out.attributes.push(compileAttr(k, ctx));
      else if (kind === 'simpleContent') {
        const [ext] = xsKids(k);
        if (!ext || local(tagOf(ext)) !== 'extension')
          throw new Error(`${ctx.file}: simpleContent`);
        const base = namedType(resolve(ctx, attrsOf(ext).base ?? 'xs:string'));
        if (!('simple' in base)) throw new Error(`${ctx.file}: extension of a complex type`);
        out.simple = base.simple;
        out.attributes.push(...xsKids(ext).map((x) => compileAttr(x, ctx)));
      } else throw new Error(`${ctx.file}: unsupported ${kind} in a complexType`);
    }
    return out;
  }

  function compileParticle(n: XNode, ctx: Ctx): Particle {
    const a = attrsOf(n);
    const kind = local(tagOf(n));
    const min = occurs(a.minOccurs, 1);
    const max = occurs(a.maxOccurs, 1);
    if (kind === 'element') return { kind, decl: compileElement(n, ctx), min, max };
    if (kind !== 'sequence' && kind !== 'choice')
      throw new Error(`${ctx.file}: unsupported particle ${kind}`);
    return { kind, items: xsKids(n).map((k) => compileParticle(k, ctx)), min, max };
  }

  function compileElement(n: XNode, ctx: Ctx): Decl {
    const a = attrsOf(n);
    if (a.ref) throw new Error(`${ctx.file}: element references are not supported`);
    const name = { ns: ctx.target, local: a.name ?? '' }; // elementFormDefault="qualified"
    const inline = xsKids(n).find((k) => /Type$/.test(local(tagOf(k))));
    // Inline types are compiled now, named ones on first use (a type may contain itself); load
    // then touches every named type, so an unsupported construct fails there, not in a check.
    const now: Type | null = a.type
      ? null
      : !inline
        ? { any: true }
        : local(tagOf(inline)) === 'complexType'
          ? { complex: compileComplex(inline, ctx) }
          : { simple: compileSimple(inline, ctx) };
    const type = (): Type => now ?? namedType(resolve(ctx, a.type!));
    return { name, type };
  }

  const roots = new Map<string, Decl>();
  for (const [k, g] of globals) {
    const [kind, name] = [k.slice(0, k.indexOf(':')), k.slice(k.indexOf(':') + 1)];
    if (kind === 'element') roots.set(name, compileElement(g.node, g.ctx));
    if (kind === 'complexType' || kind === 'simpleType') {
      const i = name.indexOf('|');
      namedType({ ns: name.slice(0, i), local: name.slice(i + 1) });
    }
  }
  return { check: (xml) => checkInstance(xml, roots) };
}

function xsdFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return xsdFiles(path);
      // xml.xsd declares only xml:lang and friends, which are checked as plain attributes.
      return name.endsWith('.xsd') && name !== 'xml.xsd' ? [path] : [];
    });
}

function builtin(name: string): Simple {
  const known = ['string', 'anyURI', 'integer', 'int', 'boolean', 'date'];
  if (!known.includes(name)) throw new Error(`unsupported built-in type xs:${name}`);
  return { base: name, patterns: [] };
}

/** The problem with a simple value, or null. */
function simpleProblem(s: Simple, raw: string): string | null {
  const v = s.base === 'string' ? raw : raw.trim(); // other types collapse their whitespace
  if (s.base === 'integer' || s.base === 'int') {
    if (!/^[+-]?\d+$/.test(v)) return `"${v}" is not an integer`;
    const n = Number(v);
    if (s.base === 'int' && (n < -(2 ** 31) || n > 2 ** 31 - 1)) return `"${v}" is not an int`;
    if (s.maxInclusive !== undefined && n > s.maxInclusive) return `${v} > ${s.maxInclusive}`;
  }
  if (s.base === 'boolean' && !/^(true|false|1|0)$/.test(v)) return `"${v}" is not a boolean`;
  if (s.base === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/.exec(v);
    const d = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (!m || !d || d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1)
      return `"${v}" is not a date`;
  }
  if (s.enumeration && !s.enumeration.includes(v)) return `"${v}" is not one of the values`;
  for (const p of s.patterns) if (!p.test(v)) return `"${v}" does not match ${p.source}`;
  return null;
}

type Kid = { node: XNode; name: QName; scope: Record<string, string> };

/** The positions after matching a particle once or more from `start`. */
function ends(p: Particle, kids: Kid[], start: number): Set<number> {
  const result = new Set<number>(p.min === 0 ? [start] : []);
  let frontier = new Set([start]);
  const cap = Math.min(p.max, kids.length + p.min + 1);
  for (let n = 1; n <= cap && frontier.size > 0; n++) {
    const next = new Set<number>();
    for (const f of frontier) for (const e of once(p, kids, f)) next.add(e);
    if (n >= p.min) for (const e of next) result.add(e);
    frontier = next;
  }
  return result;
}

function once(p: Particle, kids: Kid[], start: number): Set<number> {
  if (p.kind === 'element') {
    const k = kids[start];
    return new Set(k && key(k.name) === key(p.decl.name) ? [start + 1] : []);
  }
  if (p.kind === 'choice') return new Set(p.items.flatMap((item) => [...ends(item, kids, start)]));
  let at = new Set([start]);
  for (const item of p.items) at = new Set([...at].flatMap((s) => [...ends(item, kids, s)]));
  return at;
}

function declsOf(p: Particle, into = new Map<string, Decl>()): Map<string, Decl> {
  if (p.kind === 'element') {
    if (!into.has(key(p.decl.name))) into.set(key(p.decl.name), p.decl);
  } else for (const item of p.items) declsOf(item, into);
  return into;
}

function checkInstance(xml: string, roots: Map<string, Decl>): string[] {
  const problems: string[] = [];
  const top = (parser.parse(xml) as XNode[]).filter((n) => !tagOf(n).startsWith('?'));
  const [rootNode] = top;
  if (top.length !== 1 || !rootNode) return ['the document has no single root element'];
  const root = named(rootNode, {});
  const decl = roots.get(key(root.name));
  if (!decl) return [`no global element ${show(root.name)} in the schemas`];
  checkElement(root, decl, `/${show(root.name)}`, problems);
  return problems;
}

function named(node: XNode, outer: Record<string, string>): Kid {
  const scope = { ...outer };
  for (const [k, v] of Object.entries(attrsOf(node)))
    if (k === 'xmlns') scope[''] = v;
    else if (k.startsWith('xmlns:')) scope[k.slice(6)] = v;
  const tag = tagOf(node);
  const i = tag.indexOf(':');
  return {
    node,
    scope,
    name: { ns: scope[i < 0 ? '' : tag.slice(0, i)] ?? '', local: tag.slice(i + 1) },
  };
}

function checkElement(el: Kid, decl: Decl, path: string, problems: string[]): void {
  const type = decl.type();
  if ('any' in type) return;
  const content = kidsOf(el.node);
  const text = content
    .filter((n) => tagOf(n) === '#text')
    .map((n) => String(n['#text']))
    .join('');
  const kids = content.filter((n) => tagOf(n) !== '#text').map((n) => named(n, el.scope));
  const simple = 'simple' in type ? type.simple : type.complex.simple;
  checkAttributes(el, 'complex' in type ? type.complex.attributes : [], path, problems);
  if (simple) {
    if (kids.length > 0) problems.push(`${path}: elements inside a simple value`);
    const problem = simpleProblem(simple, text);
    if (problem) problems.push(`${path}: ${problem}`);
    return;
  }
  if (text.trim()) problems.push(`${path}: text where only elements may be`);
  const particle = 'complex' in type ? type.complex.particle : null;
  if (!particle) {
    if (kids.length > 0) problems.push(`${path}: elements where none may be`);
    return;
  }
  if (!ends(particle, kids, 0).has(kids.length)) {
    const expected = [...declsOf(particle).values()].map((d) => show(d.name)).join(', ');
    const found = kids.map((k) => show(k.name)).join(', ') || 'nothing';
    problems.push(`${path}: the children do not follow the schema (${expected}); found ${found}`);
    return;
  }
  const decls = declsOf(particle);
  kids.forEach((k, i) =>
    checkElement(k, decls.get(key(k.name))!, `${path}/${show(k.name)}[${i + 1}]`, problems),
  );
}

function checkAttributes(el: Kid, declared: Attr[], path: string, problems: string[]): void {
  const given = attrsOf(el.node);
  for (const a of declared) {
    const value = given[a.name];
    if (value === undefined) {
      if (a.required) problems.push(`${path}: the attribute ${a.name} is missing`);
    } else if (a.type) {
      const problem = simpleProblem(a.type, value);
      if (problem) problems.push(`${path}/@${a.name}: ${problem}`);
    }
  }
  for (const name of Object.keys(given))
    if (
      !/^xmlns(:|$)/.test(name) &&
      !name.startsWith('xsi:') &&
      !declared.some((a) => a.name === name)
    )
      problems.push(`${path}: the attribute ${name} is not declared`);
}
