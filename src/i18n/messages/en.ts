/**
 * English interface texts: the reference set of keys. Slovenian and Czech must
 * have exactly these keys (the type checker and i18n.test.ts both enforce it).
 */
export const en = {
  'layout.skip_to_content': 'Skip to content',
  'layout.main_navigation': 'Main navigation',
  'layout.languages': 'Language',
  'layout.home': 'Home',
  'layout.staff_sign_in': 'Staff sign-in',
  'layout.staff_area': 'Staff area',
  'layout.sign_out': 'Sign out',
  'layout.staff_nav': 'Staff pages',
  'layout.nav.agenda': 'Agenda',
  'layout.nav.availability': 'Hours and rules',
  'layout.nav.organisation': 'Offices, services and staff',
  'layout.nav.stats': 'Statistics',
  'layout.nav.audit': 'Audit log',
  'layout.nav.privacy': 'Data protection',
  'layout.footer':
    'Okence: the open virtual counter for public offices. No trackers, no third parties.',
  'error.invalid_input.title': 'Please check what you entered',
  'error.invalid_input.detail': 'Some of what was sent could not be used.',
  'error.unauthenticated.title': 'Please sign in',
  'error.unauthenticated.detail': 'This page is for signed-in staff.',
  'error.forbidden.title': 'Not allowed',
  'error.forbidden.detail': 'You do not have access to this page.',
  'error.csrf.title': 'The form has expired',
  'error.csrf.detail':
    'For your security the form could not be accepted. Go back, reload the page and send it again.',
  'error.not_found.title': 'Page not found',
  'error.not_found.detail': 'The address may be mistyped, or the page has moved.',
  'error.conflict.title': 'That was just changed',
  'error.conflict.detail': 'Someone else changed this at the same moment. Please try again.',
  'error.no_longer_possible.title': 'No longer possible',
  'error.no_longer_possible.detail':
    'The appointment has been cancelled, has started or is over, so it can no longer be changed here. If something is wrong, please contact the office.',
  'error.payload_too_large.title': 'Too large',
  'error.payload_too_large.detail': 'What you sent is larger than allowed.',
  'error.time_not_bookable.title': 'This time cannot be booked',
  'error.time_not_bookable.detail':
    'It is not one of the appointment times offered (outside the office hours, between two times, too soon or too far ahead). Choose one of the nearest free times.',
  'error.unsupported_media_type.title': 'Unsupported format',
  'error.unsupported_media_type.detail':
    'The request was sent in a format that is not accepted here. The API takes JSON only (application/json).',
  'error.method_not_allowed.title': 'Not possible here',
  'error.method_not_allowed.detail': 'This address does not take this kind of request.',
  'error.rate_limited.title': 'Too many requests',
  'error.rate_limited.detail': 'Please wait a minute and try again.',
  'error.internal.title': 'Something went wrong on our side',
  'error.internal.detail': 'Nothing you did caused this. Please try again in a moment.',
  'error.reference': 'Reference for support: {id}',
  'error.back_home': 'Go to the home page',
  'form.error_summary': 'There is a problem',
  'layout.nav.password': 'My password',
  'form.missing_here': 'Translation missing',
  'layout.operator_nav.home': 'Overview',
  'layout.operator_nav.console': 'Operator console',
  'layout.operator_nav.label': 'Console pages',
  'layout.operator_nav.organisations': 'Organisations',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
