/** Privacy's fixed facts, pure: the supervisory authority a complaint goes to (GDPR Art. 77), by the organisation's country. */

export type Country = 'SI' | 'CZ';

export type SupervisoryAuthority = { name: string; url: string; address: string; email: string };

/** Names are proper names and stay in the country's language in every interface language. */
export const SUPERVISORY_AUTHORITIES: Record<Country, SupervisoryAuthority> = {
  SI: {
    name: 'Informacijski pooblaščenec',
    url: 'https://www.ip-rs.si/',
    address: 'Dunajska cesta 22, 1000 Ljubljana',
    email: 'gp.ip@ip-rs.si',
  },
  CZ: {
    name: 'Úřad pro ochranu osobních údajů',
    url: 'https://uoou.gov.cz/',
    address: 'Pplk. Sochora 27, 170 00 Praha 7',
    email: 'posta@uoou.gov.cz',
  },
};
