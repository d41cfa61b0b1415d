import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import websocket from '@fastify/websocket';
import { identityRoutes } from '../identity/routes.ts';
import { tenantPages } from '../tenants/routes.ts';
import { bookingPages } from '../booking/routes.ts';
import { accountAppointmentRoutes } from '../booking/account-routes.ts';
import { personalAccountRoutes } from '../citizens/account-routes.ts';
import { profileRoutes } from '../citizens/profile-routes.ts';
import { waysRoutes } from '../citizens/ways-routes.ts';
import { devMailRoutes } from '../mail/routes.ts';
import { availabilityAdminRoutes } from '../booking/admin-routes.ts';
import { meetingRoutes } from '../meeting/routes.ts';
import { folderRoutes } from '../folder/routes.ts';
import { privacyRoutes } from '../privacy/routes.ts';
import { organisationAdminRoutes } from '../tenants/admin-routes.ts';
import { staffAdminRoutes } from '../identity/admin-routes.ts';
import { agendaRoutes, lobbyPanelHook } from '../agenda/routes.ts';
import { statsRoutes } from '../stats/routes.ts';
import { auditRoutes } from '../audit/routes.ts';
import { integrationsRoutes } from '../integrations/routes.ts';
import { cardPaymentRoutes } from '../payments/card/routes.ts';
import { feeAdminRoutes } from '../payments/admin-routes.ts';
import { feeSetupRoutes } from '../payments/setup-routes.ts';
import { deliveryRoutes } from '../submissions/delivery-routes.ts';
import { statementsRoutes } from '../payments/statements/routes.ts';
import { receiptRoutes } from '../payments/receipt-routes.ts';
import { MAX_FRAME_BYTES } from '../meeting/protocol.ts';
import { registerOperations } from './api.ts';
import { publicApiDocument, publicOperations } from './public-api.ts';
import { problemPages } from './problem-pages.ts';
import { assetRoutes } from './assets.ts';
import { frameworkErrorHandler, installErrorHandling } from './error-handler.ts';
import { trustProxyOption } from './client-address.ts';
import { lazySchemaCompilers } from './schema-compilers.ts';
import { healthRoutes } from './health.ts';
import { installMetrics } from './metrics.ts';
import type { MetricsRegistry } from '../lib/metrics.ts';
import { language } from './language.ts';
import { bodyPace } from './pace.ts';
import { security } from './security.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';
import { staffSession } from './session.ts';
import { citizenSession } from './citizen-session.ts';
import { operatorSession } from './operator-session.ts';
import { operatorRoutes } from '../operator/routes.ts';
import { invitationRoutes } from '../identity/invitation-routes.ts';
import { organisationRoutes } from '../organisations/routes.ts';
import { oidcRoutes } from '../eid/oidc-routes.ts';
import { eidRoutes } from '../eid/routes.ts';
import { citizenRoutes } from '../citizens/routes.ts';
import { situationPages } from '../situations/routes.ts';
import { situationAdminRoutes } from '../situations/admin-routes.ts';
import { payRoutes } from '../payments/pay/routes.ts';
import { frontDoorRoutes } from './front-door-routes.ts';
import { formAdminRoutes } from '../forms/admin-routes.ts';
import { formVersionRoutes } from '../forms/version-routes.ts';
import { formFillingRoutes } from '../forms/fill-routes.ts';
import { formSendingRoutes } from '../forms/send-routes.ts';
import { formActRoutes } from '../forms/act-routes.ts';
import { questionRoutes } from '../forms/question-routes.ts';
import { submissionStaffRoutes } from '../submissions/routes.ts';
import { submissionThreadRoutes } from '../submissions/thread-routes.ts';
import type { Services } from '../services.ts';

/**
 * Builds the app from the services (services.ts): plugins, then each domain's routes, then the
 * not-found and error handlers. It builds no service itself.
 */
export async function createApp(
  services: Services,
  metrics: MetricsRegistry,
): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    loggerInstance: services.log,
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // Slow clients: a connection silent for a minute closes, and a request must be in within
    // 30 minutes (20 MB at 91 kbit/s); a body slower than the minimum rate goes sooner (pace.ts).
    connectionTimeout: 60_000,
    requestTimeout: 30 * 60_000,
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler(config.publicUrl),
    schemaController: { compilersFactory: lazySchemaCompilers() },
  });

  // While shutting down, a keep-alive connection closes as soon as its request in
  // flight is answered, instead of holding the shutdown open for its idle timeout.
  app.addHook('preClose', (done) => {
    app.server.keepAliveTimeout = 1;
    done();
  });

  app.addHook('onRequest', bodyPace());
  await app.register(cookie, { secret: services.sessionSecret });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  // Uploads to the meeting folder are read part by part by their route, with its own limits.
  await app.register(multipart, {
    limits: {
      fileSize: config.files.maxFileBytes,
      files: 20,
      fields: 4,
      fieldSize: 1024,
      parts: 30,
    },
  });
  // Meeting sockets: a frame larger than any valid message closes the socket (1009). At shutdown
  // every socket closes with 1012 (service restart): the page reconnects at once, through the
  // proxy to another instance (decision 055).
  await app.register(websocket, {
    options: { maxPayload: MAX_FRAME_BYTES },
    preClose(done) {
      const clients = [...this.websocketServer.clients];
      for (const client of clients) client.close(1012, 'service restart');
      // A peer that does not answer the close in 3 s is cut, so it cannot hold the shutdown.
      setTimeout(() => clients.forEach((c) => c.terminate()), 3000).unref();
      this.websocketServer.close();
      done();
    },
  });
  await app.register(security, {
    secret: services.sessionSecret,
    rateLimitPerMinute: config.rateLimitPerMinute,
    ...(config.rateLimitStore === 'database'
      ? { store: databaseRateLimitStore(services.rateLimits) }
      : {}),
  });
  // The operator's /metrics with every request counted, only with METRICS_TOKEN (decision 056).
  if (config.metricsToken) installMetrics(app, metrics, config.metricsToken);
  await app.register(language);
  await app.register(staffSession, { identity: services.identity });
  await app.register(citizenSession, { citizens: services.citizens });
  await app.register(operatorSession, { operators: services.operators });
  installErrorHandling(app, config.publicUrl);
  // Officials' working views; the lobby panel is fetched for every staff page before its handler.
  const { agenda } = services;
  app.decorateRequest('staffPanel', null);
  app.addHook('preHandler', lobbyPanelHook(agenda));

  // The browser tests' hooks are served outside production only.
  const testHooks = config.env !== 'production';
  await app.register(assetRoutes, { testHooks });
  await app.register(healthRoutes(services.handle.db, services.drain));
  await app.register(tenantPages(services.tenants, services.frontDoor.contacts));
  // Life situations: the guides, their search and their administration (decision 035).
  await app.register(situationPages(services.situations, services.frontDoor.contacts));
  await app.register(situationAdminRoutes(services.situations));
  // Paying a fee: the lookup without signing in, payment links, the account's fees (decision 047).
  await app.register(payRoutes(services.pay, services.cards));
  // The organisation's front door: notice board, contacts, news, accessibility, help (issue 19).
  await app.register(frontDoorRoutes(services.frontDoor));
  // The form builder: admins edit drafts, publish versions, import and export (issue 17).
  await app.register(formAdminRoutes(services.forms));
  await app.register(formVersionRoutes(services.forms));
  await app.register(questionRoutes(services.forms));
  await app.register(identityRoutes({ identity: services.identity }));
  await app.register(
    eidRoutes({
      eid: services.eid,
      citizens: services.citizens,
      ways: services.ways,
      acts: services.formActs,
    }),
  );
  await app.register(agendaRoutes(agenda));
  await app.register(
    bookingPages({
      tenants: services.tenants,
      booking: services.booking,
      lifecycle: services.lifecycle,
      citizens: services.citizens,
    }),
  );
  // The personal account: its export and deletion, and booking's appointments on it (decision 032).
  await app.register(
    personalAccountRoutes({ account: services.account, citizens: services.citizens }),
  );
  // The profile's phone and e-mail (the e-mail verified by a code to the new address).
  await app.register(
    profileRoutes({
      account: services.account,
      citizens: services.citizens,
      emailChange: services.emailChange,
    }),
  );
  // The account's ways to sign in: an address added by a code, a way removed (decision 029).
  await app.register(
    waysRoutes({
      citizens: services.citizens,
      ways: services.ways,
      providerName: services.providerName,
    }),
  );
  await app.register(
    accountAppointmentRoutes({ appointments: services.appointments, citizens: services.citizens }),
  );
  await app.register(meetingRoutes(services.meeting, { testHooks }));
  await app.register(
    folderRoutes({ folders: services.folders, meeting: services.meeting, limits: config.files }),
  );
  // Citizens' sign-in, sign-out and account (decision 029).
  await app.register(
    citizenRoutes({
      citizens: services.citizens,
      email: services.citizenEmail,
      providers: services.eidProviders,
      tenants: services.tenants,
      sections: services.accountPage,
      // Signing out ends the provider's session too (SAML single logout, OIDC end-session).
      providerLogout: services.providerLogout,
    }),
  );
  await app.register(
    formFillingRoutes({
      tenants: services.tenants,
      forms: services.forms,
      drafts: services.formDrafts,
      citizens: services.citizens,
      attachments: services.formAttachments,
      maxFileBytes: config.files.maxFileBytes,
      rateLimitPerMinute: config.rateLimitPerMinute,
    }),
  );
  await app.register(
    formSendingRoutes({
      tenants: services.tenants,
      forms: services.forms,
      drafts: services.formDrafts,
      submissions: services.submissions,
      citizens: services.citizens,
      attachments: services.formAttachments,
    }),
  );
  // Submissions' states: the staff pages and the citizen's thread (decision 041).
  await app.register(
    submissionStaffRoutes({
      handling: services.handling,
      submissions: services.submissions,
      attachments: services.formAttachments,
    }),
  );
  await app.register(
    submissionThreadRoutes({ handling: services.handling, attachments: services.formAttachments }),
  );
  // Sending a form whose act is authorised by a fresh eID sign-in (decision 042).
  await app.register(
    formActRoutes({
      tenants: services.tenants,
      forms: services.forms,
      drafts: services.formDrafts,
      acts: services.formActs,
    }),
  );

  await app.register(privacyRoutes(services.privacy));
  await app.register(availabilityAdminRoutes(services.availability));
  await app.register(statsRoutes(services.stats));
  await app.register(auditRoutes(services.audit));
  // The organisation's administration: offices, services, settings, accounts and one's own password.
  await app.register(
    organisationAdminRoutes(services.organisationSettings, { mailFrom: config.mailFrom }),
  );
  await app.register(staffAdminRoutes(services.staffAdmin));
  // The organisation's API tokens for its own systems (decision 037).
  await app.register(integrationsRoutes(services.integrations));
  await app.register(cardPaymentRoutes({ cards: services.cards }));
  // The fee register: obligations, fee types and rates, payment settings, CSV import (decision 043).
  await app.register(feeAdminRoutes(services.fees));
  await app.register(
    feeSetupRoutes({
      fees: services.fees,
      settings: services.feeSettings,
      imports: services.feeImport,
    }),
  );
  // The delivery of submissions: intake address, webhooks, delivery states (decision 040).
  await app.register(deliveryRoutes(services.deliveries));
  // Bank statements: import and report, unmatched payments assigned by hand (decision 046).
  await app.register(statementsRoutes(services.statements));
  // Payment receipts: the payer's (account, payment token) and the admin's downloads (decision 048).
  await app.register(receiptRoutes({ receipts: services.receipts }));
  // Set-password links (staff and operators) and the operator console, above the organisations.
  await app.register(
    invitationRoutes({ invitations: services.invitations, operators: services.operators }),
  );
  await app.register(operatorRoutes(services.operators));
  await app.register(organisationRoutes(services.organisations));
  // Citizens' eID sign-in by OpenID Connect (decision 031).
  await app.register(
    oidcRoutes({
      oidc: services.oidc,
      citizens: services.citizens,
      ways: services.ways,
      acts: services.formActs,
    }),
  );
  // Without SMTP outside production, mail stays in the outbox: let a developer read it.
  if (config.env !== 'production' && !config.smtpUrl)
    await app.register(devMailRoutes({ db: services.handle.db }));

  registerOperations(
    app,
    publicOperations({
      tenants: services.tenants,
      booking: services.booking,
      lifecycle: services.lifecycle,
      situations: services.situations,
      forms: services.forms,
      submissions: services.submissions,
      publicUrl: config.publicUrl,
      integrations: services.integrations,
      handling: services.handling,
      statements: services.statements,
      cards: services.cards,
      pay: services.pay,
    }),
  );
  const openapi = publicApiDocument(config.publicUrl);
  app.get('/api/openapi.json', async () => openapi);
  // The pages the problem documents' `type` URIs name (decision 021).
  await app.register(problemPages);

  return app;
}
