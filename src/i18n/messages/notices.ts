/** Texts of the official notice board for citizens and its open data (src/notices). Each language has exactly the English keys. */
const en = {
  'notices.title': 'Official notice board',
  'notices.category.decision': 'Decisions',
  'notices.category.public_decree': 'Public decrees',
  'notices.category.public_notice': 'Public notices',
  'notices.category.auction': 'Auctions and sales',
  'notices.category.vacancy': 'Job vacancies',
  'notices.category.council': 'Council meetings',
  'notices.category.planning': 'Spatial planning and building',
  'notices.category.environment': 'Environment',
  'notices.category.tender': 'Public procurement',
  'notices.category.elections': 'Elections',
  'notices.category.lost_property': 'Lost property',
  'notices.category.other': 'Other notices',
};

export type NoticesMessageKey = keyof typeof en;

const sl: Record<NoticesMessageKey, string> = {
  'notices.title': 'Uradna oglasna deska',
  'notices.category.decision': 'Odločbe',
  'notices.category.public_decree': 'Javna naznanila',
  'notices.category.public_notice': 'Obvestila',
  'notices.category.auction': 'Dražbe in prodaje',
  'notices.category.vacancy': 'Prosta delovna mesta',
  'notices.category.council': 'Seje občinskega sveta',
  'notices.category.planning': 'Prostorsko načrtovanje in graditev',
  'notices.category.environment': 'Okolje',
  'notices.category.tender': 'Javna naročila',
  'notices.category.elections': 'Volitve',
  'notices.category.lost_property': 'Najdene stvari',
  'notices.category.other': 'Druga obvestila',
};

const cs: Record<NoticesMessageKey, string> = {
  'notices.title': 'Úřední deska',
  'notices.category.decision': 'Rozhodnutí',
  'notices.category.public_decree': 'Veřejné vyhlášky',
  'notices.category.public_notice': 'Oznámení',
  'notices.category.auction': 'Dražby a prodeje',
  'notices.category.vacancy': 'Volná pracovní místa',
  'notices.category.council': 'Zasedání zastupitelstva',
  'notices.category.planning': 'Územní plánování a stavební řízení',
  'notices.category.environment': 'Životní prostředí',
  'notices.category.tender': 'Veřejné zakázky',
  'notices.category.elections': 'Volby',
  'notices.category.lost_property': 'Ztráty a nálezy',
  'notices.category.other': 'Ostatní oznámení',
};

export const noticesMessages: Record<'sl' | 'cs' | 'en', Record<NoticesMessageKey, string>> = {
  en,
  sl,
  cs,
};
