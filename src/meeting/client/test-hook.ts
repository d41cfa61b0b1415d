// What the browser tests read of a meeting page (e2e/meeting-pages.ts): the stage, the peer
// connections, the remote tracks ever received and each connection's statistics (through
// Janus: per tile, and the video we send). Served and loaded only outside production
// (meeting/views/pages.ts, http/assets.ts): nothing of it ships to people's browsers. It
// imports the same module URLs as meeting.js, so it sees the same state.
import { stage } from './dom.ts';
import { peers, seenRemoteTracks } from './peers.ts';
import { isSfu, restartReceiving, sfuConnections } from './sfu.ts';
import { currentSpeaker, sfuTiles, tileViews } from './sfu-tiles.ts';
import { sfuSentVideoBytes, sfuStatsByTile, statsByPeer } from './stats.ts';

Object.assign(window, {
  okenceMeeting: {
    stage: () => stage,
    media: () => (isSfu() ? 'sfu' : 'mesh'),
    peerIds: () =>
      isSfu()
        ? Array.from(new Set(Array.from(sfuTiles.values(), (x) => x.participant)))
        : Array.from(peers.keys()),
    remoteTracks: () => seenRemoteTracks.size,
    stats: () => (isSfu() ? sfuStatsByTile() : statsByPeer()),
    sentVideoBytes: sfuSentVideoBytes,
    speaker: currentSpeaker,
    tileViews: () => Object.fromEntries(tileViews()),
    // What a failed receiving connection does (sfu.ts), and the ICE credentials Janus offered it.
    restartReceiving,
    receivingUfrag: () =>
      /a=ice-ufrag:(\S+)/.exec(sfuConnections().subscriber?.remoteDescription?.sdp ?? '')?.[1] ??
      null,
  },
});
