// The header innspill puts on every receipt it sends (its value: the record id), so that a receipt
// that comes back into the mailbox is known as our own and never answered.
export const RECEIPT_HEADER = 'X-Innspill-Receipt';

/** The same, as parsed headers are keyed (lower case). */
export const RECEIPT_HEADER_KEY = RECEIPT_HEADER.toLowerCase();
