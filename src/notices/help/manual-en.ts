// The staff manual in English (notices/help/manual.ts gives the sections' order and pages).
import type { ManualContent } from './manual.ts';

export const MANUAL_EN: ManualContent = {
  agenda: {
    title: 'The agenda and the day’s appointments',
    items: [
      'After signing in you see today’s appointments at your offices, the earliest first. Choose an appointment to see the person, the service, their note and the appointment’s history.',
      'Under {layout.nav.agenda} you can look at a day or a week and filter by office or service.',
      'If the person cannot come, cancel the appointment on their behalf with a reason: they receive an e-mail. If nobody came, mark the appointment as a no-show after its start.',
    ],
  },
  meeting: {
    title: 'The waiting room and the meeting',
    items: [
      'The waiting room opens 15 minutes before the appointment. When the person is waiting, every staff page shows their name and the time at the top.',
      'Open the meeting from the appointment, check your camera and microphone, and join. Let the person in with the button {room.admit}; you can also check their identity and invite a guest.',
      'In the meeting you can chat, share your screen and write the minutes. End the meeting when you are done: the person is then asked for a short rating.',
    ],
  },
  folder: {
    title: 'The meeting folder',
    items: [
      'Each appointment has a folder for documents that you and the person exchange before, during and shortly after the meeting.',
      'Every upload is checked (file type, size, viruses, macros) before anyone can open it. Refused files are named with the reason.',
      'Once the grace period after the meeting is over, the folder is deleted automatically; download what you need for the case file before then.',
    ],
  },
  submissions: {
    title: 'Submissions and their states',
    items: [
      'Under {submissions.nav} you find the forms citizens have sent, with their reference numbers. New ones are {submissions.state.received}.',
      'Take a submission in hand ({submissions.state.in_progress}), ask the citizen to complete it with a message ({submissions.state.needs_completion}), or close it as {submissions.state.done} or {submissions.state.refused} with a reason. The citizen is told by e-mail and sees the messages in their account.',
      'Every change is recorded with who made it and when. The receipt (PDF) and the attachments can be downloaded from the submission’s page.',
    ],
  },
  fees: {
    title: 'Fees and bank statements',
    items: [
      'Under {fees.nav} you record what a person owes (fee type, payer, instalments and due dates); each obligation gets its variable symbol. Many at once can be imported from a CSV file.',
      'A cash payment at the counter is recorded on the obligation; a receipt is issued and sent by e-mail.',
      'Import the bank’s statement (ABO/GPC or camt.053): payments are matched by variable symbol and amount. Those that match nothing are listed under {statements.unmatched_link}, where you assign them by hand.',
    ],
  },
  notices: {
    title: 'The official notice board',
    items: [
      'Post a notice with its title, text, category, reference number, department, the date it goes up and the date it comes down (or “until further notice”), and its attachments in PDF.',
      'A posted notice cannot be changed silently: a correction is a new version, and both versions stay visible with their dates.',
      'A notice with a future date goes up on that day by itself, and comes down on its end date by itself.',
    ],
  },
  departments: {
    title: 'Departments and contacts',
    items: [
      'Record the organisation’s departments and the people in them: name, role, phone, e-mail, room and office hours.',
      'Link each department to the services and life situations it handles, so citizens can book with it.',
      'A person is shown on the public pages only after an administrator has recorded their consent.',
    ],
  },
  news: {
    title: 'News and the accessibility statement',
    items: [
      'News items appear at the top of the organisation’s home page, newest first.',
      'The accessibility statement follows the model of Directive (EU) 2016/2102: fill in the state of compliance, what is not accessible and why, the date of the assessment and the contact for feedback. Review it at least once a year.',
    ],
  },
  accounts: {
    title: 'Accounts and roles',
    items: [
      'Administrators invite officials by e-mail; the invitation link is valid for 72 hours. An official sees the appointments of their offices and the submissions; an administrator also the organisation’s settings.',
      'Change a person’s role, offices or services, or deactivate their account, under {layout.nav.organisation}. The last administrator cannot be removed.',
      'Everyone changes their own password under {layout.nav.password}. Every change made by staff is recorded in the audit log.',
    ],
  },
  stats: {
    title: 'Statistics',
    items: [
      'Under {layout.nav.stats} you see appointments, no-shows, capacity used, citizens’ sign-ins and fees by month, each chart with a table of its figures.',
      'Every table can be downloaded as a CSV file. The figures contain no personal data.',
    ],
  },
};
