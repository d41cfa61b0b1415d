import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import rule from './import-boundaries.js';
import { IMPORT_POLICY } from '../eslint.config.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const src = IMPORT_POLICY.srcDir;
const at = (file: string, code: string) => ({
  code,
  filename: join(src, file),
  options: [IMPORT_POLICY],
});

tester.run('import-boundaries', rule, {
  valid: [
    at('agenda/routes.ts', "import { x } from './service.ts';"),
    at('agenda/routes.ts', "import { agendaService } from '../booking/service.ts';"),
    at('agenda/routes.ts', "import type { Booking } from '../booking/repo.ts';"),
    at('agenda/routes.ts', "import { type Booking, type B } from '../booking/repo.ts';"),
    at('agenda/routes.ts', "import { html } from '../views/html.ts';"),
    at('agenda/routes.ts', "import { requireStaff } from '../http/session.ts';"),
    at('agenda/service.ts', "import { staffActor } from '../audit/domain.ts';"),
    at('views/layout.ts', "import type { StaffPrincipal } from '../identity/domain.ts';"),
    at('http/app.ts', "import { agendaRoutes } from '../agenda/routes.ts';"),
    at('http/app.ts', "import { availabilityAdminRoutes } from '../booking/admin-routes.ts';"),
    at('boot.ts', "import { bookingLifecycle } from './booking/repo.ts';"),
  ],
  invalid: [
    {
      ...at('identity/routes.ts', "import { todaySection } from '../agenda/views/agenda.ts';"),
      errors: [{ messageId: 'domain' }],
    },
    {
      ...at('operator/service.ts', "import * as attempts from '../identity/repo.ts';"),
      errors: [{ messageId: 'domain' }],
    },
    {
      ...at('agenda/views/a.ts', "import { x, type Y } from '../../booking/domain-x.ts';"),
      errors: [{ messageId: 'domain' }],
    },
    {
      ...at('stats/service.ts', "export { x } from '../booking/repo.ts';"),
      errors: [{ messageId: 'domain' }],
    },
    {
      ...at('stats/service.ts', "const m = await import('../booking/repo.ts');"),
      errors: [{ messageId: 'domain' }],
    },
    {
      ...at('lib/calendar.ts', "import { x } from '../booking/service.ts';"),
      errors: [{ messageId: 'shared' }],
    },
    {
      ...at('views/layout.ts', "import { OPERATOR_NAV } from '../operator/domain.ts';"),
      errors: [{ messageId: 'shared' }],
    },
    {
      ...at('http/app.ts', "import { insertBooking } from '../booking/repo.ts';"),
      errors: [{ messageId: 'composer' }],
    },
  ],
});

test('every public surface and allowed import names files that exist, so stale entries go', () => {
  for (const file of Object.keys(IMPORT_POLICY.publicSurface))
    assert.ok(existsSync(join(src, file)), `public surface ${file} does not exist`);
  for (const pair of Object.keys(IMPORT_POLICY.allow)) {
    const [from, to] = pair.split(' -> ') as [string, string];
    for (const file of [from, to]) assert.ok(existsSync(join(src, file)), `${pair}: no ${file}`);
  }
});
