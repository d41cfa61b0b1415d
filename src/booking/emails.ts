import type { Lang } from '../i18n/i18n.ts';
import { pluralRulesOf } from '../i18n/i18n.ts';
import { formatWhen, whenPhrase } from '../views/dates.ts';

/** What every booking email names. */
export type BookingFacts = {
  service: string;
  office: string;
  address: string;
  official: string | null;
  start: Date;
  end: Date;
  timeZone: string;
};

/** The form of a word after a count, by the language's plural rules (sl has a dual: "2 minuti"). */
function count(
  lang: Lang,
  n: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string {
  return forms[pluralRulesOf(lang).select(n)] ?? forms.other;
}

type Texts = {
  codeSubject: string;
  codeBody: (code: string, minutes: number) => string;
  confirmedSubject: (service: string) => string;
  cancelledSubject: (service: string) => string;
  movedSubject: (service: string) => string;
  reminderSubject: (service: string) => string;
  noShowSubject: (service: string) => string;
  noShowUndoneSubject: (service: string) => string;
  /** The first sentence, with the time in it: `on` is whenPhrase(…, 'on'), `to` the same with 'to'. */
  intro: Record<BookingMailKind, (on: string, to: string) => string>;
  labels: {
    service: string;
    office: string;
    official: string;
    when: string;
    join: string;
    manage: string;
    reason: string;
    contact: string;
  };
  joinHelp: string;
  footer: string;
};

// Booking emails are plain text in the citizen's language; each language is complete by type.
const TEXTS: Record<Lang, Texts> = {
  sl: {
    codeSubject: 'Vaša koda za potrditev termina',
    codeBody: (code, minutes) =>
      `Vaša koda za potrditev termina je: ${code}\n\nVpišite jo na strani za potrditev termina. Koda velja ${minutes} ${count('sl', minutes, { one: 'minuto', two: 'minuti', few: 'minute', other: 'minut' })}. Če termina niste rezervirali vi, sporočilo prezrite.`,
    confirmedSubject: (s) => `Termin potrjen: ${s}`,
    cancelledSubject: (s) => `Termin preklican: ${s}`,
    movedSubject: (s) => `Termin prestavljen: ${s}`,
    reminderSubject: (s) => `Opomnik: ${s}`,
    noShowSubject: (s) => `Evidentirana neudeležba: ${s}`,
    noShowUndoneSubject: (s) => `Popravek evidence: ${s}`,
    intro: {
      confirmed: (on) => `Vaš termin ${on} je potrjen.`,
      cancelled: (on) => `Vaš termin ${on} je preklican.`,
      moved: (_, to) => `Vaš termin je prestavljen ${to}.`,
      reminder: (on) => `Spominjamo vas na vaš termin ${on}.`,
      no_show: (on) =>
        `Evidentirali smo, da se termina ${on} niste udeležili. Če je to pomota, se obrnite na nas.`,
      no_show_undone: (on) =>
        `Zapis, da se termina ${on} niste udeležili, smo preklicali. Opravičujemo se za pomoto.`,
    },
    labels: {
      service: 'Storitev',
      office: 'Urad',
      official: 'Termin vodi',
      when: 'Kdaj',
      join: 'Pridružite se sestanku',
      manage: 'Prekličite ali prestavite termin',
      reason: 'Razlog',
      contact: 'Kontakt',
    },
    joinHelp:
      'Potrebujete brskalnik, kamero in mikrofon ter osebni dokument. Namestitev ni potrebna.',
    footer: 'Okence – virtualno okence vašega urada',
  },
  cs: {
    codeSubject: 'Váš kód pro potvrzení termínu',
    codeBody: (code, minutes) =>
      `Váš kód pro potvrzení termínu je: ${code}\n\nZadejte ho na stránce pro potvrzení termínu. Kód platí ${minutes} ${count('cs', minutes, { one: 'minutu', few: 'minuty', other: 'minut' })}. Pokud jste termín nerezervovali vy, zprávu prosím ignorujte.`,
    confirmedSubject: (s) => `Termín potvrzen: ${s}`,
    cancelledSubject: (s) => `Termín zrušen: ${s}`,
    movedSubject: (s) => `Termín přesunut: ${s}`,
    reminderSubject: (s) => `Připomínka: ${s}`,
    noShowSubject: (s) => `Zaznamenáno nedostavení se: ${s}`,
    noShowUndoneSubject: (s) => `Oprava záznamu: ${s}`,
    intro: {
      confirmed: (on) => `Váš termín ${on} je potvrzen.`,
      cancelled: (on) => `Váš termín ${on} byl zrušen.`,
      moved: (_, to) => `Váš termín byl přesunut ${to}.`,
      reminder: (on) => `Připomínáme vám váš termín ${on}.`,
      no_show: (on) =>
        `Zaznamenali jsme, že jste se k termínu ${on} nedostavili. Pokud jde o omyl, obraťte se na nás.`,
      no_show_undone: (on) =>
        `Záznam o tom, že jste se k termínu ${on} nedostavili, jsme zrušili. Omlouváme se za omyl.`,
    },
    labels: {
      service: 'Služba',
      office: 'Pracoviště',
      official: 'Vyřizuje',
      when: 'Kdy',
      join: 'Připojit se ke schůzce',
      manage: 'Zrušit nebo přesunout termín',
      reason: 'Důvod',
      contact: 'Kontakt',
    },
    joinHelp: 'Stačí prohlížeč, kamera, mikrofon a doklad totožnosti. Nic se neinstaluje.',
    footer: 'Okence – virtuální přepážka vašeho úřadu',
  },
  en: {
    codeSubject: 'Your code to confirm the appointment',
    codeBody: (code, minutes) =>
      `Your code to confirm the appointment is: ${code}\n\nEnter it on the confirmation page. The code is valid for ${minutes} ${count('en', minutes, { one: 'minute', other: 'minutes' })}. If you did not book this appointment, ignore this message.`,
    confirmedSubject: (s) => `Appointment confirmed: ${s}`,
    cancelledSubject: (s) => `Appointment cancelled: ${s}`,
    movedSubject: (s) => `Appointment moved: ${s}`,
    reminderSubject: (s) => `Reminder: ${s}`,
    noShowSubject: (s) => `Recorded as not attended: ${s}`,
    noShowUndoneSubject: (s) => `Correction: ${s}`,
    intro: {
      confirmed: (on) => `Your appointment ${on} is confirmed.`,
      cancelled: (on) => `Your appointment ${on} is cancelled.`,
      moved: (_, to) => `Your appointment has been moved ${to}.`,
      reminder: (on) => `A reminder of your appointment ${on}.`,
      no_show: (on) =>
        `We have recorded that you did not attend your appointment ${on}. If this is a mistake, please contact us.`,
      no_show_undone: (on) =>
        `We have withdrawn the record that you did not attend your appointment ${on}. We apologise for the mistake.`,
    },
    labels: {
      service: 'Service',
      office: 'Office',
      official: 'Official',
      when: 'When',
      join: 'Join the meeting',
      manage: 'Cancel or move the appointment',
      reason: 'Reason',
      contact: 'Contact',
    },
    joinHelp:
      'You need a browser, a camera and microphone, and an identity document. Nothing to install.',
    footer: 'Okence — the virtual counter of your office',
  },
};

/** The email carrying a confirmation code. */
export function codeEmail(
  lang: Lang,
  code: string,
  minutes: number,
): { subject: string; text: string } {
  const t = TEXTS[lang];
  return { subject: t.codeSubject, text: `${t.codeBody(code, minutes)}\n\n-- \n${t.footer}\n` };
}

/** The e-mails about a booking (besides the code). */
export type BookingMailKind =
  'confirmed' | 'cancelled' | 'moved' | 'reminder' | 'no_show' | 'no_show_undone';

/**
 * Confirmation, cancellation, move, reminder and no-show emails: the facts, then the links that
 * still apply (and the office's reason for a cancellation it made). A no-show and its
 * correction carry no links: the appointment is history; they name the office's contact.
 */
export function bookingEmail(
  kind: BookingMailKind,
  lang: Lang,
  facts: BookingFacts,
  links: { join: string; manage: string },
  reason?: string,
  contact?: string | null,
): { subject: string; text: string } {
  const t = TEXTS[lang];
  const subjects = {
    confirmed: t.confirmedSubject,
    cancelled: t.cancelledSubject,
    moved: t.movedSubject,
    reminder: t.reminderSubject,
    no_show: t.noShowSubject,
    no_show_undone: t.noShowUndoneSubject,
  };
  const subject = subjects[kind](facts.service);
  const lines = [
    t.intro[kind](
      whenPhrase(facts.start, facts.timeZone, lang),
      whenPhrase(facts.start, facts.timeZone, lang, 'to'),
    ),
    '',
    `${t.labels.service}: ${facts.service}`,
    `${t.labels.office}: ${facts.office}, ${facts.address}`,
    ...(facts.official ? [`${t.labels.official}: ${facts.official}`] : []),
    `${t.labels.when}: ${formatWhen(facts.start, facts.timeZone, lang)}`,
    ...(reason ? ['', `${t.labels.reason}: ${reason}`] : []),
    ...(contact ? ['', `${t.labels.contact}: ${contact}`] : []),
  ];
  if (kind === 'confirmed' || kind === 'moved' || kind === 'reminder')
    lines.push(
      '',
      `${t.labels.join}: ${links.join}`,
      t.joinHelp,
      '',
      `${t.labels.manage}: ${links.manage}`,
    );
  return { subject, text: `${lines.join('\n')}\n\n-- \n${t.footer}\n` };
}
