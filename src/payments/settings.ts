/**
 * The organisation's payment settings: who is paid, the account, how the bank QR code reads, and
 * whether payers may find an obligation by birth number (off unless the admin states the legal
 * basis, seed 002). Admins change them; the pay page and the QR code read them.
 */
import type { Db } from '../db/db.ts';
import { staffActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { LANGS, type Localized, type MessageKey } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { checkIban } from './qr/iban.ts';
import * as repo from './repo.ts';

export type { PaymentSettings } from './repo.ts';

/** The settings as the admin's form gives them: strings, the switch as '1' when on. */
export type SettingsInput = {
  payeeName: string;
  payeeStreet: string;
  payeeCity: string;
  iban: string;
  bic: string;
  qrFormat: string;
  purposeCode: string;
  birthNumberLookup: boolean;
  legalBasis: Localized;
};

const FORMATS = ['spayd', 'upn', 'epc'] as const;
const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/** Checks the form; every field's problem at once, by message key. */
export function checkSettings(
  input: SettingsInput,
):
  | { ok: true; value: Omit<repo.PaymentSettings, 'updatedAt'> }
  | { ok: false; fields: Record<string, MessageKey> } {
  const fields: Record<string, MessageKey> = {};
  const payeeName = input.payeeName.trim();
  if (!payeeName || payeeName.length > 70) fields.payeeName = 'fees.error.payee_name';
  const street = input.payeeStreet.trim();
  const city = input.payeeCity.trim();
  if (street.length > 33) fields.payeeStreet = 'fees.error.payee_address';
  if (city.length > 33) fields.payeeCity = 'fees.error.payee_address';
  const iban = checkIban(input.iban);
  if (!iban.valid) fields.iban = 'fees.error.iban';
  const bic = input.bic.replace(/\s+/g, '').toUpperCase();
  if (bic && !BIC.test(bic)) fields.bic = 'fees.error.bic';
  const qrFormat = FORMATS.find((f) => f === input.qrFormat);
  if (!qrFormat) fields.qrFormat = 'fees.error.qr_format';
  const purposeCode = (input.purposeCode.trim() || 'OTHR').toUpperCase();
  if (!/^[A-Z]{4}$/.test(purposeCode)) fields.purposeCode = 'fees.error.purpose_code';
  const basis: Localized = {};
  for (const lang of LANGS) {
    const text = input.legalBasis[lang]?.trim();
    if (text) basis[lang] = text.slice(0, 500);
  }
  const hasBasis = Object.keys(basis).length > 0;
  if (input.birthNumberLookup && !hasBasis) fields.legalBasis_sl = 'fees.error.legal_basis';
  if (Object.keys(fields).length || !iban.valid || !qrFormat) return { ok: false, fields };
  return {
    ok: true,
    value: {
      payeeName,
      payeeStreet: street || null,
      payeeCity: city || null,
      iban: iban.iban,
      bic: bic || null,
      qrFormat,
      purposeCode,
      birthNumberLookup: input.birthNumberLookup,
      birthNumberLegalBasis: hasBasis ? basis : null,
    },
  };
}

/** The payment settings' service: built once in services.ts. */
export function paymentSettings(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;
  return {
    /** The admin's organisation's settings, or undefined before they were saved. */
    async get(actor: StaffPrincipal): Promise<repo.PaymentSettings | undefined> {
      if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
      return repo.findSettings(db, actor.organisationId);
    },

    /** Any organisation's settings, for the pay page and the QR code (no actor: payers read them). */
    async of(organisationId: string): Promise<repo.PaymentSettings | undefined> {
      return repo.findSettings(db, organisationId);
    },

    /** Saves the settings after checking them; audited with what changed. */
    async save(actor: StaffPrincipal, input: SettingsInput): Promise<void> {
      if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
      const checked = checkSettings(input);
      if (!checked.ok) throw new AppError('invalid_input', 'form rejected', checked.fields);
      const organisationId = actor.organisationId;
      await db.transaction().execute(async (tx) => {
        await repo.saveSettings(tx, organisationId, checked.value, clock.now());
        await audit.record(tx, {
          organisationId,
          actor: staffActor(actor),
          action: 'payment_settings.saved',
          objectType: 'payment_settings',
          objectId: organisationId,
          summary: `${checked.value.payeeName} ${checked.value.iban}`,
          detail: {
            qrFormat: checked.value.qrFormat,
            birthNumberLookup: checked.value.birthNumberLookup,
          },
        });
      });
    },
  };
}

export type PaymentSettingsService = ReturnType<typeof paymentSettings>;
