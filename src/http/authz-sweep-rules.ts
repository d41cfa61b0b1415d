// The rules of the authorisation sweep (src/http/authz-sweep.db.test.ts): which staff routes are
// open to whom and why, the victims and the attackers, and what each attacker must get.
import type { LightMyRequestResponse } from 'fastify';
import type { TestSocket } from '../meeting/testing.ts';
import type { RegisteredRoute } from './testing-routes.ts';
import * as frontDoor from './authz-sweep-front-door.ts';

/** How a route is reached when not an object route (the default: only the object's own staff); */
/** `own-organisation`: an object of the whole organisation (a submission), open to all its staff. */
export type Access = 'public' | 'any-staff' | 'own-organisation-admin' | 'own-organisation';
/** `formErrorsOk`: the sweep's one form need not be valid here (a create or settings form), so a 400 counts as let in. */
export type AccessRule = { access: Access; why: string; endsSession?: true; formErrorsOk?: true };
export const ACCESS: Record<string, AccessRule> = {
  ...frontDoor.FRONT_DOOR_ACCESS,
  'GET /staff/sign-in': { access: 'public', why: 'the sign-in form' },
  'POST /staff/sign-in': {
    access: 'public',
    why: 'signing in (its limits are tested with identity)',
  },
  'GET /staff': {
    access: 'any-staff',
    why: "the start page: the caller's own organisation, offices and agenda",
  },
  'POST /staff/sign-out': {
    access: 'any-staff',
    why: "ends the caller's own session",
    endsSession: true,
  },
  'GET /staff/lobby/ws': { access: 'any-staff', why: "knocks at the caller's own offices only" },
  'GET /staff/agenda': {
    access: 'any-staff',
    why: "the caller's own offices (an admin's: the organisation's); an office filter outside them is 404",
  },
  'GET /staff/lobby/panel': { access: 'any-staff', why: "who knocks at the caller's own offices" },
  'GET /staff/today/list': {
    access: 'any-staff',
    why: "the start page's list: the caller's own agenda of today",
  },
  'GET /staff/agenda/list': {
    access: 'any-staff',
    why: "the agenda page's list, with the same filter checks as GET /staff/agenda",
  },
  'GET /staff/availability': {
    access: 'own-organisation-admin',
    why: "the settings of the admin's own organisation",
  },
  'POST /staff/availability/reminders': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's reminder times",
  },
  'POST /staff/availability/files': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's file retention",
  },
  'GET /staff/admin': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's settings, as links",
  },
  'GET /staff/admin/offices': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's offices",
  },
  'GET /staff/admin/offices/new': { access: 'own-organisation-admin', why: 'an empty form' },
  'GET /staff/submissions': {
    access: 'any-staff',
    why: "the caller's own organisation's submissions; a filter of another's form shows none",
  },
  'GET /staff/submissions/:id': {
    access: 'own-organisation',
    why: 'a submission belongs to the organisation, not to an office (decision 041)',
  },
  'GET /staff/submissions/:id/files/:file': {
    access: 'own-organisation',
    why: "a file of the citizen's answer, as the submission's page",
  },
  'GET /staff/submissions/:id/receipt.pdf': {
    access: 'own-organisation',
    why: "a submission's receipt, as its page",
  },
  'POST /staff/submissions/:id/state': {
    access: 'own-organisation',
    why: "a submission's state, as its page; the sweep's form names no action (400)",
    formErrorsOk: true,
  },
  'GET /staff/admin/integrations': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's API tokens and the form for a new one",
  },
  'GET /staff/admin/fees': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's fee register",
  },
  'GET /staff/admin/fees/new': { access: 'own-organisation-admin', why: 'an empty form' },
  'POST /staff/admin/fees/new': {
    access: 'own-organisation-admin',
    why: "creates an obligation in the admin's own organisation, of its own fee types",
    formErrorsOk: true,
  },
  'GET /staff/admin/fees/types': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's fee types and rates",
  },
  'POST /staff/admin/fees/types': {
    access: 'own-organisation-admin',
    why: "creates a fee type in the admin's own organisation",
    formErrorsOk: true,
  },
  'GET /staff/admin/fees/settings': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's payment settings",
  },
  'POST /staff/admin/fees/settings': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's payment settings",
    formErrorsOk: true,
  },
  'GET /staff/admin/fees/import': { access: 'own-organisation-admin', why: 'an empty form' },
  'POST /staff/admin/fees/import': {
    access: 'own-organisation-admin',
    why: "imports obligations into the admin's own organisation; the sweep's form has no file (400)",
    formErrorsOk: true,
  },
  'POST /staff/admin/integrations': {
    access: 'own-organisation-admin',
    why: "creates an API token in the admin's own organisation",
    formErrorsOk: true,
  },
  'GET /staff/admin/deliveries': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's intake address and webhooks",
  },
  'POST /staff/admin/deliveries/email': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's intake address",
    formErrorsOk: true,
  },
  'POST /staff/admin/deliveries/webhooks': {
    access: 'own-organisation-admin',
    why: "adds a webhook to the admin's own organisation",
    formErrorsOk: true,
  },
  'GET /staff/admin/fees/statements': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's bank statements and the upload form",
  },
  'POST /staff/admin/fees/statements': {
    access: 'own-organisation-admin',
    why: "imports a statement into the admin's own organisation (the sweep's form is no file: 400)",
    formErrorsOk: true,
  },
  'GET /staff/admin/fees/unmatched': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's unmatched bank payments",
  },
  'GET /staff/admin/deliveries/states': {
    access: 'own-organisation-admin',
    why: "the deliveries of the admin's own organisation's submissions",
  },
  'POST /staff/admin/offices': {
    access: 'own-organisation-admin',
    why: "creates an office in the admin's own organisation",
    formErrorsOk: true,
  },
  'GET /staff/admin/services': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's services",
  },
  'GET /staff/admin/services/new': {
    access: 'own-organisation-admin',
    why: "an empty form with the own organisation's offices and officials",
  },
  'POST /staff/admin/services': {
    access: 'own-organisation-admin',
    why: "creates a service in the admin's own organisation (another's offices: 404)",
    formErrorsOk: true,
  },
  'GET /staff/admin/situations': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's life situations",
  },
  'GET /staff/admin/situations/new': {
    access: 'own-organisation-admin',
    why: "an empty form with the own organisation's services",
  },
  'POST /staff/admin/situations': {
    access: 'own-organisation-admin',
    why: "creates a life situation in the admin's own organisation (another's services: 404)",
    formErrorsOk: true,
  },
  'GET /staff/admin/forms': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's forms",
  },
  'GET /staff/admin/forms/new': { access: 'own-organisation-admin', why: 'an empty form' },
  'POST /staff/admin/forms': {
    access: 'own-organisation-admin',
    why: "creates a form in the admin's own organisation",
    formErrorsOk: true,
  },
  'GET /staff/admin/officials': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's accounts",
  },
  'GET /staff/admin/officials/new': {
    access: 'own-organisation-admin',
    why: "an empty form with the own organisation's offices and services",
  },
  'POST /staff/admin/officials': {
    access: 'own-organisation-admin',
    why: "creates an account in the admin's own organisation (another's offices: 404)",
    formErrorsOk: true,
  },
  'GET /staff/admin/settings': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's settings",
  },
  'POST /staff/admin/settings': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's settings",
    formErrorsOk: true,
  },
  'GET /staff/account/password': { access: 'any-staff', why: "changing the caller's own password" },
  'POST /staff/account/password': {
    access: 'any-staff',
    why: "the caller's own password (the current one is required)",
    formErrorsOk: true,
  },
  'GET /staff/stats': {
    access: 'own-organisation-admin',
    why: "figures of the admin's own organisation; an office or service of another is 404",
  },
  'GET /staff/stats.csv': {
    access: 'own-organisation-admin',
    why: 'the same figures as the statistics page, as CSV',
  },
  'GET /staff/audit': {
    access: 'own-organisation-admin',
    why: "the log of the admin's own organisation",
  },
  'GET /staff/audit.csv': {
    access: 'own-organisation-admin',
    why: 'the same search as the audit page, as CSV',
  },
  'GET /staff/privacy': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's privacy settings",
  },
  'POST /staff/privacy/settings': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's retention and data protection officer",
  },
  'POST /staff/privacy/search': {
    access: 'own-organisation-admin',
    why: "bookings with the address in the admin's own organisation only",
  },
  'POST /staff/privacy/export': {
    access: 'own-organisation-admin',
    why: "the export covers the admin's own organisation only",
  },
  'GET /staff/admin/sign-in': {
    access: 'own-organisation-admin',
    why: "the eID providers the admin's own organisation offers",
  },
  'POST /staff/admin/sign-in': {
    access: 'own-organisation-admin',
    why: "switches eID providers for the admin's own organisation only",
  },
  'POST /staff/privacy/erase': {
    access: 'own-organisation-admin',
    why: "the confirmation lists the admin's own organisation's bookings only",
  },
  'POST /staff/privacy/erase/confirm': {
    access: 'own-organisation-admin',
    why: "erases in the admin's own organisation only (the victims' citizens are tried in src/privacy/routes.db.test.ts)",
  },
};

/** Areas for admins only: an official is refused here even with the objects of their own office. */
export const ADMIN_AREAS = [
  '/staff/availability',
  '/staff/admin',
  '/staff/stats',
  '/staff/stats.csv',
  '/staff/audit',
  '/staff/audit.csv',
  '/staff/privacy',
];

export type ObjectKind =
  | 'booking'
  | 'file'
  | 'closure'
  | 'absence'
  | 'service'
  | 'staff'
  | 'office'
  | 'situation'
  | 'api_token'
  | 'form'
  | 'page'
  | 'question'
  | 'member'
  | 'version'
  | 'webhook'
  | 'delivery'
  | 'submission'
  | 'attachment'
  | 'bank_payment'
  | 'payment'
  | 'fee_type'
  | 'obligation'
  | frontDoor.FrontDoorKind;

/** Each path parameter, named with the segment before it, and the kind of object that fills it. */
export const FILLERS: Record<string, ObjectKind> = {
  ...frontDoor.FRONT_DOOR_FILLERS,
  'meetings/:id': 'booking',
  'appointments/:id': 'booking',
  'files/:fileId': 'file',
  'closures/:id': 'closure',
  'absences/:id': 'absence',
  'services/:id': 'service',
  'offices/:id': 'office',
  'officials/:id': 'staff',
  'situations/:id': 'situation',
  'integrations/:id': 'api_token',
  // The form builder: the victim's form, its page with a group, the group, its member, version 1.
  'forms/:id': 'form',
  'pages/:p': 'page',
  'questions/:i': 'question',
  'members/:m': 'member',
  'versions/:n': 'version',
  // The delivery of submissions: a receiver, and a failed delivery of a submission.
  'webhooks/:id': 'webhook',
  'deliveries/:id': 'delivery',
  'submissions/:id': 'submission',
  'files/:file': 'attachment',
  // Bank statements: an unmatched bank payment, assigned by variable symbol.
  'unmatched/:id': 'bank_payment',
  // The fee register: a fee type of the victim's, an obligation of it and its cash payment.
  'types/:id': 'fee_type',
  'obligations/:id': 'obligation',
  'payments/:payment': 'payment',
};

/** One form for every state-changing route: valid for each of today's forms, naming the victim's objects wherever a form takes an id. */
export const formFor = (ids: Record<ObjectKind, string>) => ({
  staffId: ids.staff,
  officeId: ids.office,
  d1: '09:00-10:00',
  day: '2027-01-04',
  note: 'sweep',
  from: '2027-01-05T09:00',
  to: '2027-01-05T10:00',
  reason: 'sweep',
  minutes: '1440',
  grace: '120',
  durationMinutes: '30',
  bufferMinutes: '0',
  capacity: '1',
  minNoticeMinutes: '0',
  horizonDays: '60',
  // Privacy: an address with no bookings anywhere (erasing it changes nothing), and valid settings.
  email: 'nobody-sweep@example.si',
  retentionDays: '90',
});

// Kopřivnice is the demo organisation with two offices: its building office is the victim of the
// town hall's official. UE Domžale is the victim of everyone from UE Ljutomer.
export const VICTIMS = {
  domzale: {
    organisation: 'ue-domzale',
    office: 'domzale',
    service: 'splosne-informacije',
    official: 'uradnik@domzale.example',
    admin: 'admin@domzale.example',
  },
  stavebni: {
    organisation: 'koprivnice',
    office: 'stavebni-urad',
    service: 'konzultace-stavby',
    official: 'stavebni@koprivnice.example',
    admin: 'admin@koprivnice.example',
  },
} as const;
export type VictimKey = keyof typeof VICTIMS;

export type Kind = 'anonymous' | 'other-organisation' | 'other-office' | 'official-on-admin-pages';
export const ATTACKERS: { label: string; email: string | null; victim: VictimKey; kind: Kind }[] = [
  { label: 'an anonymous visitor', email: null, victim: 'domzale', kind: 'anonymous' },
  {
    label: 'an official of ue-ljutomer',
    email: 'uradnik@ljutomer.example',
    victim: 'domzale',
    kind: 'other-organisation',
  },
  {
    label: 'an admin of ue-ljutomer',
    email: 'admin@ljutomer.example',
    victim: 'domzale',
    kind: 'other-organisation',
  },
  {
    label: 'an official of the Kopřivnice town hall',
    email: 'urednik@koprivnice.example',
    victim: 'stavebni',
    kind: 'other-office',
  },
  {
    label: 'an official (not an admin) of ue-domzale',
    email: 'uradnik@domzale.example',
    victim: 'domzale',
    kind: 'official-on-admin-pages',
  },
];

/** A caller: its cookies and CSRF token, and its sockets open to all staff (the lobby), listening since before the victims' meetings. */
export type Session = {
  email: string | null;
  ip: string;
  cookie: string;
  csrf: string;
  admin: boolean;
  listening: TestSocket[];
};
export type Target = { ids: Record<ObjectKind, string>; markers: string[]; orgMarkers: string[] };
export type Expect = 'sign-in' | 'refused' | 'forbidden' | 'allowed' | 'skip';

export const key = (r: RegisteredRoute) => `${r.method} ${r.url}`;
export const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));
export const isStaffRoute = (r: RegisteredRoute) =>
  r.method !== 'HEAD' && (r.url === '/staff' || r.url.startsWith('/staff/'));
export const inAdminArea = (url: string) =>
  ADMIN_AREAS.some((p) => url === p || url.startsWith(`${p}/`));

/** The route's path with each parameter filled from `t`; throws naming the filler to add. */
export function fill(route: RegisteredRoute, t: Target): string {
  const segments = route.url.split('/');
  return segments
    .map((s, i) => {
      if (!s.startsWith(':') && !s.includes('*')) return s;
      const name = `${segments[i - 1] ?? ''}/${s}`;
      const kind = FILLERS[name];
      if (!kind) throw new Error(`${key(route)}: add a filler for ${name} to FILLERS`);
      return encodeURIComponent(t.ids[kind]);
    })
    .join('/');
}

/** What `attacker` must get from `route`. */
export function expectation(
  route: RegisteredRoute,
  attacker: (typeof ATTACKERS)[number],
  admin: boolean,
): Expect {
  const access = ACCESS[key(route)]?.access ?? 'object';
  if (access === 'public') return 'skip';
  if (attacker.kind === 'anonymous') return 'sign-in';
  if (attacker.kind === 'official-on-admin-pages')
    return inAdminArea(route.url) || access === 'own-organisation-admin' ? 'forbidden' : 'skip';
  if (access === 'any-staff') return 'allowed';
  if (access === 'own-organisation')
    return attacker.kind === 'other-office' ? 'allowed' : 'refused';
  if (access === 'own-organisation-admin') return admin ? 'allowed' : 'forbidden';
  return 'refused';
}

/** What is wrong with an HTTP answer, or null. */
export function judge(
  expect: Expect,
  url: string,
  res: Pick<LightMyRequestResponse, 'statusCode' | 'headers' | 'body'>,
  secrets: string[],
): string | null {
  const s = res.statusCode;
  const location = String(res.headers.location ?? '');
  // An id the caller typed may come back (in the page's own links); nothing else of the victim may.
  const leaked = secrets.filter((m) => !url.includes(m) && res.body.includes(m));
  if (leaked.length) return `${s}, showing ${leaked.join(', ')}`;
  if (expect === 'sign-in')
    return s === 401 || ((s === 302 || s === 303) && location.startsWith('/staff/sign-in'))
      ? null
      : `${s} ${location}, not sent to sign in`;
  if (expect === 'refused')
    return s === 403 || s === 404
      ? null
      : `${s} ${location}, not 403/404 (a route open to all staff goes in ACCESS)`;
  if (expect === 'forbidden') return s === 403 ? null : `${s} ${location}, not 403`;
  if (expect === 'skip') return null;
  return s < 400 ? null : `${s}, although open to them`;
}
