/** Texts of the meeting pages rendered on the server. Each language has exactly the English keys. */
const en = {
  'meeting.title': 'Video meeting',
} as const;

export type MeetingMessageKey = keyof typeof en;

export const meetingMessages: Record<'sl' | 'cs' | 'en', Record<MeetingMessageKey, string>> = {
  en,
  sl: { 'meeting.title': 'Video sestanek' },
  cs: { 'meeting.title': 'Videoschůzka' },
};
