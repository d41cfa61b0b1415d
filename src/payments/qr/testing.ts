// Test vectors the QR tests share (standards.md §1–3).
import type { UpnInput } from './upn.ts';

/** The matjaz/upnqr test vector (standards.md §2): control sum 205. */
export const MATJAZ: UpnInput = {
  payer: { name: 'JANEZ NOVAK', street: 'Ljubljanska cesta 1', city: '1000 MARIBOR' },
  amountMinor: 8588,
  purposeCode: 'COST',
  purpose: 'Plač. razdelilnika št. 9990029934988',
  dueDate: '2021-02-20',
  payeeIban: 'SI56 0292 2002 0148 350',
  payeeReference: 'SI12 9990 0299 3498 8',
  payee: { name: 'SPL d.d.', street: 'Frankopanska ul. 18a', city: '1000 LJUBLJANA' },
};
