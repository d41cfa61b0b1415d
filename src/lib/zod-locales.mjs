// Plain JavaScript: src/main.mjs imports it before Node's type stripper would be needed.
import module from 'node:module';

/** The languages whose zod messages Okence uses (src/http/api.ts, src/http/openapi.ts). */
export const ZOD_LOCALES = ['cs', 'en', 'sl'];

/**
 * zod 4 imports all of its ~60 message locales wherever it is imported (`z.locales`), ~0.35 MB
 * of source (much of it two-byte text, so twice that in memory) and ~1 MB of RSS that a
 * process holds for its life, yet Okence uses three. This load hook hands zod an index of only
 * those three; zod itself is unchanged. If a zod upgrade moves its index, the hook matches
 * nothing and every locale loads as before (decision 028).
 */
export function keepOnlyOkenceZodLocales() {
  module.registerHooks({
    load(url, context, next) {
      if (!url.endsWith('/node_modules/zod/v4/locales/index.js')) return next(url, context);
      const source = ZOD_LOCALES.map((l) => `export { default as ${l} } from './${l}.js';`);
      return { format: 'module', source: source.join('\n'), shortCircuit: true };
    },
  });
}
