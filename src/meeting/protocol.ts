// The meeting's WebSocket protocol: JSON text frames, one message each. The server
// validates every inbound frame against `clientMessage`; anything else is dropped and
// logged. The browser client (src/meeting/client/) imports only the types.
import { z } from 'zod';
import type { IdentityDocument } from '../db/tables.ts';

export type { IdentityDocument };

/**
 * Largest inbound frame the server reads; larger frames close the socket (1009). It holds the
 * largest valid message: the longest minutes in any script (MAX_MINUTES_CHARS of up to three
 * bytes of UTF-8 each, 60 KB) and the largest SDP (MAX_SDP_CHARS and its escaped line ends). At
 * 16 KB, sized for the mesh, it closed an official's socket on long minutes in Slovene, and an
 * SDP limit of 12,000 dropped the answer of the eighth person through Janus (2026-12-04).
 */
export const MAX_FRAME_BYTES = 64 * 1024;
export const MAX_CHAT_CHARS = 2000;
export const MAX_MINUTES_CHARS = 20_000;
/**
 * An SDP's length. The largest is the receiving connection's answer through Janus: an m-line per
 * stream of everyone else (Chromium writes ~620 characters for audio, ~870 for video), so 64
 * m-lines, more than the 15 others' audio, camera and screen of a full Janus room. Janus 1.1.2
 * reuses an inactive m-line for a new subscription ("Reusing m-line %d" in its VideoRoom), so an
 * answer holds the most streams there were at once, not every stream a long meeting ever had.
 */
export const MAX_SDP_CHARS = 58_000;
export const MAX_NAME_CHARS = 80;

/** The kinds of identity document an official records having checked (never the number). */
export const IDENTITY_DOCUMENTS = [
  'id_card',
  'passport',
  'driving_licence',
  'other',
] as const satisfies readonly IdentityDocument[];

const id = z.string().regex(/^[0-9a-f-]{36}$/);
const text = (max: number) => z.string().trim().min(1).max(max);

// SDP and ICE candidates are opaque to the server; it checks only their size and shape.
const sdp = z.object({ type: z.enum(['offer', 'answer']), sdp: z.string().max(MAX_SDP_CHARS) });
const candidate = z.object({
  candidate: z.string().max(1000),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});

/** Every message a browser may send. Which ones a participant may send depends on role and state (domain.ts). */
export const clientMessage = z.discriminatedUnion('type', [
  // Signalling, to one admitted peer.
  z.object({
    type: z.literal('signal'),
    to: id,
    description: sdp.optional(),
    candidate: candidate.nullable().optional(),
  }),
  z.object({ type: z.literal('chat'), text: text(MAX_CHAT_CHARS) }),
  // Media state for the participants list (muted, camera off, sharing the screen).
  z.object({
    type: z.literal('media'),
    audio: z.boolean(),
    video: z.boolean(),
    screen: z.boolean(),
  }),
  // Staff only.
  z.object({ type: z.literal('admit'), participant: id }),
  z.object({
    type: z.literal('deny'),
    participant: id,
    message: z.string().trim().max(300).default(''),
  }),
  z.object({ type: z.literal('remove'), participant: id }),
  z.object({ type: z.literal('minutes'), text: z.string().max(MAX_MINUTES_CHARS) }),
  // The identity check with the document type; a later one corrects it, null withdraws it.
  z.object({ type: z.literal('verify-identity'), document: z.enum(IDENTITY_DOCUMENTS).nullable() }),
  // A personal guest link for someone more (a colleague, an interpreter); answered with `invited`.
  z.object({ type: z.literal('invite'), name: text(MAX_NAME_CHARS) }),
  z.object({ type: z.literal('end') }),
  z.object({ type: z.literal('no-show') }),
  // Opens the meeting folder; its link is posted in the chat.
  z.object({ type: z.literal('open-folder') }),
  z.object({ type: z.literal('ping') }),
  // Through Janus (decision 054); the server is Janus's only client and relays these.
  // Publish (or renegotiate, e.g. a screen share added or stopped) this browser's streams.
  z.object({
    type: z.literal('sfu-publish'),
    description: sdp,
    // Which sending mid is the screen share, so others can lay it out as one.
    screenMid: z.string().max(8).nullable().default(null),
  }),
  // The browser's answer to the server's latest `sfu-offer` of everyone else's streams.
  z.object({ type: z.literal('sfu-answer'), description: sdp }),
  // A trickled ICE candidate for the publishing or the receiving connection; null: gathering done.
  z.object({
    type: z.literal('sfu-candidate'),
    connection: z.enum(['publisher', 'subscriber']),
    candidate: candidate.nullable(),
  }),
  // The receiving connection's ICE failed (a new network path, a blip): Janus offers again with
  // new ICE credentials. The publishing connection restarts by offering itself (sfu-publish).
  z.object({ type: z.literal('sfu-restart') }),
  // What this browser receives: per received video mid, the simulcast layer (0 lowest, 2 highest)
  // its tile's size needs, or none at all (audio only, or a tile out of sight).
  z.object({
    type: z.literal('sfu-receive'),
    streams: z
      .array(
        z.object({
          mid: z.string().max(8),
          video: z.boolean(),
          substream: z.number().int().min(0).max(2).optional(),
        }),
      )
      .max(64),
  }),
]);
export type ClientMessage = z.infer<typeof clientMessage>;
/** The messages the room passes to Janus's side (meeting/sfu/): the sfu-* ones. */
export type SfuMessage = Extract<ClientMessage, { type: `sfu-${string}` }>;

export type Role = 'citizen' | 'guest' | 'staff';

/** How the room carries media: each to each (up to four), or through Janus (decision 054). */
export type MediaMode = 'mesh' | 'sfu';

/** A stream the browser receives through Janus, by its mid in the receiving connection. */
export type SfuStream = {
  mid: string;
  participant: string;
  kind: 'audio' | 'video';
  /** A screen share, laid out on its own. */
  screen: boolean;
};

/** A participant as others see them. */
export type PeerInfo = {
  id: string;
  name: string;
  role: Role;
  audio: boolean;
  video: boolean;
  screen: boolean;
};

/** Someone in the lobby, as staff see them (matched to the booking). */
/**
 * Someone in the lobby. `sameLink`: another browser on the same link (the citizen's, or the
 * same guest's) is in the room now (`in_room`), or was let in or knocked before (`earlier`);
 * the official should know before letting a second person in on one link.
 */
export type Knocker = { id: string; name: string; role: Role; since: string; sameLink: SameLink };
export type SameLink = 'in_room' | 'earlier' | null;

/** A chat line; `kind: 'folder'` announces the meeting folder (each page links to its own folder address). */
export type ChatLine = { from: string; name: string; text: string; at: string; kind?: 'folder' };

/** A file in the meeting folder, as every participant sees it (no storage name, no address). */
export type FileInfo = {
  id: string;
  name: string;
  size: number;
  /** Who uploaded it, by the name the server knows them by (not one they typed), and as what. */
  uploader: string;
  uploaderRole: Role;
  uploadedAt: string;
  /** infected: quarantined by the virus scanner, never downloadable; `signature` says why. */
  state: 'clean' | 'unscanned' | 'infected';
  signature: string | null;
};

/** Every message the server sends. */
export type ServerMessage =
  | {
      type: 'welcome';
      you: { id: string; name: string; role: Role };
      state: 'lobby' | 'admitted';
      appointment: { start: string; end: string; timeZone: string };
      iceServers: { urls: string[]; username?: string; credential?: string }[];
      iceTransportPolicy: 'all' | 'relay';
      /** Mesh or Janus, and the most people the room holds at once (staff included). */
      media: MediaMode;
      maxPeople: number;
    }
  /** Admitted: who is in the room (including you), the chat so far, the minutes, whether identity was checked. */
  | {
      type: 'room';
      peers: PeerInfo[];
      chat: ChatLine[];
      minutes: string;
      identityVerified: boolean;
      identityDocument: IdentityDocument | null;
    }
  | { type: 'peer-joined'; peer: PeerInfo }
  | { type: 'peer-left'; id: string }
  | { type: 'peer-media'; peer: PeerInfo }
  | {
      type: 'signal';
      from: string;
      description?: { type: 'offer' | 'answer'; sdp: string };
      candidate?: z.infer<typeof candidate> | null;
    }
  | { type: 'chat'; line: ChatLine }
  | { type: 'minutes'; text: string }
  /** The identity check was recorded with this document type, or withdrawn (null). */
  | { type: 'identity-verified'; document: IdentityDocument | null }
  /** The meeting folder's files, after every change (also to folder pages watching it). */
  | { type: 'files'; files: FileInfo[] }
  /** Staff only: who waits in this meeting's lobby. */
  | { type: 'lobby'; waiting: Knocker[] }
  | { type: 'admitted' }
  | { type: 'denied'; message: string }
  | { type: 'removed' }
  | { type: 'invited'; name: string; url: string }
  | { type: 'ended'; surveyUrl: string | null }
  /** On the staff lobby socket (/staff/lobby/ws): someone knocks at, or leaves, a lobby of the staff member's offices. */
  | {
      type: 'knock';
      bookingId: string;
      name: string;
      role: Role;
      service: string;
      start: string;
      timeZone: string;
      roomUrl: string;
    }
  | { type: 'lobby-left'; bookingId: string; participant: string }
  /** On the staff lobby socket: the official let a knocker in or turned them away (the lobby panel drops them). */
  | {
      type: 'lobby-answered';
      bookingId: string;
      participant: string;
      outcome: 'admitted' | 'denied';
    }
  /** Janus's answer to this browser's `sfu-publish`. */
  | { type: 'sfu-answer'; description: { type: 'answer'; sdp: string } }
  /** Everyone else's streams through Janus, to answer with `sfu-answer`; sent again on every change. */
  | { type: 'sfu-offer'; description: { type: 'offer'; sdp: string }; streams: SfuStream[] }
  | {
      type: 'sfu-candidate';
      connection: 'publisher' | 'subscriber';
      candidate: z.infer<typeof candidate> | null;
    }
  /** Janus could not take this browser's media (e.g. it is unreachable); the page says so. */
  | { type: 'sfu-unavailable' }
  /** room_full: staff tried to let someone in past the room's maxPeople. */
  | { type: 'error'; code: 'rate_limited' | 'forbidden' | 'invalid' | 'room_full' }
  | { type: 'pong' };
