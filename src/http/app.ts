import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import websocket from '@fastify/websocket';
import type { Config } from '../config/config.ts';
import type { DatabaseHandle } from '../db/db.ts';
import { identityRoutes } from '../identity/routes.ts';
import type { IdentityService } from '../identity/service.ts';
import { tenantPages } from '../tenants/routes.ts';
import type { TenantsService } from '../tenants/service.ts';
import type { BookingService } from '../booking/service.ts';
import type { BookingLifecycle } from '../booking/lifecycle.ts';
import { bookingPages } from '../booking/routes.ts';
import { devMailRoutes } from '../mail/routes.ts';
import { availabilityAdminRoutes } from '../booking/admin-routes.ts';
import { availabilityAdmin } from '../booking/admin.ts';
import type { Clock } from '../lib/clock.ts';
import type { MeetingService } from '../meeting/service.ts';
import { meetingRoutes } from '../meeting/routes.ts';
import type { FolderService } from '../folder/service.ts';
import type { AuditService } from '../audit/service.ts';
import { folderRoutes } from '../folder/routes.ts';
import { privacyRoutes } from '../privacy/routes.ts';
import type { PrivacyService } from '../privacy/service.ts';
import { organisationAdmin } from '../tenants/admin.ts';
import { organisationAdminRoutes } from '../tenants/admin-routes.ts';
import { staffAccounts } from '../identity/staff-admin.ts';
import { staffAdminRoutes } from '../identity/admin-routes.ts';
import { agendaService } from '../agenda/service.ts';
import { agendaRoutes, lobbyPanelHook } from '../agenda/routes.ts';
import { statsRoutes } from '../stats/routes.ts';
import { auditRoutes } from '../audit/routes.ts';
import { statsService } from '../stats/service.ts';
import { MAX_FRAME_BYTES } from '../meeting/protocol.ts';
import { registerOperations } from './api.ts';
import { publicApiDocument, publicOperations } from './public-api.ts';
import { problemPages } from './problem-pages.ts';
import { assetRoutes } from './assets.ts';
import { frameworkErrorHandler, installErrorHandling } from './error-handler.ts';
import { trustProxyOption } from './client-address.ts';
import { healthRoutes } from './health.ts';
import { language } from './language.ts';
import { bodyPace } from './pace.ts';
import { security } from './security.ts';
import { staffSession } from './session.ts';
import { operatorSession } from './operator-session.ts';
import type { OperatorService } from '../operator/service.ts';
import { operatorRoutes } from '../operator/routes.ts';
import type { InvitationService } from '../identity/invitations.ts';
import { invitationRoutes } from '../identity/invitation-routes.ts';
import type { OrganisationsService } from '../organisations/service.ts';
import { organisationRoutes } from '../organisations/routes.ts';

// Path parts that are keys to something: the join, guest, manage and set-password links' tokens, the hold id
// (its code page), and the API's hold ids and manage tokens. Whatever follows the prefix up to
// the next slash is masked, so an encoded or malformed token is masked too.
const KEY_IN_PATH = /(\/(?:j|g|m|h|set-password|api\/v1\/holds|api\/v1\/bookings))\/[^/]+/g;

/** A request path as logged: the query dropped and every key in the path masked. */
export function loggableUrl(url: string): string {
  return url.split(/[?#]/)[0]!.replace(KEY_IN_PATH, '$1/…');
}

/** Everything the HTTP layer stands on; tests build it with their own database and clock. */
export type AppDeps = {
  config: Config;
  sessionSecret: string;
  handle: DatabaseHandle;
  tenants: TenantsService;
  identity: IdentityService;
  booking: BookingService;
  lifecycle: BookingLifecycle;
  meeting: MeetingService;
  folders: FolderService;
  audit: AuditService;
  privacy: PrivacyService;
  operators: OperatorService;
  invitations: InvitationService;
  organisations: OrganisationsService;
  clock: Clock;
};

/** Builds the app: plugins, then each domain's routes, then the not-found and error handlers. */
export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization'],
      // Request lines without secrets: no query (an upload's CSRF token) and no link tokens in paths.
      // No client address either (personal data); lines are tied together by Fastify's reqId.
      serializers: {
        req: (req: { method: string; url: string }) => ({
          method: req.method,
          url: loggableUrl(req.url),
        }),
      },
    },
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // Slow clients: a connection silent for a minute closes, and a request must be in within
    // 30 minutes (20 MB at 91 kbit/s); a body slower than the minimum rate goes sooner (pace.ts).
    connectionTimeout: 60_000,
    requestTimeout: 30 * 60_000,
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler(config.publicUrl),
  });

  // While shutting down, a keep-alive connection closes as soon as its request in
  // flight is answered, instead of holding the shutdown open for its idle timeout.
  app.addHook('preClose', (done) => {
    app.server.keepAliveTimeout = 1;
    done();
  });

  app.addHook('onRequest', bodyPace());
  await app.register(cookie, { secret: deps.sessionSecret });
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
  // Meeting sockets: a frame larger than any valid message closes the socket (1009).
  await app.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } });
  await app.register(security, {
    secret: deps.sessionSecret,
    rateLimitPerMinute: config.rateLimitPerMinute,
  });
  await app.register(language);
  await app.register(staffSession, { identity: deps.identity });
  await app.register(operatorSession, { operators: deps.operators });
  installErrorHandling(app, config.publicUrl);
  // Officials' working views; the lobby panel is fetched for every staff page before its handler.
  const agenda = agendaService({
    db: deps.handle.db,
    clock: deps.clock,
    tenants: deps.tenants,
    lifecycle: deps.lifecycle,
    meeting: deps.meeting,
    audit: deps.audit,
    folders: deps.folders,
  });
  app.decorateRequest('staffPanel', null);
  app.addHook('preHandler', lobbyPanelHook(agenda));

  // The browser tests' hooks are served outside production only.
  const testHooks = config.env !== 'production';
  await app.register(assetRoutes, { testHooks });
  await app.register(healthRoutes(deps.handle.db));
  await app.register(tenantPages(deps.tenants));
  await app.register(identityRoutes({ identity: deps.identity }));
  await app.register(agendaRoutes(agenda));
  await app.register(
    bookingPages({
      tenants: deps.tenants,
      booking: deps.booking,
      lifecycle: deps.lifecycle,
      clock: deps.clock,
    }),
  );
  await app.register(meetingRoutes(deps.meeting, { testHooks }));
  await app.register(
    folderRoutes({ folders: deps.folders, meeting: deps.meeting, limits: config.files }),
  );
  await app.register(privacyRoutes(deps.privacy));
  await app.register(
    availabilityAdminRoutes(
      availabilityAdmin({
        db: deps.handle.db,
        clock: deps.clock,
        tenants: deps.tenants,
        invalidate: deps.booking.invalidate,
        folderPolicy: deps.folders,
        audit: deps.audit,
      }),
    ),
  );
  await app.register(
    statsRoutes(
      statsService({
        db: deps.handle.db,
        clock: deps.clock,
        tenants: deps.tenants,
        booking: deps.booking,
      }),
    ),
  );
  await app.register(auditRoutes(deps.audit));
  // The organisation's administration: offices, services, settings, accounts and one's own password.
  await app.register(
    organisationAdminRoutes(
      organisationAdmin({
        db: deps.handle.db,
        clock: deps.clock,
        tenants: deps.tenants,
        audit: deps.audit,
        invalidate: deps.booking.invalidate,
      }),
      { mailFrom: config.mailFrom },
    ),
  );
  await app.register(
    staffAdminRoutes(
      staffAccounts({
        db: deps.handle.db,
        clock: deps.clock,
        tenants: deps.tenants,
        audit: deps.audit,
        invitations: deps.invitations,
        invalidate: deps.booking.invalidate,
        closeSockets: (id, lobbyOnly) => deps.meeting.hub.endStaff(id, lobbyOnly),
      }),
    ),
  );
  // Set-password links (staff and operators) and the operator console, above the organisations.
  await app.register(
    invitationRoutes({ invitations: deps.invitations, operators: deps.operators }),
  );
  await app.register(operatorRoutes(deps.operators));
  await app.register(organisationRoutes(deps.organisations));
  // Without SMTP outside production, mail stays in the outbox: let a developer read it.
  if (config.env !== 'production' && !config.smtpUrl)
    await app.register(devMailRoutes({ db: deps.handle.db }));

  registerOperations(
    app,
    publicOperations({ tenants: deps.tenants, booking: deps.booking, lifecycle: deps.lifecycle }),
  );
  const openapi = publicApiDocument(config.publicUrl);
  app.get('/api/openapi.json', async () => openapi);
  // The pages the problem documents' `type` URIs name (decision 021).
  await app.register(problemPages);

  return app;
}
