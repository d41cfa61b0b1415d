/**
 * The anonymisation plan's entries for the organisation's front door (issue 19, migration 040):
 * departments, the notice board, news and the accessibility statement hold what the organisation
 * publishes, never a citizen's data. The people of a department are staff whose publication an
 * admin recorded consent for; they go when an admin removes them. Spread into ANONYMISATION_PLAN
 * (anonymisation.ts).
 */
import type { TablePlan } from './anonymisation.ts';

type FrontDoorTable =
  | 'departments'
  | 'department_people'
  | 'department_services'
  | 'department_situations'
  | 'notices'
  | 'notice_versions'
  | 'notice_files'
  | 'notice_version_files'
  | 'notice_events'
  | 'organisation_news'
  | 'accessibility_statements';

const PUBLISHED = "what the organisation publishes as a public body; no citizen's data";

export const FRONT_DOOR_PLAN = {
  departments: { treatment: 'no_citizen_data', why: "the organisation's structure" },
  department_people: {
    treatment: 'no_citizen_data',
    why: 'staff contacts shown only with the consent an admin recorded; removed by an admin, not with a booking',
  },
  department_services: { treatment: 'no_citizen_data', why: 'which department handles a service' },
  department_situations: {
    treatment: 'no_citizen_data',
    why: 'which department guides a life situation',
  },
  notices: { treatment: 'no_citizen_data', why: PUBLISHED },
  notice_versions: {
    treatment: 'no_citizen_data',
    why: `${PUBLISHED}; kept unchanged as the record of what was on the board when`,
  },
  notice_files: { treatment: 'no_citizen_data', why: "a notice's attachments as posted" },
  notice_version_files: { treatment: 'no_citizen_data', why: 'which files each version carried' },
  notice_events: { treatment: 'no_citizen_data', why: "a notice's postings and takings down" },
  organisation_news: { treatment: 'no_citizen_data', why: PUBLISHED },
  accessibility_statements: { treatment: 'no_citizen_data', why: PUBLISHED },
} as const satisfies { [T in FrontDoorTable]: TablePlan<T> };
