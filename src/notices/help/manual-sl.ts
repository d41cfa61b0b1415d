// Priročnik za uslužbence v slovenščini (vrstni red razdelkov in strani: notices/help/manual.ts).
import type { ManualContent } from './manual.ts';

export const MANUAL_SL: ManualContent = {
  agenda: {
    title: 'Razpored in današnji termini',
    items: [
      'Po prijavi vidite današnje termine na svojih upravnih enotah, po času. Izberite termin, da vidite stranko, storitev, njeno sporočilo in zgodovino termina.',
      'V razdelku {layout.nav.agenda} si ogledate dan ali teden in ju omejite na enoto ali storitev.',
      'Če stranka ne more priti, termin v njenem imenu prekličete z razlogom: stranka prejme e-pošto. Če stranke ni bilo, termin po začetku označite kot neudeležen.',
    ],
  },
  meeting: {
    title: 'Čakalnica in videoklic',
    items: [
      'Čakalnica se odpre 15 minut pred terminom. Ko stranka čaka, je na vrhu vsake strani za zaposlene prikazano njeno ime in čas termina.',
      'Videoklic odprete iz termina, preverite kamero in mikrofon ter se pridružite. Stranko sprejmete z gumbom {room.admit}; preverite lahko tudi njeno istovetnost in povabite gosta.',
      'V videoklicu lahko klepetate, delite zaslon in pišete zapisnik. Ko končate, videoklic zaključite: stranka je nato povabljena k kratki oceni.',
    ],
  },
  folder: {
    title: 'Mapa videoklica',
    items: [
      'Vsak termin ima mapo za dokumente, ki si jih s stranko izmenjate pred videoklicem, med njim in kmalu po njem.',
      'Vsaka naložena datoteka je pregledana (vrsta, velikost, virusi, makri), preden jo kdo lahko odpre. Zavrnjene datoteke so navedene z razlogom.',
      'Po izteku roka po videoklicu se mapa samodejno izbriše; kar potrebujete za spis, prenesite prej.',
    ],
  },
  submissions: {
    title: 'Vloge in njihova stanja',
    items: [
      'V razdelku {submissions.nav} so obrazci, ki so jih oddale stranke, z njihovimi številkami. Nove imajo stanje {submissions.state.received}.',
      'Vlogo prevzamete v obravnavo ({submissions.state.in_progress}), stranko s sporočilom pozovete k dopolnitvi ({submissions.state.needs_completion}) ali jo zaključite kot {submissions.state.done} ali {submissions.state.refused} z obrazložitvijo. Stranka je obveščena po e-pošti in sporočila vidi v svojem profilu.',
      'Vsaka sprememba je zabeležena s tem, kdo in kdaj jo je naredil. Potrdilo o oddaji (PDF) in priloge prenesete na strani vloge.',
    ],
  },
  fees: {
    title: 'Takse in bančni izpiski',
    items: [
      'V razdelku {fees.nav} vpišete, kaj stranka dolguje (vrsta takse, zavezanec, obroki in roki plačila); vsaka obveznost dobi svojo referenco. Več obveznosti hkrati uvozite iz datoteke CSV.',
      'Gotovinsko plačilo na okencu vpišete pri obveznosti; potrdilo o plačilu se izda in pošlje po e-pošti.',
      'Uvozite bančni izpisek (camt.053): plačila se povežejo z obveznostmi po referenci in znesku. Plačila brez ujemanja so v seznamu {statements.unmatched_link}, kjer jih dodelite ročno.',
    ],
  },
  notices: {
    title: 'Elektronska oglasna deska',
    items: [
      'Objavite obvestilo z naslovom, besedilom, vrsto, številko zadeve, organizacijsko enoto, datumom objave in datumom, ko bo sneto (ali »do preklica«), ter prilogami v PDF.',
      'Objavljenega obvestila ni mogoče spremeniti neopazno: popravek je nova različica, obe pa ostaneta vidni s svojima datumoma.',
      'Obvestilo s prihodnjim datumom se na ta dan objavi samo, na končni datum pa se samo sname.',
    ],
  },
  departments: {
    title: 'Organizacijske enote in kontakti',
    items: [
      'Vpišite organizacijske enote in zaposlene v njih: ime, delovno mesto, telefon, e-pošto, pisarno in uradne ure.',
      'Enoto povežite s storitvami in življenjskimi dogodki, ki jih ureja, da se stranke lahko naročijo pri njej.',
      'Zaposleni je na javnih straneh prikazan šele, ko skrbnik vpiše njegovo soglasje.',
    ],
  },
  news: {
    title: 'Novice in izjava o dostopnosti',
    items: [
      'Novice so prikazane na vrhu domače strani organa, najnovejše najprej.',
      'Izjava o dostopnosti sledi vzorcu iz Direktive (EU) 2016/2102: vpišite stopnjo skladnosti, kaj ni dostopno in zakaj, datum ocene in kontakt za povratne informacije. Pregledajte jo vsaj enkrat na leto.',
    ],
  },
  accounts: {
    title: 'Uporabniški računi in vloge',
    items: [
      'Skrbnik povabi uslužbence po e-pošti; povezava v vabilu velja 72 ur. Uslužbenec vidi termine svojih enot in vloge, skrbnik tudi nastavitve organa.',
      'Vlogo, enote ali storitve zaposlenega spremenite ali njegov račun onemogočite v razdelku {layout.nav.organisation}. Zadnjega skrbnika ni mogoče odstraniti.',
      'Vsak si geslo spremeni sam v razdelku {layout.nav.password}. Vsaka sprememba zaposlenih je zabeležena v revizijski sled.',
    ],
  },
  stats: {
    title: 'Statistika',
    items: [
      'V razdelku {layout.nav.stats} so termini, neudeležbe, zasedenost, prijave strank in takse po mesecih, vsak graf s preglednico podatkov.',
      'Vsako preglednico prenesete kot datoteko CSV. Podatki ne vsebujejo osebnih podatkov.',
    ],
  },
};
