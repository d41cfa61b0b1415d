import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { AppError } from '../lib/errors.ts';
import { translateErrors, type Values } from '../views/admin-form.ts';
import { formErrors } from './admin-routes.ts';
import { IMPORT_MAX_BYTES, type ImportReport, type ObligationImport } from './import.ts';
import { doneQuery, feeTypeForm, idParam, rateForm, settingsForm } from './schema.ts';
import type { FeeRegister } from './service.ts';
import type { PaymentSettings, PaymentSettingsService } from './settings.ts';
import { FEES_PATH } from './views/common.ts';
import { importPage } from './views/import.ts';
import { feeTypesPage, settingsPage, type TypesForm } from './views/setup.ts';

const DONE: Record<string, MessageKey> = { type: 'fees.types.created', rate: 'fees.rate.added' };

/** The saved settings as the form's values. */
function settingsValues(s: PaymentSettings | undefined): Values {
  if (!s) return { qrFormat: '', purposeCode: 'OTHR' };
  return {
    payeeName: s.payeeName,
    payeeStreet: s.payeeStreet ?? '',
    payeeCity: s.payeeCity ?? '',
    iban: s.iban,
    bic: s.bic ?? '',
    qrFormat: s.qrFormat,
    purposeCode: s.purposeCode,
    birthNumberLookup: s.birthNumberLookup ? '1' : '',
    legalBasis_sl: s.birthNumberLegalBasis?.sl ?? '',
    legalBasis_cs: s.birthNumberLegalBasis?.cs ?? '',
    legalBasis_en: s.birthNumberLegalBasis?.en ?? '',
  };
}

/** Reads the uploaded file of a multipart post; a post without one is a form error. */
async function uploadedCsv(request: FastifyRequest): Promise<{ bytes: Buffer; name: string }> {
  const none = new AppError('invalid_input', 'no file', { file: 'fees.error.file' });
  if (!request.isMultipart()) throw none;
  const file = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });
  if (!file || file.fieldname !== 'file' || !file.filename) throw none;
  const bytes = await file.toBuffer();
  if (file.file.truncated) throw none;
  return { bytes, name: file.filename.slice(0, 120) };
}

/** The register's setup pages for an organisation's admins: fee types and rates, payment settings, the CSV import. */
export function feeSetupRoutes(deps: {
  fees: FeeRegister;
  settings: PaymentSettingsService;
  imports: ObligationImport;
}) {
  const { fees, settings, imports } = deps;
  return async (app: FastifyInstance) => {
    const types = async (
      request: FastifyRequest,
      reply: FastifyReply,
      typed?: TypesForm & { values: Values; fields: Record<string, string> },
    ) => {
      const staff = requireStaff(request);
      const [list, org] = await Promise.all([fees.feeTypes(staff), fees.context(staff)]);
      const done = typed ? undefined : doneQuery.parse(request.query).done;
      return renderPage(
        request,
        reply,
        (ctx) =>
          feeTypesPage(ctx, {
            types: list,
            currency: org.currency,
            done: done && DONE[done] ? ctx.t(DONE[done]) : null,
            typed: typed ? { ...typed, errors: translateErrors(ctx.t, typed.fields) } : null,
          }),
        typed ? 400 : 200,
      );
    };
    app.get(`${FEES_PATH}/types`, async (request, reply) => types(request, reply));
    app.post(`${FEES_PATH}/types`, async (request, reply) => {
      const body = feeTypeForm.parse(request.body ?? {});
      try {
        await fees.createFeeType(requireStaff(request), {
          code: body.code,
          name: { sl: body.name_sl, cs: body.name_cs, en: body.name_en },
          basis: body.basis,
          formSlug: body.formSlug,
        });
        return reply.redirect(`${FEES_PATH}/types?done=type`, 303);
      } catch (err) {
        return types(request, reply, { form: 'type', values: body, fields: formErrors(err) });
      }
    });
    app.post(`${FEES_PATH}/types/:id/rates`, async (request, reply) => {
      const { id } = idParam.parse(request.params);
      const body = rateForm.parse(request.body ?? {});
      try {
        await fees.addRate(requireStaff(request), id, body);
        return reply.redirect(`${FEES_PATH}/types?done=rate`, 303);
      } catch (err) {
        const fields = formErrors(err);
        return types(request, reply, { form: 'rate', feeTypeId: id, values: body, fields });
      }
    });

    const settingsPageOf = async (
      request: FastifyRequest,
      reply: FastifyReply,
      typed?: { values: Values; fields: Record<string, string> },
    ) => {
      const saved = await settings.get(requireStaff(request));
      const values = typed?.values ?? settingsValues(saved);
      return renderPage(
        request,
        reply,
        (ctx) =>
          settingsPage(ctx, {
            saved: !typed && doneQuery.parse(request.query).done === 'saved',
            exists: saved !== undefined,
            values,
            errors: typed ? translateErrors(ctx.t, typed.fields) : {},
          }),
        typed ? 400 : 200,
      );
    };
    app.get(`${FEES_PATH}/settings`, async (request, reply) => settingsPageOf(request, reply));
    app.post(`${FEES_PATH}/settings`, async (request, reply) => {
      const body = settingsForm.parse(request.body ?? {});
      try {
        await settings.save(requireStaff(request), {
          ...body,
          birthNumberLookup: body.birthNumberLookup === '1',
          legalBasis: { sl: body.legalBasis_sl, cs: body.legalBasis_cs, en: body.legalBasis_en },
        });
        return reply.redirect(`${FEES_PATH}/settings?done=saved`, 303);
      } catch (err) {
        return settingsPageOf(request, reply, { values: body, fields: formErrors(err) });
      }
    });

    const importView = (
      request: FastifyRequest,
      reply: FastifyReply,
      report: ImportReport | null,
      fields: Record<string, string> = {},
    ) =>
      renderPage(
        request,
        reply,
        (ctx) => importPage(ctx, { report, errors: translateErrors(ctx.t, fields) }),
        Object.keys(fields).length ? 400 : 200,
      );
    app.get(`${FEES_PATH}/import`, async (request, reply) => {
      // An official gets the same 403 as on the other admin pages, before any form is shown.
      await fees.context(requireStaff(request));
      return importView(request, reply, null);
    });
    app.post(`${FEES_PATH}/import`, async (request, reply) => {
      const staff = requireStaff(request);
      try {
        await fees.context(staff);
        const { bytes, name } = await uploadedCsv(request);
        return importView(request, reply, await imports.run(staff, bytes, name));
      } catch (err) {
        return importView(request, reply, null, formErrors(err));
      }
    });
  };
}
