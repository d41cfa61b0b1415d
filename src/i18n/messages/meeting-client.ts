/** Texts of the live meeting in the browser (src/meeting/client/). Each language has exactly the English keys. */
const en = {
  'room.join_now': 'Join now',
} as const;

export type MeetingClientMessageKey = keyof typeof en;

export const meetingClientMessages: Record<'sl' | 'cs' | 'en', Record<MeetingClientMessageKey, string>> = {
  en,
  sl: { 'room.join_now': 'Pridruži se' },
  cs: { 'room.join_now': 'Připojit se' },
};
