// What the browser tests read of a meeting page (e2e/meeting-pages.ts): the stage, the peer
// connections, the remote tracks ever received and each connection's statistics. Served and
// loaded only outside production (meeting/views/pages.ts, http/assets.ts): nothing of it ships
// to people's browsers. It imports the same module URLs as meeting.js, so it sees the same state.
import { stage } from './dom.ts';
import { peers, seenRemoteTracks } from './peers.ts';
import { statsByPeer } from './stats.ts';

Object.assign(window, {
  okenceMeeting: {
    stage: () => stage,
    peerIds: () => Array.from(peers.keys()),
    remoteTracks: () => seenRemoteTracks.size,
    stats: statsByPeer,
  },
});
