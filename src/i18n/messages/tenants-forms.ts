/**
 * The admin start page's card for the form builder (issue 17): tenants' keys, in a file of their
 * own because tenants.ts has reached the 500-line limit. Each language has exactly the English keys.
 */
const en = {
  'tenants.admin.forms_title': 'Forms',
  'tenants.admin.forms': 'Online forms for citizens: build, preview and publish new versions.',
};

export type TenantsFormsMessageKey = keyof typeof en;

export const tenantsFormsMessages: Record<
  'sl' | 'cs' | 'en',
  Record<TenantsFormsMessageKey, string>
> = {
  en,
  sl: {
    'tenants.admin.forms_title': 'Obrazci',
    'tenants.admin.forms':
      'Spletni obrazci za občane: sestavljanje, predogled in objava novih različic.',
  },
  cs: {
    'tenants.admin.forms_title': 'Formuláře',
    'tenants.admin.forms':
      'Online formuláře pro občany: sestavení, náhled a zveřejnění nových verzí.',
  },
};
