/**
 * Texts of a meeting room through Janus (decision 054; src/meeting/client/sfu*.ts), part of the
 * meeting client's texts (meeting-client.ts spreads them into each language). Slovenian uses the
 * formal "vi", Czech the formal "vy"; the names are gender-neutral (present tense).
 */
const en = {
  'room.state_speaking': 'speaking',
  'room.screen_of': 'Shared screen: {name}',
  'room.sharing_started': '{name} is sharing the screen.',
  'room.sharing_stopped': '{name} is no longer sharing the screen.',
  'room.sfu_unavailable':
    'Sound and video cannot be connected at the moment. We keep trying; meanwhile you can write in the chat.',
  'room.sfu_back': 'Sound and video are connected again.',
};

type Key = keyof typeof en;

const sl: Record<Key, string> = {
  'room.state_speaking': 'govori',
  'room.screen_of': 'Deljeni zaslon: {name}',
  'room.sharing_started': '{name} deli zaslon.',
  'room.sharing_stopped': '{name} ne deli več zaslona.',
  'room.sfu_unavailable':
    'Zvoka in slike trenutno ni mogoče povezati. Povezavo poskušamo znova vzpostaviti; medtem lahko pišete v klepetu.',
  'room.sfu_back': 'Zvok in slika sta spet povezana.',
};

const cs: Record<Key, string> = {
  'room.state_speaking': 'mluví',
  'room.screen_of': 'Sdílená obrazovka: {name}',
  'room.sharing_started': '{name} sdílí obrazovku.',
  'room.sharing_stopped': '{name} už nesdílí obrazovku.',
  'room.sfu_unavailable':
    'Zvuk a obraz teď nelze připojit. Stále to zkoušíme znovu; mezitím můžete psát do chatu.',
  'room.sfu_back': 'Zvuk a obraz jsou opět připojeny.',
};

export const meetingSfuClientMessages = { en, sl, cs };
