// The front door's staff routes in the authorisation sweep (issue 19), kept beside its rules
// (authz-sweep-rules.ts spreads them into ACCESS and FILLERS) so that file stays under its size
// limit; the sweep's world gets the objects from each part's testing helpers.
import type { AccessRule } from './authz-sweep-rules.ts';

/** Front-door routes that are not an object route, with why. */
export const FRONT_DOOR_ACCESS: Record<string, AccessRule> = {
  'GET /staff/help': {
    access: 'any-staff',
    why: 'the user manual: the same text for everyone, no rows of any organisation',
  },
  'GET /staff/admin/departments': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's departments",
  },
  'GET /staff/admin/departments/new': {
    access: 'own-organisation-admin',
    why: "an empty form with the own organisation's departments, services and situations",
  },
  'POST /staff/admin/departments': {
    access: 'own-organisation-admin',
    why: "creates a department in the admin's own organisation (another's ids in the form: 404)",
    formErrorsOk: true,
  },
  'GET /staff/admin/news': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's news",
  },
  'GET /staff/admin/news/new': {
    access: 'own-organisation-admin',
    why: 'an empty form, shown from today in the own organisation’s zone',
  },
  'POST /staff/admin/news': {
    access: 'own-organisation-admin',
    why: "creates a news item in the admin's own organisation",
    formErrorsOk: true,
  },
  'GET /staff/admin/accessibility': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's accessibility statement",
  },
  'POST /staff/admin/accessibility': {
    access: 'own-organisation-admin',
    why: "saves the admin's own organisation's accessibility statement",
    formErrorsOk: true,
  },
  'GET /staff/admin/notices': {
    access: 'own-organisation-admin',
    why: "the admin's own organisation's notices",
  },
  'GET /staff/admin/notices/new': {
    access: 'own-organisation-admin',
    why: "an empty form with the own organisation's departments",
  },
  'POST /staff/admin/notices/new': {
    access: 'own-organisation-admin',
    why: "posts a notice in the admin's own organisation (another's department: refused)",
    formErrorsOk: true,
  },
};

/** The kinds of objects of the front door a swept path names. */
export type FrontDoorKind = 'department' | 'department_person' | 'news' | 'notice' | 'notice_file';

/** Each path parameter of the front door's routes and the kind of object that fills it. */
export const FRONT_DOOR_FILLERS: Record<string, FrontDoorKind> = {
  'departments/:id': 'department',
  'people/:person': 'department_person',
  'news/:id': 'news',
  // The notice board: a notice of the victim's (scheduled) and its PDF.
  'notices/:id': 'notice',
  'attachments/:attachment': 'notice_file',
};
