/**
 * Tenants' keys of the admin forms that did not fit tenants.ts (at its 500-line limit): the start
 * page's card for the form builder (issue 17) and the settings' registration number (issue 19).
 * Each language has exactly the English keys.
 */
const en = {
  'tenants.admin.forms_title': 'Forms',
  'tenants.admin.forms': 'Online forms for citizens: build, preview and publish new versions.',
  'tenants.field.registration_number': 'Registration number (IČO / matična številka)',
  'tenants.hint.registration_number':
    'The Czech IČO (8 digits) or the Slovenian matična številka (7 or 10 digits). The notice board’s open data names the organisation by it.',
  'tenants.error.registration_number': 'Enter the registration number in digits only.',
  'tenants.error.registration_number_cz': 'Enter the IČO: 8 digits.',
  'tenants.error.registration_number_si':
    'Enter the matična številka: 7 digits, or 10 with the business unit.',
  'tenants.error.registration_number_check':
    'This number does not exist: its last digit does not match. Check it against the business register.',
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
    'tenants.field.registration_number': 'Matična številka',
    'tenants.hint.registration_number':
      'Matična številka iz Poslovnega registra Slovenije (7 ali 10 števk), v Češki IČO (8 števk). Z njo je organizacija navedena v odprtih podatkih oglasne deske.',
    'tenants.error.registration_number': 'Vpišite matično številko samo s števkami.',
    'tenants.error.registration_number_cz': 'Vpišite IČO: 8 števk.',
    'tenants.error.registration_number_si':
      'Vpišite matično številko: 7 števk ali 10 s številko poslovne enote.',
    'tenants.error.registration_number_check':
      'Ta številka ne obstaja, ker se zadnja števka ne ujema. Preverite jo v Poslovnem registru.',
  },
  cs: {
    'tenants.admin.forms_title': 'Formuláře',
    'tenants.admin.forms':
      'Online formuláře pro občany: sestavení, náhled a zveřejnění nových verzí.',
    'tenants.field.registration_number': 'IČO',
    'tenants.hint.registration_number':
      'Identifikační číslo osoby (8 číslic), ve Slovinsku matična številka (7 nebo 10 číslic). Otevřená data úřední desky podle něj uvádějí provozovatele.',
    'tenants.error.registration_number': 'Zadejte IČO pouze číslicemi.',
    'tenants.error.registration_number_cz': 'Zadejte IČO: 8 číslic.',
    'tenants.error.registration_number_si':
      'Zadejte slovinské matično številko: 7 číslic, nebo 10 včetně čísla provozovny.',
    'tenants.error.registration_number_check':
      'Takové IČO neexistuje: nesedí kontrolní číslice. Ověřte ho v registru ARES.',
  },
};
