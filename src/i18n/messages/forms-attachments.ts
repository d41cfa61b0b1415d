/**
 * Texts of attaching files to a form as a citizen (src/forms/fill-uploads.ts, fill-questions.ts,
 * decision 039): what a file question takes, said before the upload; the attached file with its
 * remove button; why a file was refused. The pipeline's own refusals (a program, a damaged
 * document, a virus) keep the folder's words (files.ts). Each language has exactly the English keys.
 */
const en = {
  'forms.attach.limits': 'One file: {types}, at most {max}.',
  'forms.attach.form_limits': 'A form can hold up to {count} files, {max} in all.',
  'forms.attach.scan': 'Files are checked for viruses before they are kept.',
  'forms.attach.choose': 'Choose a file',
  'forms.attach.upload': 'Upload the file',
  'forms.attach.attached': 'Attached:',
  'forms.attach.remove': 'Remove',
  'forms.attach.uploaded': '{name} has been attached.',
  'forms.attach.removed': 'The file has been removed.',
  'forms.attach.not_online':
    'This document cannot be sent online. The office will tell you how to send it.',
  'forms.attach.error.type': '{name}: the file must be {types}.',
  'forms.attach.error.too_large': '{name}: the file must be smaller than {max}.',
  'forms.attach.error.too_many':
    '{name}: the form already has {count} files, the most it can hold. Remove one first.',
  'forms.attach.error.draft_full':
    '{name}: the form’s files would come to more than {max}. Remove a file or attach a smaller one.',
  'forms.attach.error.gone':
    '{name}: the file could not be attached, because the form has meanwhile been deleted or sent.',
  'forms.attach.error.infected':
    '{name}: the virus scanner found a virus in this file, so it was not attached. Check your device with an antivirus program.',
};

type Messages = Record<keyof typeof en, string>;

const sl: Messages = {
  'forms.attach.limits': 'Ena datoteka: {types}, največ {max}.',
  'forms.attach.form_limits': 'Vlogi lahko priložite največ {count} datotek, skupaj največ {max}.',
  'forms.attach.scan': 'Datoteke pred shranjevanjem pregledamo s protivirusnim programom.',
  'forms.attach.choose': 'Izberite datoteko',
  'forms.attach.upload': 'Naloži datoteko',
  'forms.attach.attached': 'Priloženo:',
  'forms.attach.remove': 'Odstrani',
  'forms.attach.uploaded': 'Datoteka {name} je priložena.',
  'forms.attach.removed': 'Datoteka je odstranjena.',
  'forms.attach.not_online':
    'Tega dokumenta ni mogoče poslati prek spleta. Upravna enota vam bo sporočila, kako ga posredujete.',
  'forms.attach.error.type': '{name}: datoteka mora biti vrste {types}.',
  'forms.attach.error.too_large': '{name}: datoteka mora biti manjša od {max}.',
  'forms.attach.error.too_many':
    '{name}: vlogi je priloženih že {count} datotek, kar je največ. Najprej odstranite eno od njih.',
  'forms.attach.error.draft_full':
    '{name}: priloge vloge bi skupaj presegle {max}. Odstranite katero od datotek ali priložite manjšo.',
  'forms.attach.error.gone':
    '{name}: datoteke ni bilo mogoče priložiti, ker je bila vloga medtem izbrisana ali že oddana.',
  'forms.attach.error.infected':
    '{name}: protivirusni pregled je v datoteki našel virus, zato ni priložena. Napravo preglejte s protivirusnim programom.',
};

const cs: Messages = {
  'forms.attach.limits': 'Jeden soubor: {types}, nejvýše {max}.',
  'forms.attach.form_limits':
    'K formuláři můžete přiložit nejvýše {count} souborů, celkem do {max}.',
  'forms.attach.scan': 'Soubory před uložením kontrolujeme antivirovým programem.',
  'forms.attach.choose': 'Vyberte soubor',
  'forms.attach.upload': 'Nahrát soubor',
  'forms.attach.attached': 'Přiloženo:',
  'forms.attach.remove': 'Odebrat',
  'forms.attach.uploaded': 'Soubor {name} je přiložen.',
  'forms.attach.removed': 'Soubor byl odebrán.',
  'forms.attach.not_online':
    'Tento doklad nelze poslat elektronicky. Úřad vám sdělí, jak ho doručit.',
  'forms.attach.error.type': '{name}: soubor musí být typu {types}.',
  'forms.attach.error.too_large': '{name}: soubor musí být menší než {max}.',
  'forms.attach.error.too_many':
    '{name}: k formuláři je přiloženo už {count} souborů, víc nelze. Nejdřív některý odeberte.',
  'forms.attach.error.draft_full':
    '{name}: přílohy formuláře by měly dohromady víc než {max}. Odeberte některý soubor nebo přiložte menší.',
  'forms.attach.error.gone':
    '{name}: soubor se nepodařilo přiložit, protože formulář byl mezitím smazán nebo odeslán.',
  'forms.attach.error.infected':
    '{name}: antivirová kontrola v souboru našla virus, proto nebyl přiložen. Zkontrolujte své zařízení antivirovým programem.',
};

export type FormsAttachmentsMessageKey = keyof typeof en;
export const formsAttachmentsMessages = { en, sl, cs };
