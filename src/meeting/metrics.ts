// The meeting's live sockets for the operator's metrics (decision 056).
import type { Collector } from '../lib/metrics.ts';
import type { MeetingHub } from './hub.ts';

/** This instance's open WebSockets by kind: meeting rooms and their lobbies, staff start pages, folder pages. */
export function socketCollector(hub: Pick<MeetingHub, 'sockets'>): Collector {
  return {
    name: 'sockets',
    collect() {
      const n = hub.sockets();
      return [
        {
          name: 'okence_open_sockets',
          help: 'Open WebSockets on this instance by kind: meeting (a room or its lobby), staff_lobby (a start page hearing knocks), folder (a folder page).',
          type: 'gauge',
          samples: [
            { labels: { kind: 'meeting' }, value: n.meeting },
            { labels: { kind: 'staff_lobby' }, value: n.lobby },
            { labels: { kind: 'folder' }, value: n.folder },
          ],
        },
      ];
    },
  };
}
