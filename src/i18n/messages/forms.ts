/**
 * Texts of the form engine (src/forms, decision 033): what is wrong with an answer, beside its
 * field and in the error summary. `{min}`, `{max}` are numbers, amounts, dates or sizes the caller
 * writes in the reader's language (forms/error-text.ts). Each language has exactly the English keys.
 */
const en = {
  'forms.error.invalid': 'This answer is not valid.',
  'forms.error.unknown_field': 'This form has no such question.',
  'forms.error.required': 'Answer this question.',
  'forms.error.choose': 'Choose an answer.',
  'forms.error.too_short': 'Enter at least {min, plural, one {# character} other {# characters}}.',
  'forms.error.too_long': 'Enter at most {max, plural, one {# character} other {# characters}}.',
  'forms.error.pattern.digits': 'Enter digits only.',
  'forms.error.pattern.letters': 'Enter letters only.',
  'forms.error.pattern.alphanumeric': 'Enter letters and digits only.',
  'forms.error.pattern.postcode_si': 'Enter a Slovenian postcode of four digits, such as 1230.',
  'forms.error.pattern.postcode_cz': 'Enter a Czech postcode of five digits, such as 742 21.',
  'forms.error.pattern.iban': 'Enter the account number as an IBAN, without spaces.',
  'forms.error.number': 'Enter a number.',
  'forms.error.number_whole': 'Enter a whole number.',
  'forms.error.number_decimals':
    'Enter a number with at most {decimals, plural, one {# decimal place} other {# decimal places}}.',
  'forms.error.number_min': 'Enter a number of at least {min}.',
  'forms.error.number_max': 'Enter a number of at most {max}.',
  'forms.error.money': 'Enter an amount in {currency}, such as 12.50.',
  'forms.error.money_min': 'Enter an amount of at least {min}.',
  'forms.error.money_max': 'Enter an amount of at most {max}.',
  'forms.error.date': 'Enter a real date, such as 27.3.2007 or 2007-03-27.',
  'forms.error.date_min': 'Enter a date on or after {min}.',
  'forms.error.date_max': 'Enter a date on or before {max}.',
  'forms.error.email': 'Enter an e-mail address in the right form, such as name@example.com.',
  'forms.error.phone': 'Enter a phone number, such as +386 1 234 56 78.',
  'forms.error.option': 'Choose one of the options given.',
  'forms.error.select_min': 'Choose at least {min, plural, one {# option} other {# options}}.',
  'forms.error.select_max': 'Choose at most {max, plural, one {# option} other {# options}}.',
  'forms.error.yes_no': 'Choose yes or no.',
  'forms.error.address.street': 'Enter the street and house number.',
  'forms.error.address.postcode': 'Enter the postcode.',
  'forms.error.address.city': 'Enter the town or village.',
  'forms.error.address.country': 'Enter the country as a two-letter code, such as SI or CZ.',
  'forms.error.person.given_name': 'Enter the first name.',
  'forms.error.person.family_name': 'Enter the surname.',
  'forms.error.person.date_of_birth': 'Enter the date of birth.',
  'forms.error.file.required': 'Attach a file.',
  'forms.error.file.unknown': 'The file was not found. Upload it again.',
  'forms.error.file.type': 'The file must be one of these types: {types}.',
  'forms.error.file.size': 'The file must be at most {max}.',
  'forms.error.group_required': 'Add at least one entry.',
  'forms.error.group_min': 'Add at least {min, plural, one {# entry} other {# entries}}.',
  'forms.error.group_max': 'Add at most {max, plural, one {# entry} other {# entries}}.',
};

export type FormsMessageKey = keyof typeof en;

const sl: Record<FormsMessageKey, string> = {
  'forms.error.invalid': 'Ta odgovor ni veljaven.',
  'forms.error.unknown_field': 'Ta obrazec nima takega vprašanja.',
  'forms.error.required': 'Odgovorite na to vprašanje.',
  'forms.error.choose': 'Izberite odgovor.',
  'forms.error.too_short':
    'Vnesite vsaj {min, plural, one {# znak} two {# znaka} few {# znake} other {# znakov}}.',
  'forms.error.too_long':
    'Vnesite največ {max, plural, one {# znak} two {# znaka} few {# znake} other {# znakov}}.',
  'forms.error.pattern.digits': 'Vnesite samo števke.',
  'forms.error.pattern.letters': 'Vnesite samo črke.',
  'forms.error.pattern.alphanumeric': 'Vnesite samo črke in števke.',
  'forms.error.pattern.postcode_si': 'Vnesite štirimestno poštno številko, na primer 1230.',
  'forms.error.pattern.postcode_cz': 'Vnesite češko petmestno poštno številko, na primer 742 21.',
  'forms.error.pattern.iban': 'Vnesite številko računa v obliki IBAN, brez presledkov.',
  'forms.error.number': 'Vnesite število.',
  'forms.error.number_whole': 'Vnesite celo število.',
  'forms.error.number_decimals':
    'Vnesite število z največ {decimals, plural, one {# decimalnim mestom} two {# decimalnima mestoma} few {# decimalnimi mesti} other {# decimalnimi mesti}}.',
  'forms.error.number_min': 'Vnesite število, ki ni manjše od {min}.',
  'forms.error.number_max': 'Vnesite število, ki ni večje od {max}.',
  'forms.error.money': 'Vnesite znesek v {currency}, na primer 12,50.',
  'forms.error.money_min': 'Vnesite znesek, ki ni manjši od {min}.',
  'forms.error.money_max': 'Vnesite znesek, ki ni večji od {max}.',
  'forms.error.date': 'Vnesite veljaven datum, na primer 27. 3. 2007.',
  'forms.error.date_min': 'Vnesite datum {min} ali poznejši.',
  'forms.error.date_max': 'Vnesite datum {max} ali zgodnejši.',
  'forms.error.email': 'Vnesite e-poštni naslov v pravi obliki, na primer ime@primer.si.',
  'forms.error.phone': 'Vnesite telefonsko številko, na primer 01\u00a0234\u00a056\u00a078.',
  'forms.error.option': 'Izberite eno od ponujenih možnosti.',
  'forms.error.select_min':
    'Izberite vsaj {min, plural, one {# možnost} two {# možnosti} few {# možnosti} other {# možnosti}}.',
  'forms.error.select_max':
    'Izberite največ {max, plural, one {# možnost} two {# možnosti} few {# možnosti} other {# možnosti}}.',
  'forms.error.yes_no': 'Izberite da ali ne.',
  'forms.error.address.street': 'Vnesite ulico in hišno številko.',
  'forms.error.address.postcode': 'Vnesite poštno številko.',
  'forms.error.address.city': 'Vnesite kraj.',
  'forms.error.address.country': 'Vnesite državo z dvočrkovno oznako, na primer SI ali CZ.',
  'forms.error.person.given_name': 'Vnesite ime.',
  'forms.error.person.family_name': 'Vnesite priimek.',
  'forms.error.person.date_of_birth': 'Vnesite datum rojstva.',
  'forms.error.file.required': 'Priložite datoteko.',
  'forms.error.file.unknown': 'Datoteke ni mogoče najti. Naložite jo znova.',
  'forms.error.file.type': 'Datoteka mora biti ene od teh vrst: {types}.',
  'forms.error.file.size': 'Datoteka je lahko velika največ {max}.',
  'forms.error.group_required': 'Dodajte vsaj en vnos.',
  'forms.error.group_min':
    'Dodajte vsaj {min, plural, one {# vnos} two {# vnosa} few {# vnose} other {# vnosov}}.',
  'forms.error.group_max':
    'Dodajte največ {max, plural, one {# vnos} two {# vnosa} few {# vnose} other {# vnosov}}.',
};

const cs: Record<FormsMessageKey, string> = {
  'forms.error.invalid': 'Tato odpověď není platná.',
  'forms.error.unknown_field': 'Tento formulář takovou otázku nemá.',
  'forms.error.required': 'Odpovězte na tuto otázku.',
  'forms.error.choose': 'Vyberte odpověď.',
  'forms.error.too_short':
    'Zadejte alespoň {min, plural, one {# znak} few {# znaky} many {# znaku} other {# znaků}}.',
  'forms.error.too_long':
    'Zadejte nejvýše {max, plural, one {# znak} few {# znaky} many {# znaku} other {# znaků}}.',
  'forms.error.pattern.digits': 'Zadejte pouze číslice.',
  'forms.error.pattern.letters': 'Zadejte pouze písmena.',
  'forms.error.pattern.alphanumeric': 'Zadejte pouze písmena a číslice.',
  'forms.error.pattern.postcode_si':
    'Zadejte slovinské poštovní směrovací číslo o čtyřech číslicích, například 1230.',
  'forms.error.pattern.postcode_cz': 'Zadejte PSČ o pěti číslicích, například 742 21.',
  'forms.error.pattern.iban': 'Zadejte číslo účtu ve tvaru IBAN, bez mezer.',
  'forms.error.number': 'Zadejte číslo.',
  'forms.error.number_whole': 'Zadejte celé číslo.',
  'forms.error.number_decimals':
    'Zadejte číslo s nejvýše {decimals, plural, one {# desetinným místem} few {# desetinnými místy} many {# desetinného místa} other {# desetinnými místy}}.',
  'forms.error.number_min': 'Zadejte číslo, které není menší než {min}.',
  'forms.error.number_max': 'Zadejte číslo, které není větší než {max}.',
  'forms.error.money': 'Zadejte částku v {currency}, například 12,50.',
  'forms.error.money_min': 'Zadejte částku alespoň {min}.',
  'forms.error.money_max': 'Zadejte částku nejvýše {max}.',
  'forms.error.date': 'Zadejte platné datum, například 27. 3. 2007.',
  'forms.error.date_min': 'Zadejte datum {min} nebo pozdější.',
  'forms.error.date_max': 'Zadejte datum {max} nebo dřívější.',
  'forms.error.email': 'Zadejte e-mailovou adresu ve správném tvaru, například jmeno@priklad.cz.',
  'forms.error.phone': 'Zadejte telefonní číslo, například +420\u00a0601\u00a0234\u00a0567.',
  'forms.error.option': 'Vyberte jednu z nabízených možností.',
  'forms.error.select_min':
    'Vyberte alespoň {min, plural, one {# možnost} few {# možnosti} many {# možnosti} other {# možností}}.',
  'forms.error.select_max':
    'Vyberte nejvýše {max, plural, one {# možnost} few {# možnosti} many {# možnosti} other {# možností}}.',
  'forms.error.yes_no': 'Vyberte ano, nebo ne.',
  'forms.error.address.street': 'Zadejte ulici a číslo domu.',
  'forms.error.address.postcode': 'Zadejte PSČ.',
  'forms.error.address.city': 'Zadejte obec.',
  'forms.error.address.country': 'Zadejte stát dvoupísmenným kódem, například CZ nebo SI.',
  'forms.error.person.given_name': 'Zadejte jméno.',
  'forms.error.person.family_name': 'Zadejte příjmení.',
  'forms.error.person.date_of_birth': 'Zadejte datum narození.',
  'forms.error.file.required': 'Přiložte soubor.',
  'forms.error.file.unknown': 'Soubor se nepodařilo najít. Nahrajte ho znovu.',
  'forms.error.file.type': 'Soubor musí být jednoho z těchto typů: {types}.',
  'forms.error.file.size': 'Soubor může mít nejvýše {max}.',
  'forms.error.group_required': 'Přidejte alespoň jednu položku.',
  'forms.error.group_min':
    'Přidejte alespoň {min, plural, one {# položku} few {# položky} many {# položky} other {# položek}}.',
  'forms.error.group_max':
    'Přidejte nejvýše {max, plural, one {# položku} few {# položky} many {# položky} other {# položek}}.',
};

export const formsMessages = { en, sl, cs };
