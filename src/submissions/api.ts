// The submissions' public API: send a form that needs no sign-in, and fetch its receipt.
import { z } from 'zod';
import { FileBody, operation } from '../http/api.ts';
import { AppError } from '../lib/errors.ts';
import type { IntegrationsService } from '../integrations/service.ts';
import type { TenantsService } from '../tenants/service.ts';
import type { SubmissionHandling } from './handling.ts';
import { pullOperations } from './pull-api.ts';
import type { SubmissionsService } from './service.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);
const formParams = z.object({
  organisation: slug.describe("The organisation's slug"),
  form: slug.describe("The form's slug"),
});
const submissionIn = z.object({
  answers: z
    .record(z.string(), z.unknown())
    .describe("The answers, as the form's answersSchema (getForm) describes them"),
  version: z
    .int()
    .min(1)
    .optional()
    .describe('The version the answers were filled in; the newest published when absent'),
  language: z.enum(['sl', 'cs', 'en']).optional().describe("The receipt's language"),
  submitter: z.object({
    givenName: z.string().trim().min(1).max(200),
    familyName: z.string().trim().min(1).max(200),
    address: z.object({
      text: z.string().trim().min(1).max(500),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/)
        .describe('ISO 3166-1 alpha-2'),
    }),
    email: z.email().max(254),
  }),
});
const submissionOut = z.object({
  reference: z.string().describe("The submission's reference number in the organisation's pattern"),
  receiptUrl: z
    .url()
    .describe(
      "The receipt's PDF; the link is the only key to it: keep it as private as the answers",
    ),
});
const receiptParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .describe('The token of the receipt link createSubmission gave'),
});

/**
 * API operations of the submissions domain: the public ones (send, receipt), then the staff
 * pull API (pull-api.ts).
 */
export function submissionOperations(deps: {
  tenants: TenantsService;
  submissions: SubmissionsService;
  publicUrl: URL;
  integrations: IntegrationsService;
  handling: SubmissionHandling;
}) {
  return [
    operation({
      operationId: 'createSubmission',
      method: 'POST',
      path: '/organisations/{organisation}/forms/{form}/submissions',
      summary:
        'Send a filled-in form that needs no sign-in (its assurance is "low"); answers that break its schema get a 422 naming each field. Files come only through the filling-in pages: an answer naming a file, or a required file question, is a 422 naming that field. A form whose act the citizen must authorise by a fresh eID sign-in (authoriseAct) is a 403: it is sent only from its pages',
      tag: 'forms',
      params: formParams,
      body: submissionIn,
      response: submissionOut,
      status: 201,
      rateLimitPerMinute: 10,
      errors: [
        'not_found',
        'unprocessable',
        'unauthenticated',
        'forbidden',
        'organisation_suspended',
      ],
      examples: {
        body: {
          answers: { place: 'Náměstí T. G. Masaryka 1', from: '2027-01-04' },
          language: 'cs',
          submitter: {
            givenName: 'Petr',
            familyName: 'Dvořák',
            address: { text: 'Štefánikova 1163/12, 742 21 Kopřivnice', country: 'CZ' },
            email: 'petr@example.cz',
          },
        },
        response: {
          reference: 'MUKO/2026/00123',
          receiptUrl:
            'https://okence.example.si/api/v1/receipts/3q2-7wJ1b0Lq9mN4pR8sT5vX6yZ0aC2eG4iK6mO8qS0',
        },
      },
      handler: async ({ params, body }, request) => {
        const { organisation } = await deps.tenants.getOrganisation(params.organisation);
        const sent = await deps.submissions.submit({
          organisationId: organisation.id,
          formSlug: params.form,
          answers: body.answers,
          lang: body.language ?? request.lang,
          submitter: body.submitter,
          ...(body.version ? { version: body.version } : {}),
        });
        return {
          reference: sent.reference,
          receiptUrl: new URL(`/api/v1/receipts/${sent.receiptToken}`, deps.publicUrl).href,
        };
      },
    }),
    operation({
      operationId: 'getSubmissionReceipt',
      method: 'GET',
      path: '/receipts/{token}',
      summary:
        "A submission's receipt: a PDF/A-3 with the answers (and, for Czech offices, the ZoPDS XML)",
      tag: 'forms',
      params: receiptParams,
      produces: 'application/pdf',
      response: z.string().describe('The PDF'),
      errors: ['not_found'],
      examples: { response: '%PDF-1.7' },
      handler: async ({ params }) => {
        const receipt = await deps.submissions.receipt(params.token);
        if (!receipt) throw new AppError('not_found', 'no such receipt');
        const name = `${receipt.reference.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`;
        return new FileBody(receipt.pdf, 'application/pdf', name);
      },
    }),
    ...pullOperations(deps),
  ];
}
