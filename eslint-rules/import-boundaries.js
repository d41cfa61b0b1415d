// A local ESLint rule (plain JS, no build): which folder of src/ may import which (decision 026).
// The policy itself (shared folders, public surfaces, the allow-list) is passed as options
// from eslint.config.js, so it is read and changed in one place.
import path from 'node:path';

/**
 * @typedef {{
 *   srcDir: string,
 *   shared: string[],
 *   composers: Record<string, string[]>,
 *   publicSurface: Record<string, string>,
 *   allow?: Record<string, string>,
 * }} Policy
 */

/** "src/booking/x.ts" → ["booking", "booking/x.ts"]; null for a file outside src/ or at its top. */
function place(srcDir, file) {
  const rel = path.relative(srcDir, file).split(path.sep).join('/');
  if (rel.startsWith('..') || !rel.includes('/')) return null;
  return [rel.slice(0, rel.indexOf('/')), rel];
}

/** True when an import brings in types only, which vanish at run time and create no dependency. */
function typeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return (
    specifiers.length > 0 &&
    specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type')
  );
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'domains reach each other only through their public surface' },
    schema: [{ type: 'object' }],
    messages: {
      domain:
        '{{from}} may not import {{target}}: a domain reaches another only through its service.ts or a public surface listed in eslint.config.js (import type is fine)',
      shared:
        '{{from}} is shared machinery and may not import the domain file {{target}} (import type is fine)',
      composer: '{{from}} may import only the routes and services of a domain, not {{target}}',
    },
  },
  create(context) {
    /** @type {Policy} */
    const policy = context.options[0];
    const here = place(policy.srcDir, context.filename);
    if (!here) return {};
    const [from, fromFile] = here;

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const there = place(policy.srcDir, path.resolve(path.dirname(context.filename), source));
      if (!there) return;
      const [to, target] = there;
      // Shared machinery and http/ (sessions, pages, errors) serve every domain.
      if (to === from || to === 'http' || policy.shared.includes(to)) return;
      if (policy.allow?.[`${fromFile} -> ${target}`] !== undefined) return;
      if (policy.shared.includes(from)) {
        context.report({ node, messageId: 'shared', data: { from: fromFile, target } });
        return;
      }
      if (target === `${to}/service.ts` || target in policy.publicSurface) return;
      const composer = policy.composers[from];
      const name = target.slice(target.lastIndexOf('/') + 1);
      if (composer?.some((pattern) => new RegExp(pattern).test(name))) return;
      const messageId = composer ? 'composer' : 'domain';
      context.report({ node, messageId, data: { from: fromFile, target } });
    }

    return {
      ImportDeclaration(node) {
        if (!typeOnly(node)) check(node, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source && !typeOnly(node)) check(node, node.source.value);
      },
      ExportAllDeclaration(node) {
        if (node.exportKind !== 'type') check(node, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value);
      },
    };
  },
};
