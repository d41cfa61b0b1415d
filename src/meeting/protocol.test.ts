// The meeting socket's limits hold the largest valid messages: a limit below them closes the
// socket or drops the message, with nothing said to the person whose minutes or video are lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientMessage, MAX_FRAME_BYTES, MAX_MINUTES_CHARS } from './protocol.ts';
import { JANUS_PUBLISHERS } from './sfu/rules.ts';

/** The frame a browser sends for `message`, in bytes, and whether the server's schema takes it. */
function frame(message: unknown): { bytes: number; valid: boolean } {
  const bytes = Buffer.byteLength(JSON.stringify(message));
  return { bytes, valid: clientMessage.safeParse(message).success };
}

// Chromium 156's answer to Janus's offer of one audio and one video stream (captured 2026-12-04
// in bench/sfu.ts): the receiving connection's answer has such an m-line per received stream.
const ICE = [
  'c=IN IP4 0.0.0.0',
  'a=rtcp:9 IN IP4 0.0.0.0',
  'a=ice-ufrag:PtIj',
  'a=ice-pwd:jgPl+KjFfTQUFAdMu5jsRYXL',
  'a=ice-options:trickle',
  'a=fingerprint:sha-256 53:28:3F:62:5D:7D:F8:BA:17:DA:27:7E:39:3A:01:A0:8D:CB:AD:EF:AD:99:39:77:E2:D2:B0:24:A7:9E:59:B6',
  'a=setup:active',
];
const audio = (mid: number) => [
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  ...ICE,
  `a=mid:${mid}`,
  'a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level',
  'a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid',
  'a=recvonly',
  'a=rtcp-mux',
  'a=rtpmap:111 opus/48000/2',
  'a=rtcp-fb:111 transport-cc',
  'a=fmtp:111 minptime=10;useinbandfec=1',
];
const video = (mid: number) => [
  'm=video 9 UDP/TLS/RTP/SAVPF 96 97',
  ...ICE,
  `a=mid:${mid}`,
  'a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time',
  'a=extmap:13 urn:3gpp:video-orientation',
  'a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01',
  'a=extmap:12 http://www.webrtc.org/experiments/rtp-hdrext/playout-delay',
  'a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid',
  'a=recvonly',
  'a=rtcp-mux',
  'a=rtpmap:96 VP8/90000',
  'a=rtcp-fb:96 goog-remb',
  'a=rtcp-fb:96 transport-cc',
  'a=rtcp-fb:96 ccm fir',
  'a=rtcp-fb:96 nack',
  'a=rtcp-fb:96 nack pli',
  'a=rtpmap:97 rtx/90000',
  'a=fmtp:97 apt=96',
];

/** A receiving answer of `others` people's audio, camera and shared screen, plus `spare` m-lines of video. */
function receivingAnswer(others: number, spare = 0): string {
  const lines = ['v=0', 'o=- 1696303188417179118 3 IN IP4 127.0.0.1', 's=-', 't=0 0'];
  const sections: string[][] = [];
  for (let i = 0; i < others; i++) sections.push(audio(3 * i), video(3 * i + 1), video(3 * i + 2));
  for (let i = 0; i < spare; i++) sections.push(video(3 * others + i));
  lines.push(`a=group:BUNDLE ${sections.map((_, i) => i).join(' ')}`, 'a=msid-semantic: WMS');
  return [...lines, ...sections.flat()].join('\r\n') + '\r\n';
}

test('the answer of a full Janus room, and more, fits the SDP limit and the frame', () => {
  // Everyone else of the most a Janus room takes (staff may enter a full room), each with a
  // shared screen, and m-lines to spare for streams Janus left inactive: 64 m-lines in all.
  const others = JANUS_PUBLISHERS - 1;
  const sdp = receivingAnswer(others, 64 - 3 * others);
  const f = frame({ type: 'sfu-answer', description: { type: 'answer', sdp } });
  assert.ok(f.valid, `an answer of ${sdp.length} characters is refused`);
  assert.ok(f.bytes <= MAX_FRAME_BYTES, `${f.bytes} bytes > ${MAX_FRAME_BYTES}`);
  // The eighth person's answer in bench/sfu.ts, which a 12,000-character limit dropped.
  assert.ok(
    frame({ type: 'sfu-answer', description: { type: 'answer', sdp: receivingAnswer(7) } }).valid,
  );
});

test('the longest minutes fit one frame in any script', () => {
  // Slovene and Czech quotation marks and dashes are three bytes of UTF-8 each; a line break is
  // two in JSON. Both at the page's maximum length (its textarea's maxlength).
  for (const text of ['„“–…'.repeat(MAX_MINUTES_CHARS / 4), 'Čž\n'.repeat(MAX_MINUTES_CHARS / 4)]) {
    const f = frame({ type: 'minutes', text: text.slice(0, MAX_MINUTES_CHARS) });
    assert.ok(f.valid);
    assert.ok(f.bytes <= MAX_FRAME_BYTES, `${f.bytes} bytes > ${MAX_FRAME_BYTES}`);
  }
});

test('an SDP or minutes past their limits are refused by the schema, not only by the frame', () => {
  const sdp = receivingAnswer(0, 80);
  assert.equal(frame({ type: 'sfu-answer', description: { type: 'answer', sdp } }).valid, false);
  assert.equal(frame({ type: 'minutes', text: 'x'.repeat(MAX_MINUTES_CHARS + 1) }).valid, false);
});
