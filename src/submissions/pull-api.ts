// The pull API of submissions for an organisation's own systems (issue 17, decision 041):
// listSubmissions pages through them in a stable order by an opaque cursor, getSubmission gives
// one with its answers, form version, state, history and the receipt's SHA-256. Both need an
// API token of the organisation with the scope submissions:read (decision 037).
import { z } from 'zod';
import { operation } from '../http/api.ts';
import { staffCaller } from '../integrations/api.ts';
import type { IntegrationsService } from '../integrations/service.ts';
import { AppError } from '../lib/errors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { SubmissionHandling } from './handling.ts';
import type { SubmissionsService } from './service.ts';
import { STATES } from './states.ts';

const PAGE_MAX = 100;
const organisationParams = z.object({
  organisation: z
    .string()
    .regex(/^[a-z0-9-]{1,63}$/)
    .describe('Organisation slug, e.g. ue-domzale'),
});
const state = z.enum(STATES);
const listQuery = z.object({
  cursor: z
    .string()
    .max(120)
    .optional()
    .describe("The previous page's nextCursor; absent for the first page"),
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Only submissions sent at or after this instant (RFC 3339)'),
  state: state.optional().describe('Only submissions in this state now'),
  form: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,79}$/)
    .optional()
    .describe('Only submissions of the form with this slug'),
  limit: z.coerce.number().int().min(1).max(PAGE_MAX).default(50),
});
const summary = z.object({
  id: z.uuid(),
  reference: z.string().describe("The reference number in the organisation's pattern"),
  form: z.string().describe("The form's slug"),
  formVersion: z.int().describe('The published version it was filled in'),
  state,
  submittedAt: z.iso.datetime(),
});
const listOut = z.object({
  items: z.array(summary),
  nextCursor: z
    .string()
    .nullable()
    .describe(
      'Give it back as `cursor` for the next page. Never null: a client keeps the last one and asks again later for what was sent since',
    ),
});
const event = z.object({
  kind: z
    .enum(['state', 'answer'])
    .describe("'answer': the citizen answered a needs-completion request"),
  from: state.nullable(),
  to: state,
  by: z.enum(['staff', 'citizen', 'system']),
  staffName: z.string().nullable(),
  message: z
    .string()
    .nullable()
    .describe('What staff wrote to the citizen, or the citizen answered'),
  at: z.iso.datetime(),
});
const submissionOut = summary.extend({
  language: z.enum(['sl', 'cs', 'en']),
  submitter: z.record(z.string(), z.unknown()).describe('Who sent it, as the receipt names them'),
  answers: z
    .record(z.string(), z.unknown())
    .describe("The answers, as the form version's answersSchema (getForm) describes them"),
  receiptSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("The SHA-256 of the receipt's PDF/A-3, as the citizen got it"),
  history: z.array(event).describe('Every change, oldest first; never rewritten'),
  actAuthorisation: z
    .object({
      method: z.enum(['fresh_eid_sign_in']),
      provider: z.string().describe('The eID provider that vouched, as configured'),
      protocol: z.enum(['saml', 'oidc']),
      authenticatedAt: z.iso
        .datetime()
        .describe('When the provider authenticated the citizen (AuthnInstant, auth_time)'),
      responseId: z.string().describe("The SAML Response's ID, or the id_token's jti or hash"),
      level: z.enum(['substantial', 'high']),
      responseSha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .describe("The SHA-256 of the provider's signed answer as received"),
      authorisedAt: z.iso.datetime(),
    })
    .nullable()
    .describe(
      'How the citizen authorised the act by a fresh eID sign-in just before sending (Czech act 12/2020 Sb. §4), for a form that asks it; null otherwise',
    ),
});
const idParams = organisationParams.extend({
  id: z.string().max(64).describe("The submission's id"),
});

const EXAMPLE = {
  id: '4f0c7a2e-9b1d-4e55-8a33-1c2d3e4f5a6b',
  reference: 'UEDOM-00042/2026',
  form: 'potrdilo-iz-uradne-evidence',
  formVersion: 1,
  state: 'in_progress' as const,
  submittedAt: '2026-12-01T09:14:03.000Z',
};

/** The staff operations of the submissions' pull API. */
export function pullOperations(deps: {
  integrations: IntegrationsService;
  handling: SubmissionHandling;
  submissions: SubmissionsService;
}) {
  return [
    operation({
      operationId: 'listSubmissions',
      method: 'GET',
      path: '/organisations/{organisation}/submissions',
      summary:
        "The organisation's submissions in the order they were stored, a page at a time by an opaque cursor: no submission is skipped or given twice, also while others are being sent",
      tag: 'integrations',
      params: organisationParams,
      query: listQuery,
      response: listOut,
      errors: ['unauthenticated', 'forbidden', 'organisation_suspended'],
      security: [{ staffToken: [] }],
      examples: { response: { items: [EXAMPLE], nextCursor: 'MS4xMjM0LjRmMGM3YTJl' } },
      handler: async ({ params, query }, request) => {
        const caller = await staffCaller(
          deps.integrations,
          request,
          params.organisation,
          'submissions:read',
        );
        const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
        if (query.cursor !== undefined && !after)
          throw new AppError('invalid_input', 'bad cursor', {
            'query.cursor': 'submissions.error.cursor',
          });
        const rows = await deps.handling.pull(caller.organisationId, {
          after,
          limit: query.limit,
          ...(query.since ? { since: new Date(query.since) } : {}),
          ...(query.state ? { state: query.state } : {}),
          ...(query.form ? { formSlug: query.form } : {}),
        });
        const last = rows.at(-1);
        return {
          items: rows.map((r) => ({
            id: r.id,
            reference: r.reference,
            form: r.formSlug,
            formVersion: r.formVersion,
            state: r.state,
            submittedAt: r.submittedAt.toISOString(),
          })),
          // An empty page keeps the cursor it was asked with: the client polls from there.
          nextCursor: last
            ? encodeCursor({ xact: last.xact, id: last.id })
            : (query.cursor ?? null),
        };
      },
    }),
    operation({
      operationId: 'getSubmission',
      method: 'GET',
      path: '/organisations/{organisation}/submissions/{id}',
      summary:
        'One submission: its answers, form version, state, history, the SHA-256 of its receipt, and how its act was authorised where the form asks it',
      tag: 'integrations',
      params: idParams,
      response: submissionOut,
      errors: ['unauthenticated', 'forbidden', 'not_found', 'organisation_suspended'],
      security: [{ staffToken: [] }],
      examples: {
        response: {
          ...EXAMPLE,
          language: 'sl',
          submitter: { givenName: 'Ana', familyName: 'Novak' },
          answers: { purpose: 'Za vpis v vrtec' },
          receiptSha256: 'a'.repeat(64),
          actAuthorisation: null,
          history: [
            {
              kind: 'state',
              from: null,
              to: 'received',
              by: 'system',
              staffName: null,
              message: null,
              at: '2026-12-01T09:14:03.000Z',
            },
          ],
        },
      },
      handler: async ({ params }, request) => {
        const caller = await staffCaller(
          deps.integrations,
          request,
          params.organisation,
          'submissions:read',
        );
        // Another organisation's submission is not found, not forbidden: ids tell nothing.
        const found = await deps.handling.pullOne(caller.organisationId, params.id);
        if (!found) throw new AppError('not_found', 'no such submission');
        const s = found.submission;
        // A receipt a crash left unmade is made now: its hash is part of the record.
        const sha = s.receiptSha256 ?? (await deps.submissions.receiptHash(s.id));
        return {
          id: s.id,
          reference: s.reference,
          form: s.formSlug,
          formVersion: s.formVersion,
          state: s.state,
          submittedAt: s.submittedAt.toISOString(),
          language: s.language,
          submitter: s.submitter as Record<string, unknown>,
          answers: s.answers as Record<string, unknown>,
          receiptSha256: sha,
          actAuthorisation: await deps.submissions.actAuthorisation(s.id),
          history: found.history.map((e) => ({
            kind: e.kind,
            from: e.fromState,
            to: e.toState,
            by: e.actorKind,
            staffName: e.actorName,
            message: e.message,
            at: e.at.toISOString(),
          })),
        };
      },
    }),
  ];
}
