import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config/config.ts';
import type { DatabaseHandle } from './db/db.ts';
import type { Clock } from './lib/clock.ts';
import { createEvents } from './lib/events.ts';
import { identityService } from './identity/service.ts';
import { tenantsService } from './tenants/service.ts';
import { bookingService } from './booking/service.ts';
import { bookingLifecycle } from './booking/lifecycle.ts';
import { meetingService, type MeetingEvents } from './meeting/service.ts';
import { fileSafety } from './files/service.ts';
import { folderService } from './folder/service.ts';
import { auditService } from './audit/service.ts';
import { formsService } from './forms/service.ts';
import { submissionsService } from './submissions/service.ts';
import { deliveryAdmin } from './submissions/delivery-admin.ts';
import { submissionHandling } from './submissions/handling.ts';
import { submissionsAccountSection } from './submissions/views/thread.ts';
import { privacyService } from './privacy/service.ts';
import { operatorService } from './operator/service.ts';
import { invitationService } from './identity/invitations.ts';
import { connectedOrganisations } from './organisations/service.ts';
import { devMailbox, mailWorker, smtpTransport } from './mail/service.ts';
import { backupResponder } from './backup/socket.ts';
import { agendaService } from './agenda/service.ts';
import { roomAudit } from './agenda/audit.ts';
import { availabilityAdmin } from './booking/admin.ts';
import { statsService } from './stats/service.ts';
import { feeStatistics } from './payments/fee-stats-repo.ts';
import { organisationAdmin } from './tenants/admin.ts';
import { staffAccounts } from './identity/staff-admin.ts';
import { integrationsService } from './integrations/service.ts';
import { citizensService } from './citizens/service.ts';
import { oidcSignIn } from './eid/oidc/service.ts';
import { accountAppointments } from './booking/account.ts';
import {
  appointmentsAccountSection,
  appointmentsDeletionPreview,
} from './booking/account-routes.ts';
import { personalAccount } from './citizens/account.ts';
import { emailChange as accountEmailChange } from './citizens/profile.ts';
import { eidService, samlProviders } from './eid/service.ts';
import { providerLogout } from './eid/logout.ts';
import { emailSignIn } from './citizens/email-sign-in.ts';
import { eidProviderSettings } from './citizens/providers.ts';
import { accountSections, ownSections, providerNames } from './citizens/sections.ts';
import { signInWays } from './citizens/ways.ts';
import { waysSection } from './citizens/views/ways.ts';
import { situationsService } from './situations/service.ts';
import { minimumDuration, type PacerTime } from './lib/pacing.ts';
import { rateWindows } from './lib/rate-windows.ts';
import { drainState } from './lib/drain.ts';
import { LOOKUP_FLOOR_MS } from './payments/pay/domain.ts';
import { payService } from './payments/pay/service.ts';
import { feesAccountSection } from './payments/pay/views/account.ts';
import { formAttachments } from './forms/attachments.ts';
import { formDrafts } from './forms/drafts.ts';
import { formActs } from './forms/act.ts';
import { freshSignInAuthoriser } from './eid/service.ts';
import { draftsAccountSection } from './forms/drafts-section.ts';
import { feeRegister } from './payments/service.ts';
import { paymentReceipts } from './payments/receipts.ts';
import { paymentSettings } from './payments/settings.ts';
import type { CardMerchant } from './config/card-gateways.ts';
import { cardPayments } from './payments/card/service.ts';
import { cardGatewayDirectory } from './payments/card/gateways.ts';
import { statementsService } from './payments/statements/service.ts';
import { obligationImport } from './payments/import.ts';
import { formFees } from './payments/form-fees.ts';
import { buildFrontDoor } from './front-door.ts';

/** Everything that happens in one domain and is reacted to in another (decision 025). */
export type OkenceEvents = MeetingEvents & {
  /** A booking was cancelled or moved: its folder closes with the time it belonged to. Not awaited. */
  'booking.changed': { bookingId: string; change: 'cancelled' | 'moved' };
  /** A submission was stored: a fee its form makes follows (payments/form-fees.ts). Not awaited. */
  'submission.stored': { submissionId: string };
};

/** What the composition root starts from: made by boot.ts (or a test) before any service. */
export type Foundation = {
  config: Config;
  sessionSecret: string;
  handle: DatabaseHandle;
  clock: Clock;
  log: FastifyBaseLogger;
  /** Card merchants in use: configured, or the demo emulator's (boot.ts, cardGatewayPlan). */
  cardMerchants?: readonly CardMerchant[];
  /** How paced lookups read time and wait (lib/pacing.ts); real time unless a test gives its own. */
  pacerTime?: PacerTime;
};

/**
 * The composition root: every service of Okence, built here and only here, in dependency order.
 * A service gets the services it calls as arguments; where two domains would need each other,
 * one announces an event and the other is subscribed to it below (decision 025). Building
 * starts nothing: boot.ts starts the listeners, the mail worker and the jobs.
 */
export function buildServices(f: Foundation) {
  const { config, sessionSecret, handle, clock, log } = f;
  const db = handle.db;
  const events = createEvents<OkenceEvents>(log);
  // Rate limits' counters, in the database so that they hold across instances (decision 055).
  const rateLimits = rateWindows(db);
  // Shutting down: /readyz turns 503 first (boot.ts close, decision 055).
  const drain = drainState();
  // Without SMTP_URL (development) mail stays in the outbox, readable at /dev/mail.
  const mail = mailWorker({
    db,
    clock,
    transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : devMailbox(),
    from: config.mailFrom,
    log,
    // Claims of an instance that died (this one before a restart, or another) are taken back at once.
    locks: handle,
  });
  const wakeMail = () => mail.wake();
  const audit = auditService({ db, clock });
  // Which eID providers each organisation offers, and the e-mail code sign-in (decision 029).
  const eidProviders = eidProviderSettings({ db, clock, audit, providers: config.eidProviders });
  const citizenEmail = emailSignIn({ db, clock, secret: sessionSecret, wakeMail });
  // The account page's sections: other domains register theirs here (profile, appointments, …).
  const accountPage = accountSections(ownSections(eidProviders));
  const identity = identityService({ db, clock });
  // Citizen accounts and sessions, which the eID sign-ins and the e-mail sign-in start (decision 029).
  const citizens = citizensService({ db, clock });
  // NIA's sign-in by OpenID Connect, for the providers of protocol oidc (decision 031).
  const oidc = oidcSignIn({
    db,
    clock,
    audit,
    providers: config.eidProviders,
    publicUrl: config.publicUrl,
  });
  // Citizen sign-in by SAML (NIA, SI-PASS); it hands verified identities to the citizens (decision 030).
  const eid = eidService({
    db,
    clock,
    audit,
    providers: samlProviders(config.eidProviders, config.publicUrl),
  });
  // The citizens' one sign-out ends the provider's session too, by the session's protocol.
  const eidLogout = providerLogout({ saml: eid, oidc });
  const tenants = tenantsService({ handle });
  const booking = bookingService({ db, clock });
  const lifecycle = bookingLifecycle({
    db,
    clock,
    secret: sessionSecret,
    publicUrl: config.publicUrl,
    booking,
    tenants,
    wakeMail,
    onChanged: (bookingId, change) => void events.emit('booking.changed', { bookingId, change }),
  });
  // The personal account's appointments: booked signed in, or claimed (decision 032).
  const appointments = accountAppointments({ db, clock, secret: sessionSecret, audit, lifecycle });
  accountPage.register(appointmentsAccountSection(appointments));
  const forms = formsService({ db, clock, audit });
  // Citizens' drafts of their answers, saved page by page, in their account (decision 038).
  const formDraftStore = formDrafts({ db, clock, forms, publicUrl: config.publicUrl, wakeMail });
  // A submission's states, its needs-completion thread and the pull API's reads (decision 041).
  const handling = submissionHandling({ db, clock, audit, publicUrl: config.publicUrl, wakeMail });
  accountPage.register(submissionsAccountSection(handling));
  // The account page's export and deletion; each domain holding something about an account
  // takes part here (decision 032).
  const account = personalAccount({
    db,
    clock,
    audit,
    citizens,
    holdings: [
      {
        id: 'bookings',
        export: (accountId) => appointments.exportFor(accountId),
        beforeDelete: (accountId) => appointments.beforeAccountDeleted(accountId),
        describeDeletion: appointmentsDeletionPreview(appointments),
      },
      {
        id: 'formDrafts',
        // With the names and hashes of the files each holds (decision 039).
        export: async (accountId) =>
          formAttachmentStore.withFiles(await formDraftStore.exportFor(accountId)),
        beforeDelete: (accountId) => formDraftStore.beforeAccountDeleted(accountId),
      },
      {
        id: 'submissions',
        export: (accountId) => handling.exportFor(accountId),
        beforeDelete: (accountId) => handling.beforeAccountDeleted(accountId),
      },
    ],
  });
  // The account's ways to sign in: another provider added by an explicit step while signed in,
  // one removed (never the last); the eID routes attach a link's answer (decision 029).
  const ways = signInWays({
    db,
    clock,
    audit,
    providers: eidProviders,
    secret: sessionSecret,
    wakeMail,
  });
  const providerName = providerNames(eidProviders);
  accountPage.register(waysSection(ways, providerName));
  // The account's e-mail change, by a code mailed to the new address (decision 032).
  const emailChange = accountEmailChange({
    db,
    clock,
    secret: sessionSecret,
    audit,
    citizens,
    wakeMail,
  });
  const meeting = meetingService({
    handle,
    clock,
    publicUrl: config.publicUrl,
    lifecycle,
    tenants,
    log,
    events,
    auditRoom: roomAudit({ audit, lifecycle }),
    janus: config.janus,
    installationSecret: sessionSecret,
    ice: { turnUrls: config.turnUrls, turnSecret: config.turnSecret, relayOnly: config.relayOnly },
  });
  // The file-safety pipeline: one per process, for every domain that takes files (decision 027).
  const files = fileSafety({ config: config.files, log });
  const folders = folderService({ handle, clock, meeting, files, config: config.files, log });
  // Citizens' files attached to forms, through the same pipeline (decision 039).
  const formAttachmentStore = formAttachments({
    db,
    clock,
    files,
    installation: config.files,
    log,
  });
  // The official's "open folder" in the room; an end or a change of the booking closes the
  // folder (which may make its files due at once).
  events.on('meeting.folder-requested', ({ connection, name }) =>
    folders.openFromRoom(connection, name),
  );
  events.on('meeting.ended', ({ bookingId }) => folders.closeFor(bookingId));
  events.on('booking.changed', ({ bookingId }) => folders.closeFor(bookingId));

  const privacy = privacyService({
    db,
    clock,
    tenants,
    lifecycle,
    audit,
    reclaim: (tables) => handle.reclaim(tables),
  });
  const operators = operatorService({ db, clock, sessionSecret, audit });
  const invitations = invitationService({
    db,
    clock,
    publicUrl: config.publicUrl,
    audit,
    wakeMail,
  });
  // Organisations from the operator's side; a suspension closes the staff's live sockets.
  const organisations = connectedOrganisations({
    db,
    clock,
    audit,
    invitations,
    exportsDir: join(config.dataDir, 'exports'),
    filesDir: config.files.dir,
    published: async () => {
      await tenants.changed();
      booking.invalidate();
    },
    closeSockets: (staffId) => meeting.hub.endStaff(staffId),
    wakeMail,
    log,
  });
  // Officials' working views, and the organisation's administration.
  const agenda = agendaService({ db, clock, tenants, lifecycle, meeting, audit, folders });
  const availability = availabilityAdmin({
    db,
    clock,
    tenants,
    invalidate: booking.invalidate,
    folderPolicy: folders,
    audit,
  });
  const stats = statsService({
    db,
    clock,
    tenants,
    booking,
    providers: eidProviders,
    fees: {
      statistics: (organisationId, period, today) =>
        feeStatistics(db, organisationId, period, today),
    },
  });
  const submissions = submissionsService({
    db,
    clock,
    forms,
    attachments: formAttachmentStore,
    allowLoopback: config.webhookAllowLoopback,
    publicUrl: config.publicUrl,
    wakeMail,
    eidProviders: config.eidProviders,
    onStored: (stored) => void events.emit('submission.stored', stored),
  });
  // The delivery of submissions from the admin's side: intake address, webhooks, states (decision 040).
  const deliveries = deliveryAdmin({
    db,
    clock,
    audit,
    allowLoopback: config.webhookAllowLoopback,
    wakeMail,
  });
  // Acts authorised by a fresh eID sign-in (decision 042); NIA's service would be another authoriser.
  const acts = formActs({
    db,
    clock,
    audit,
    tenants,
    forms,
    drafts: formDraftStore,
    submissions,
    citizens,
    attachments: formAttachmentStore,
    authoriser: freshSignInAuthoriser({ eid, oidc }),
  });
  accountPage.register(draftsAccountSection(formDraftStore));
  const organisationSettings = organisationAdmin({
    db,
    clock,
    tenants,
    audit,
    invalidate: booking.invalidate,
  });
  const staffAdmin = staffAccounts({
    db,
    clock,
    tenants,
    audit,
    invitations,
    invalidate: booking.invalidate,
    closeSockets: (id, lobbyOnly) => meeting.hub.endStaff(id, lobbyOnly),
  });
  // Life situations: the organisations' public guides and their administration (decision 035).
  const situations = situationsService({ db, clock, tenants, audit, forms });
  // Paying a fee as a citizen: found without signing in, payment links, the account's fees (decision 047).
  const pay = payService({
    db,
    clock,
    tenants,
    secret: sessionSecret,
    publicUrl: config.publicUrl,
    wakeMail,
    pacer: minimumDuration(LOOKUP_FLOOR_MS, f.pacerTime),
    windows: rateLimits,
  });
  accountPage.register(feesAccountSection(pay));
  // API tokens an admin creates for the organisation's systems; the staff API checks them (decision 037).
  const integrations = integrationsService({ db, clock, audit });
  // Local fees: the register of fee types, rates and obligations, and who is paid (decision 043).
  const fees = feeRegister({ db, clock, audit, secret: sessionSecret });
  // The notice board, contacts, news, accessibility statement and help (issue 19).
  const frontDoor = buildFrontDoor({ config, db, clock, log, audit, files, tenants, situations });
  const feeSettings = paymentSettings({ db, clock, audit });
  // Card payments through GP webpay (issue 18, decision 045); settled only on its signed state answer.
  const gateways = cardGatewayDirectory(f.cardMerchants ?? []);
  // A PDF receipt and one e-mail per payment, whatever its method (decision 048).
  const receipts = paymentReceipts({ db, clock, wakeMail });
  const cards = cardPayments({
    db,
    clock,
    audit,
    gateways,
    publicUrl: config.publicUrl,
    receipts,
    log,
  });
  // Bank statements imported and matched to obligations, unmatched payments assigned (decision 046).
  const statements = statementsService({ db, clock, audit });
  const feeImport = obligationImport({ db, clock, audit, secret: sessionSecret });
  // A stored submission of a fee's form makes the fee's obligation (the dog notice: the dog fee).
  const fromForms = formFees({ db, clock, audit, secret: sessionSecret });
  events.on('submission.stored', async ({ submissionId }) => {
    await fromForms.fromSubmission(submissionId);
  });
  // `npm run backup` asks this process, which holds DATA_DIR, over the lock's socket (decision 024).
  const snapshot = handle.snapshot?.bind(handle);
  const backups =
    snapshot && handle.lock
      ? backupResponder({
          source: {
            dataDir: config.dataDir,
            filesDir: config.files.dir,
            snapshot,
            // Neither meeting folders' nor forms' files go while a backup copies them.
            holdDeletions: async () => {
              const folderHold = await folders.holdDeletions();
              const formHold = await formAttachmentStore.holdDeletions();
              return () => {
                folderHold();
                formHold();
              };
            },
            sessionSecret: {
              value: sessionSecret,
              fromEnvironment: config.sessionSecret !== undefined,
            },
          },
          now: () => clock.now(),
          log,
        })
      : null;

  return {
    ...f,
    events,
    mail,
    audit,
    identity,
    citizens,
    oidc,
    eid,
    providerLogout: eidLogout,
    citizenEmail,
    eidProviders,
    accountPage,
    tenants,
    booking,
    lifecycle,
    appointments,
    account,
    emailChange,
    ways,
    providerName,
    meeting,
    files,
    folders,
    privacy,
    operators,
    invitations,
    organisations,
    agenda,
    availability,
    stats,
    forms,
    submissions,
    deliveries,
    handling,
    organisationSettings,
    staffAdmin,
    situations,
    pay,
    integrations,
    fees,
    statements,
    feeSettings,
    cards,
    feeImport,
    receipts,
    fromForms,
    backups,
    formDrafts: formDraftStore,
    formAttachments: formAttachmentStore,
    formActs: acts,
    frontDoor,
    rateLimits,
    drain,
  };
}

export type Services = ReturnType<typeof buildServices>;
