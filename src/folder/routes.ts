import { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config/config.ts';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import { keepAlive, sameOrigin } from '../http/websocket.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { AppError } from '../lib/errors.ts';
import { browserSecret } from '../meeting/browser.ts';
import type { Entrant, MeetingService } from '../meeting/service.ts';
import { downloadHeaders, UploadFailure } from '../files/service.ts';
import { type FolderAccess, type FolderService, type UploadOutcome } from './service.ts';
import { formatSize } from '../views/sizes.ts';
import { blockedPage, closedPage, folderPage, notAdmittedPage } from './views/pages.ts';

const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
const bookingParams = z.object({ id: z.uuid() });
const fileParams = z.object({ fileId: z.uuid() });

// One request carries at most this many files; the form's "choose files" rarely holds more.
const FILES_PER_REQUEST = 20;
// Uploads and zips are the folder's heavy requests: a tighter limit per client than the site's.
/** `?uploaded=n` after an upload: how many files arrived (anything else is no notice). */
const uploadedQuery = z.object({
  uploaded: z
    .string()
    .regex(/^\d{1,2}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(FILES_PER_REQUEST))
    .catch(0),
});
const HEAVY = { rateLimit: { max: 60, timeWindow: 60_000 } };
// A request that fails as a whole (not one of its files): its status and message.
const FAILURE_STATUS = { busy: 429, no_space: 507, malformed: 400 } as const;
// Downloads are recorded in the audit log: a HEAD must not count as one (nor start a zip).
const GET_ONLY = { exposeHeadRoute: false } as const;

type Who = { entrant: Entrant; name: string; base: string };

/**
 * The three doors to a meeting, each with its own authentication: the citizen's join
 * link, a guest's personal link and the official's session. The folder lives below each
 * (`<door>/files`), so the link in the chat is every participant's own.
 */
function doors(meeting: MeetingService) {
  return [
    {
      prefix: '/j/:token',
      async who(request: FastifyRequest): Promise<Who | null> {
        const p = tokenParams.safeParse(request.params);
        const e = p.success
          ? await meeting.citizenByToken(p.data.token, browserSecret(request))
          : null;
        return e && p.success
          ? { entrant: e, name: e.booking.name, base: `/j/${p.data.token}` }
          : null;
      },
    },
    {
      prefix: '/g/:token',
      async who(request: FastifyRequest): Promise<Who | null> {
        const p = tokenParams.safeParse(request.params);
        const e = p.success
          ? await meeting.guestByToken(p.data.token, browserSecret(request))
          : null;
        return e && p.success ? { entrant: e, name: e.name, base: `/g/${p.data.token}` } : null;
      },
    },
    {
      prefix: '/staff/meetings/:id',
      async who(request: FastifyRequest): Promise<Who | null> {
        const staff = request.staff;
        const p = bookingParams.safeParse(request.params);
        if (!p.success) return null;
        // Pages answer "sign in" to the anonymous; sockets just close.
        if (!staff && request.ws) return null;
        const signedIn = requireStaff(request);
        const e = await meeting.forStaff(signedIn, p.data.id);
        return { entrant: e, name: signedIn.displayName, base: `/staff/meetings/${p.data.id}` };
      },
    },
  ];
}

/**
 * Receives every file of an upload request, one after another: each is spooled to disk as it
 * arrives (no processing slot while a slow client sends), then checked under a slot. A failure
 * of the whole request (a busy uploader, a full disk, a body that breaks off) throws an
 * UploadFailure; nothing of it stays on disk.
 */
async function receiveAll(
  request: FastifyRequest,
  a: FolderAccess,
  folders: FolderService,
  maxFileBytes: number,
): Promise<UploadOutcome[]> {
  const leave = folders.admit(a);
  const outcomes: UploadOutcome[] = [];
  try {
    // An oversize file is cut off and reported, and the files after it in the same request still count.
    const parts = request.files({
      throwFileSizeLimit: false,
      preservePath: true,
      limits: { fileSize: maxFileBytes, files: FILES_PER_REQUEST, fields: 4, fieldSize: 1024 },
    });
    const iterator = parts[Symbol.asyncIterator]();
    for (;;) {
      const next = await iterator.next().catch((err: unknown) => {
        // The parser's own failures: a body cut off or broken off, a malformed form. Its
        // limits (too many files or parts) keep their own answer.
        if ((err as { statusCode?: unknown }).statusCode === 413) throw err;
        throw new UploadFailure('malformed', { cause: err });
      });
      if (next.done) return outcomes;
      const outcome = await receiveOne(a, folders, next.value);
      if (outcome) outcomes.push(outcome);
    }
  } finally {
    leave();
  }
}

async function receiveOne(
  a: FolderAccess,
  folders: FolderService,
  part: MultipartFile,
): Promise<UploadOutcome | null> {
  const spooled = await folders.receive(a, part.file);
  if (part.file.truncated) {
    await folders.discard(spooled);
    return folders.tooLarge(a, part.filename);
  }
  // A form submitted with nothing chosen still sends one empty, nameless part.
  if (part.filename === '' && spooled.size === 0) {
    await folders.discard(spooled);
    return null;
  }
  return folders.upload(a, part.filename, spooled);
}

/** The meeting folder's pages, uploads, downloads and live list, below each door to the meeting. */
export function folderRoutes(deps: {
  folders: FolderService;
  meeting: MeetingService;
  limits: Config['files'];
}) {
  const { folders, meeting, limits } = deps;
  return async function routes(app: FastifyInstance): Promise<void> {
    for (const door of doors(meeting)) {
      const p = door.prefix;

      /** Who is asking and what they may do; anything but an open folder answers with its page. */
      async function open(
        request: FastifyRequest,
        reply: FastifyReply,
      ): Promise<{ who: Who; access: FolderAccess } | FastifyReply> {
        const who = await door.who(request);
        if (!who) throw new AppError('not_found');
        const access = await folders.access(who.entrant, who.name, request.ip);
        if (access.state === 'closed') return renderPage(request, reply, closedPage, 410);
        if (access.state === 'not_admitted')
          return renderPage(request, reply, (ctx) => notAdmittedPage(ctx, who.base), 403);
        return { who, access };
      }

      async function show(
        request: FastifyRequest,
        reply: FastifyReply,
        who: Who,
        a: FolderAccess,
        extra: { errors?: string[]; uploaded?: number } = {},
        status = 200,
      ) {
        const e = who.entrant;
        const [files, graceMinutes] = await Promise.all([
          a.state === 'open' ? folders.list(e.booking.id) : Promise.resolve([]),
          folders.graceMinutes(e.booking.target.organisation.id),
        ]);
        return renderPage(
          request,
          reply,
          (ctx) =>
            folderPage(ctx, {
              base: who.base,
              role: e.role,
              state: a.state === 'open' ? 'open' : 'not_opened',
              files,
              plannedEnd: e.booking.end,
              timeZone: e.booking.target.office.timeZone,
              graceMinutes,
              limits,
              errors: extra.errors ?? [],
              uploaded: extra.uploaded ?? 0,
            }),
          status,
        );
      }

      app.get(`${p}/files`, async (request, reply) => {
        const r = await open(request, reply);
        if (!('who' in r)) return r;
        const { uploaded } = uploadedQuery.parse(request.query);
        return show(request, reply, r.who, r.access, { uploaded });
      });

      app.post(`${p}/files/open`, async (request, reply) => {
        const r = await open(request, reply);
        if (!('who' in r)) return r;
        if (r.who.entrant.role !== 'staff')
          throw new AppError('forbidden', 'only the official opens the folder');
        await folders.open(r.access);
        return reply.redirect(`${r.who.base}/files`, 303);
      });

      app.post(`${p}/files`, { config: HEAVY }, async (request, reply) => {
        const r = await open(request, reply);
        if (!('who' in r)) return r;
        if (r.access.state !== 'open') throw new AppError('not_found', 'the folder is not open');
        if (!request.isMultipart())
          throw new AppError('invalid_input', 'expected multipart/form-data');
        let outcomes: UploadOutcome[];
        try {
          outcomes = await receiveAll(request, r.access, folders, limits.maxFileBytes);
        } catch (err) {
          if (!(err instanceof UploadFailure)) throw err;
          // The rest of the body is not read: the connection closes after the answer.
          reply.header('connection', 'close');
          return answer(
            request,
            reply,
            r.who,
            r.access,
            [],
            [request.t(`files.error.${err.reason}`)],
            FAILURE_STATUS[err.reason],
          );
        }
        const t = request.t;
        const message = (o: Extract<UploadOutcome, { ok: false }>) =>
          t(`files.error.${o.reason}` as MessageKey, {
            name: o.name || '?',
            signature: o.signature ?? '',
            max: formatSize(
              o.reason === 'folder_full' ? limits.maxFolderBytes : limits.maxFileBytes,
              request.lang,
            ),
          });
        const uploaded = outcomes.flatMap((o) => (o.ok ? [o.file.name] : []));
        const errors =
          outcomes.length === 0
            ? [t('files.error.no_file')]
            : outcomes.flatMap((o) => (o.ok ? [] : [message(o)]));
        return answer(request, reply, r.who, r.access, uploaded, errors, errors.length ? 422 : 200);
      });

      /** The answer to an upload: JSON for the page's script, else the folder page or a redirect to it. */
      async function answer(
        request: FastifyRequest,
        reply: FastifyReply,
        who: Who,
        a: FolderAccess,
        uploaded: string[],
        errors: string[],
        status: number,
      ) {
        // The page's script uploads one file per request and reads this.
        if (request.headers.accept?.includes('application/json')) {
          return reply.code(status).send({ uploaded, errors });
        }
        // Without JavaScript: all in, back to the folder (a reload then sends nothing twice);
        // something refused, the page again with what and why.
        if (!errors.length)
          return reply.redirect(`${who.base}/files?uploaded=${uploaded.length}#folder-files`, 303);
        return show(request, reply, who, a, { errors, uploaded: uploaded.length }, status);
      }

      app.get(`${p}/files/all.zip`, { ...GET_ONLY, config: HEAVY }, async (request, reply) => {
        const r = await open(request, reply);
        if (!('who' in r)) return r;
        const zip = r.access.state === 'open' ? await folders.downloadAll(r.access) : null;
        if (!zip)
          return show(
            request,
            reply,
            r.who,
            r.access,
            { errors: [request.t('files.nothing_to_zip')] },
            404,
          );
        const date = new Intl.DateTimeFormat('en-CA', {
          timeZone: r.who.entrant.booking.target.office.timeZone,
        }).format(r.who.entrant.booking.start);
        const { 'content-length': _size, ...headers } = downloadHeaders(
          `${request.t('files.title')} ${date}.zip`,
          0,
        );
        reply.headers(headers);
        return reply.send(Readable.from(zip));
      });

      app.get(`${p}/files/:fileId`, GET_ONLY, async (request, reply) => {
        const r = await open(request, reply);
        if (!('who' in r)) return r;
        const { fileId } = fileParams.parse(request.params);
        if (r.access.state !== 'open') throw new AppError('not_found');
        const d = await folders.download(r.access, fileId);
        if (d === 'not_found') throw new AppError('not_found');
        if ('signature' in d)
          return renderPage(
            request,
            reply,
            (ctx) => blockedPage(ctx, d.signature, r.who.base),
            403,
          );
        // Set here, after the app's headers: the sandbox CSP replaces the page CSP.
        reply.headers(downloadHeaders(d.file.name, d.file.size));
        return reply.send(d.open());
      });

      // The live list for a folder page open beside the room; it only listens.
      app.get(`${p}/files/ws`, { websocket: true }, (socket, request) => {
        if (!sameOrigin(request)) return socket.close(1008, 'not allowed');
        socket.on('message', () => socket.close(1008, 'this socket only listens'));
        keepAlive(socket);
        (async () => {
          const who = await door.who(request);
          const a = who && (await folders.access(who.entrant, who.name, request.ip));
          if (!who || !a || a.state !== 'open')
            return socket.close(a?.state === 'closed' ? 4410 : 1008, 'not allowed');
          meeting.hub.watchFolder(socket, who.entrant.booking.id, a.actor.participantId);
          // Checked once more now that it listens: a removal or an end in between is not missed.
          if ((await folders.access(who.entrant, who.name, request.ip)).state !== 'open')
            return socket.close(1008, 'not allowed');
          meeting.hub.send(socket, {
            type: 'files',
            files: await folders.list(who.entrant.booking.id),
          });
          // A folder that closes by time (nobody ended the meeting) closes its pages too.
          const closing = setTimeout(
            () => {
              meeting.hub.send(socket, { type: 'ended', surveyUrl: null });
              socket.close(4410, 'closed');
            },
            Math.min(2 ** 31 - 1, a.closesInMs),
          );
          closing.unref();
          socket.on('close', () => clearTimeout(closing));
        })().catch(() => socket.close(1008, 'not allowed'));
      });
    }
  };
}
