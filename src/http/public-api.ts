import type { BookingLifecycle } from '../booking/lifecycle.ts';
import type { BookingService } from '../booking/service.ts';
import { bookingOperations } from '../booking/api.ts';
import type { TenantsService } from '../tenants/service.ts';
import { tenantOperations } from '../tenants/routes.ts';
import type { SituationsService } from '../situations/service.ts';
import { situationOperations } from '../situations/routes.ts';
import type { FormsService } from '../forms/service.ts';
import { formOperations } from '../forms/api.ts';
import type { SubmissionsService } from '../submissions/service.ts';
import { submissionOperations } from '../submissions/api.ts';
import type { SubmissionHandling } from '../submissions/handling.ts';
import type { IntegrationsService } from '../integrations/service.ts';
import { integrationOperations } from '../integrations/api.ts';
import type { StatementsService } from '../payments/statements/service.ts';
import { statementOperations } from '../payments/statements/api.ts';
import type { CardPayments } from '../payments/card/service.ts';
import { cardOperations } from '../payments/card/api.ts';
import type { PayService } from '../payments/pay/service.ts';
import { payOperations } from '../payments/pay/api.ts';
import type { AnyOperation } from './api.ts';
import { openApiDocument } from './openapi.ts';

/** The services the public API's operations call. */
export type PublicApiDeps = {
  tenants: TenantsService;
  booking: BookingService;
  lifecycle: BookingLifecycle;
  situations: SituationsService;
  forms: FormsService;
  submissions: SubmissionsService;
  /** Where links the API gives (a receipt's) point. */
  publicUrl: URL;
  integrations: IntegrationsService;
  handling: SubmissionHandling;
  statements: StatementsService;
  cards: CardPayments;
  pay: PayService;
};

/** Every operation of the public API, in the order the document lists them. */
export function publicOperations(deps: PublicApiDeps): AnyOperation[] {
  return [
    ...tenantOperations(deps.tenants),
    ...situationOperations(deps.situations),
    ...bookingOperations(deps),
    ...formOperations(deps),
    ...submissionOperations(deps),
    ...integrationOperations(deps.integrations),
    ...statementOperations(deps),
    ...payOperations(deps),
    ...cardOperations(deps),
  ];
}

/**
 * The document served at /api/openapi.json. It needs only the operations' declarations,
 * not their services: tests build it without a database.
 */
export function publicApiDocument(publicUrl: URL) {
  return openApiDocument(publicOperations({} as PublicApiDeps), publicUrl.href);
}
