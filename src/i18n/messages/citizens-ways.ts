/**
 * Texts of the account's ways to sign in (src/citizens, decision 029 addendum): the list on
 * /account, adding an address by code, removing a way, and a refused link. Each language has
 * exactly the English keys. (Their own file: citizens.ts would pass the 500-line limit.)
 */
const en = {
  'citizens.ways.title': 'Ways to sign in',
  'citizens.ways.lead':
    'You can sign in to this account in each of these ways. A new way can only be added here, while you are signed in, and it must be your own.',
  'citizens.ways.email_way': 'Code by e-mail to {email}',
  'citizens.ways.added_on': 'Added: {date}',
  'citizens.ways.last_used': 'Last used: {date}',
  'citizens.ways.remove_link': 'Remove “{way}”',
  'citizens.ways.only_one': 'This is your only way to sign in, so it cannot be removed.',
  'citizens.ways.add_heading': 'Add another way',
  'citizens.ways.add_lead':
    'You sign in with it once and it is added to this account. You stay signed in here.',
  'citizens.ways.add_with': 'Add: {provider}',
  'citizens.ways.back': 'Back to my account',
  'citizens.ways.email_title': 'Add sign-in with an e-mailed code',
  'citizens.ways.email_lead':
    'Enter the address you want to sign in with. We will send a 6-digit code to it, and the address is added once you enter the code.',
  'citizens.ways.code_title': 'Confirm the address',
  'citizens.ways.code_submit': 'Add this address',
  'citizens.ways.mail_subject': 'Your code to add this address for signing in',
  'citizens.ways.mail_body':
    'Your code is: {code}\n\nEnter it on the page where you asked to add this address as a way to sign in to your account. The code is valid for {minutes} minutes. If you did not ask for this, ignore this message: without the code, the address is not added to any account.',
  'citizens.ways.remove_title': 'Remove a way to sign in',
  'citizens.ways.remove_lead':
    'After this you will no longer be able to sign in to this account with “{way}”. You can add it again later.',
  'citizens.ways.remove_eid_data':
    'No other electronic identity signs in to this account, so the details we received from {provider} (name, date of birth, address) will be removed from it too.',
  'citizens.ways.remove_confirm': 'Remove',
  'citizens.ways.last':
    'This is the only way you can sign in to this account, so it cannot be removed. Add another way first.',
  'citizens.ways.added': 'The new way to sign in has been added.',
  'citizens.ways.removed': 'The way to sign in has been removed.',
  'citizens.ways.refused_title': 'The way to sign in was not added',
  'citizens.ways.refused_owned':
    'This identity already signs in to another account here. Accounts are never merged, so nothing has changed.',
  'citizens.ways.refused_owned_how':
    'To use it with this account, sign in with it, delete that other account (My account → Your data), then sign in here again and add it. Or keep both accounts and sign in to each of them separately.',
  'citizens.ways.refused_session':
    'This answer belongs to a request to add a way to sign in that was not made in this browser session. So that nobody can add their identity to someone else’s account, nothing has changed.',
  'citizens.ways.refused_session_how':
    'If you asked for it yourself, sign in to your account and choose the way to add again under “Ways to sign in”.',
  'citizens.ways.refused_taken':
    'Meanwhile your account got another way to sign in with this provider, and an account has one way per provider. Nothing has changed.',
  'citizens.ways.refused_taken_how':
    'To use this one instead, remove the one your account has, then add this one.',
};

export type CitizensWaysMessageKey = keyof typeof en;

const sl: Record<CitizensWaysMessageKey, string> = {
  'citizens.ways.title': 'Načini prijave',
  'citizens.ways.lead':
    'V ta račun se lahko prijavite na vsakega od teh načinov. Nov način lahko dodate samo tukaj, ko ste prijavljeni, in mora biti vaš.',
  'citizens.ways.email_way': 'Koda po e-pošti na {email}',
  'citizens.ways.added_on': 'Dodano: {date}',
  'citizens.ways.last_used': 'Nazadnje uporabljeno: {date}',
  'citizens.ways.remove_link': 'Odstrani „{way}“',
  'citizens.ways.only_one': 'To je vaš edini način prijave, zato ga ni mogoče odstraniti.',
  'citizens.ways.add_heading': 'Dodajte drug način',
  'citizens.ways.add_lead':
    'Z njim se enkrat prijavite in dodan bo temu računu. Tukaj ostanete prijavljeni.',
  'citizens.ways.add_with': 'Dodaj: {provider}',
  'citizens.ways.back': 'Nazaj na moj račun',
  'citizens.ways.email_title': 'Dodajte prijavo s kodo po e-pošti',
  'citizens.ways.email_lead':
    'Vpišite naslov, s katerim se želite prijavljati. Nanj vam bomo poslali 6-mestno kodo, naslov pa bo dodan, ko kodo vpišete.',
  'citizens.ways.code_title': 'Potrdite naslov',
  'citizens.ways.code_submit': 'Dodaj ta naslov',
  'citizens.ways.mail_subject': 'Koda za dodajanje naslova za prijavo',
  'citizens.ways.mail_body':
    'Vaša koda je: {code}\n\nVpišite jo na strani, kjer ste zahtevali, da se ta naslov doda kot način prijave v vaš račun. Koda velja {minutes} minut. Če tega niste zahtevali vi, sporočilo prezrite: brez kode naslov ne bo dodan nobenemu računu.',
  'citizens.ways.remove_title': 'Odstranitev načina prijave',
  'citizens.ways.remove_lead':
    'Po tem se v ta račun ne boste več mogli prijaviti z načinom „{way}“. Pozneje ga lahko znova dodate.',
  'citizens.ways.remove_eid_data':
    'V ta račun se ne prijavljate z nobeno drugo elektronsko identiteto, zato bodo iz njega odstranjeni tudi podatki, ki smo jih prejeli prek ponudnika {provider} (ime, datum rojstva, naslov).',
  'citizens.ways.remove_confirm': 'Odstrani',
  'citizens.ways.last':
    'To je edini način, s katerim se lahko prijavite v ta račun, zato ga ni mogoče odstraniti. Najprej dodajte drug način.',
  'citizens.ways.added': 'Nov način prijave je dodan.',
  'citizens.ways.removed': 'Način prijave je odstranjen.',
  'citizens.ways.refused_title': 'Način prijave ni bil dodan',
  'citizens.ways.refused_owned':
    'S to identiteto se pri nas že prijavljate v drug račun. Računov ne združujemo, zato se ni nič spremenilo.',
  'citizens.ways.refused_owned_how':
    'Če jo želite uporabljati s tem računom, se z njo prijavite, izbrišite tisti drugi račun (Moj račun → Vaši podatki), nato se znova prijavite sem in jo dodajte. Lahko pa obdržite oba računa in se v vsakega prijavljate posebej.',
  'citizens.ways.refused_session':
    'Ta odgovor spada k zahtevi za dodajanje načina prijave, ki ni bila dana v tej seji brskalnika. Da nihče ne bi mogel dodati svoje identitete v tuj račun, se ni nič spremenilo.',
  'citizens.ways.refused_session_how':
    'Če ste jo dali sami, se prijavite v svoj račun in v razdelku „Načini prijave“ znova izberite način, ki ga želite dodati.',
  'citizens.ways.refused_taken':
    'Vaš račun je medtem dobil drug način prijave pri tem ponudniku, račun pa ima pri vsakem ponudniku en sam način. Nič se ni spremenilo.',
  'citizens.ways.refused_taken_how':
    'Če želite namesto njega uporabljati tega, odstranite tistega, ki ga ima račun, nato dodajte tega.',
};

const cs: Record<CitizensWaysMessageKey, string> = {
  'citizens.ways.title': 'Způsoby přihlášení',
  'citizens.ways.lead':
    'K tomuto účtu se můžete přihlásit každým z těchto způsobů. Nový způsob lze přidat jen zde, když jste přihlášeni, a musí být váš.',
  'citizens.ways.email_way': 'Kód e-mailem na {email}',
  'citizens.ways.added_on': 'Přidáno: {date}',
  'citizens.ways.last_used': 'Naposledy použito: {date}',
  'citizens.ways.remove_link': 'Odebrat „{way}“',
  'citizens.ways.only_one': 'Je to váš jediný způsob přihlášení, proto ho nelze odebrat.',
  'citizens.ways.add_heading': 'Přidat další způsob',
  'citizens.ways.add_lead':
    'Jednou se jím přihlásíte a bude přidán k tomuto účtu. Zde zůstanete přihlášeni.',
  'citizens.ways.add_with': 'Přidat: {provider}',
  'citizens.ways.back': 'Zpět na můj účet',
  'citizens.ways.email_title': 'Přidat přihlášení kódem z e-mailu',
  'citizens.ways.email_lead':
    'Zadejte adresu, kterou se chcete přihlašovat. Pošleme na ni šestimístný kód a adresa bude přidána, jakmile kód zadáte.',
  'citizens.ways.code_title': 'Potvrďte adresu',
  'citizens.ways.code_submit': 'Přidat tuto adresu',
  'citizens.ways.mail_subject': 'Kód pro přidání adresy k přihlašování',
  'citizens.ways.mail_body':
    'Váš kód je: {code}\n\nZadejte ho na stránce, kde jste požádali o přidání této adresy jako způsobu přihlášení k vašemu účtu. Kód platí {minutes} minut. Pokud jste o to nežádali, zprávu ignorujte: bez kódu se adresa k žádnému účtu nepřidá.',
  'citizens.ways.remove_title': 'Odebrání způsobu přihlášení',
  'citizens.ways.remove_lead':
    'Poté se k tomuto účtu už nebudete moci přihlásit způsobem „{way}“. Později ho můžete znovu přidat.',
  'citizens.ways.remove_eid_data':
    'K tomuto účtu se nepřihlašujete žádnou jinou elektronickou identitou, proto z něj budou odebrány i údaje, které jsme získali od poskytovatele {provider} (jméno, datum narození, adresa).',
  'citizens.ways.remove_confirm': 'Odebrat',
  'citizens.ways.last':
    'Je to jediný způsob, jak se k tomuto účtu přihlásit, proto ho nelze odebrat. Nejprve přidejte jiný způsob.',
  'citizens.ways.added': 'Nový způsob přihlášení byl přidán.',
  'citizens.ways.removed': 'Způsob přihlášení byl odebrán.',
  'citizens.ways.refused_title': 'Způsob přihlášení nebyl přidán',
  'citizens.ways.refused_owned':
    'Touto identitou se u nás už přihlašujete k jinému účtu. Účty neslučujeme, proto se nic nezměnilo.',
  'citizens.ways.refused_owned_how':
    'Chcete-li ji používat s tímto účtem, přihlaste se jí, smažte onen druhý účet (Můj účet → Vaše údaje), pak se znovu přihlaste sem a přidejte ji. Nebo si ponechte oba účty a přihlašujte se ke každému zvlášť.',
  'citizens.ways.refused_session':
    'Tato odpověď patří k žádosti o přidání způsobu přihlášení, která nevznikla v této relaci prohlížeče. Aby nikdo nemohl přidat svou identitu k cizímu účtu, nic se nezměnilo.',
  'citizens.ways.refused_session_how':
    'Pokud jste o ni požádali sami, přihlaste se ke svému účtu a v části „Způsoby přihlášení“ znovu zvolte způsob, který chcete přidat.',
  'citizens.ways.refused_taken':
    'Váš účet mezitím získal jiný způsob přihlášení u tohoto poskytovatele a účet má u každého poskytovatele jen jeden způsob. Nic se nezměnilo.',
  'citizens.ways.refused_taken_how':
    'Chcete-li místo něj používat tento, odeberte ten, který účet má, a pak přidejte tento.',
};

export const citizensWaysMessages = { en, sl, cs };
