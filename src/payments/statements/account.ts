// Whether a statement is for the account the organisation is paid into (its payment settings).
import { ibanToCzechAccount, normaliseIban } from '../qr/iban.ts';

/**
 * True when the statement's account is the IBAN's. camt.053 names an IBAN; an ABO header names a
 * Czech account as prefix and number without its bank, so those are compared.
 */
export function isAccountOf(statementAccount: string, iban: string): boolean {
  const settings = normaliseIban(iban);
  if (statementAccount.replace(/\s+/g, '').toUpperCase() === settings) return true;
  const domestic = ibanToCzechAccount(settings);
  return (
    domestic !== null &&
    domestic.replace(/\/\d{4}$/, '') === statementAccount.replace(/\/\d{4}$/, '')
  );
}
