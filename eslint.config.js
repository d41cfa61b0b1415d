// Lint configuration: typescript-eslint's recommended rules with type information,
// so floating promises and misused async callbacks are caught before they lose data.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importBoundaries from './eslint-rules/import-boundaries.js';

/**
 * Which folder of src/ may import which (decision 026). A domain imports another domain's
 * service.ts, or a file listed here with the reason it is public; `import type` is always fine.
 * Shared machinery imports no domain. http/ composes the app from the domains' routes and
 * services. Tests and test helpers may import anything.
 */
export const IMPORT_POLICY = {
  srcDir: `${import.meta.dirname}/src`,
  shared: ['lib', 'views', 'i18n', 'db', 'config'],
  // Folder → the file names (patterns) it may import from any domain.
  composers: { http: ['^service\\.ts$', 'routes\\.ts$', '^api\\.ts$'] },
  publicSurface: {
    'audit/domain.ts': 'the actors and `changes` every service records its audit entries with',
    'booking/domain.ts':
      'appointmentActions: what may still happen to an appointment (agenda, meeting)',
    'booking/codes.ts':
      "the e-mailed code's rules (CSPRNG, HMAC at rest, ten minutes, five tries), which the citizens' e-mail sign-in shares",
    'booking/lifecycle.ts': "booking's second service: confirm, cancel, move, no-show",
    'citizens/account.ts':
      "the personal account's service: export, deletion, the level an account's changes need",
    'booking/admin.ts': "booking's service for an organisation's availability settings",
    'tenants/admin.ts': "tenants' service for the organisation admin",
    'tenants/admin-domain.ts':
      "an organisation's field rules, which provisioning reuses (decision 023)",
    'tenants/admin-schema.ts':
      "an organisation's form schemas, which provisioning reuses (decision 023)",
    'tenants/views/parts.ts':
      "an office's address and hours and the organisation's heading, which the organisation's home page (notices/home) shows",
    'tenants/schema.ts':
      "the API's shared schemas (Localized, the organisation's path), one component each in the OpenAPI document",
    'integrations/api.ts':
      "staffCaller: the token check every domain's staff API operation makes first (decision 037)",
    'citizens/providers.ts':
      "citizens' second service: the configured eID providers and which each organisation offers (the eID sign-ins check it)",
    'identity/staff-admin.ts': "identity's service for staff accounts",
    'identity/invitations.ts': "identity's service for one-time set-password links",
    'identity/domain.ts':
      "the sign-in and session rules the operator's console shares (decision 022)",
    'identity/password.ts': 'the password hashing the operator console shares (decision 022)',
    'identity/schema.ts': 'the sign-in form the operator console shares (decision 022)',
    'meeting/domain.ts': "a meeting's state and timing rules, which the agenda and folder show",
    'meeting/browser.ts':
      "the meeting's browser binding (decision 019), which the folder's doors read like its own",
    'meeting/protocol.ts':
      'the meeting protocol: frame size, identity documents an official checks',
    'operator/cli-command.ts': 'the contract of a command of `npm run operator`',
    'organisations/cli.ts': "the organisations' commands that `npm run operator` lists",
    'privacy/anonymisation.ts': 'the anonymisation plan, which an organisation deletion follows',
    'notices/contacts/views/handled-by.ts':
      "the 'handled by' block the service page and the life situation guide show (decision 051)",
  },
  // Imports going around the rule: none since issue 15. Never add one: give the domain a
  // service function or a public surface.
  allow: {},
};

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      // Fastify plugins and handlers are async by contract even when they await nothing.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      // A file longer than a screenful of screens hides its seams; split it by what it does.
      'max-lines': ['error', { max: 500 }],
      'no-console': 'off',
    },
  },
  {
    // Tests read JSON responses whose shape is what they assert.
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing.ts', '**/testing-*.ts'],
    plugins: { okence: { rules: { 'import-boundaries': importBoundaries } } },
    rules: { 'okence/import-boundaries': ['error', IMPORT_POLICY] },
  },
  { files: ['eslint.config.js', 'eslint-rules/**/*.js'], ...tseslint.configs.disableTypeChecked },
);
