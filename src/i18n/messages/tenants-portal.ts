/**
 * Texts of the organisation's page that lead to other parts of the citizen portal: local fees
 * (issue 18). Kept apart from tenants.ts, which is at its size limit. Each language has exactly
 * the English keys.
 */
const en = {
  'tenants.org.fees': 'Local fees',
  'tenants.org.fees_lead':
    'A dog, waste or another local fee: pay it online by bank QR code or card, without signing in.',
  'tenants.org.fees_link': 'Pay a fee',
};

export type TenantsPortalMessageKey = keyof typeof en;

const sl: Record<TenantsPortalMessageKey, string> = {
  'tenants.org.fees': 'Občinske takse',
  'tenants.org.fees_lead':
    'Taksa za psa, odpadke ali druga občinska taksa: plačajte jo prek spleta s QR kodo ali kartico, brez prijave.',
  'tenants.org.fees_link': 'Plačilo takse',
};

const cs: Record<TenantsPortalMessageKey, string> = {
  'tenants.org.fees': 'Místní poplatky',
  'tenants.org.fees_lead':
    'Poplatek ze psů, za odpad nebo jiný místní poplatek zaplatíte online QR kódem nebo kartou, i bez přihlášení.',
  'tenants.org.fees_link': 'Zaplatit poplatek',
};

export const tenantsPortalMessages: Record<
  'sl' | 'cs' | 'en',
  Record<TenantsPortalMessageKey, string>
> = { en, sl, cs };
