// A payment receipt's number, apart from the PDF (receipt.ts) so that the e-mail and the pages
// can name it without loading pdfkit at start (decision 028; db/lazy-load.test.ts).

/** The number printed on a receipt: the payment's id as the office's records hold it, in fours. */
export function receiptNumber(paymentId: string): string {
  return paymentId.replace(/-/g, '').toUpperCase().match(/.{4}/g)!.join('-');
}
