// The stable codes of everything that can go wrong with a message or an attachment. Code acts on
// these codes; people read the texts beside them (Norwegian, in the record), which may change.

/** A problem with the message as a whole. */
export const PROBLEM_CODES = [
  'empty-file', // the file is empty
  'not-mail', // the bytes are not an e-mail message
  'partly-parsed', // only sender, subject and dates could be read
  'unparsable', // the message could not be parsed at all
  'from-unreadable', // a From header that cannot be read
  'from-missing',
  'message-id-missing',
  'forwarded-unparsable', // a forwarded message inside could not be parsed
  'attachment-unreadable', // one attachment was not read (its own code is on the attachment)
  'sender-unconfirmed', // DMARC failed: the From address is not taken for a listed organisation
  'received-header-undated', // the topmost Received header has no readable date
  'received-unknown', // no readable Received or Date date
  'date-mismatch', // the Date header is far from the received time
  'date-implausible',
  'intake-failed', // an internal error; the message is stored unread
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  code: ProblemCode;
  text: string;
}

export const problem = (code: ProblemCode, text: string): Problem => ({ code, text });

/** Why an attachment's text was not read. */
export const ATTACHMENT_PROBLEM_CODES = [
  'too-large',
  'zip-bomb',
  'encrypted', // password protected
  'empty', // 0 bytes
  'no-text', // a document without readable text
  'scanned-pdf', // a PDF with no text to read: page images, or characters its fonts cannot decode
  'damaged',
  'old-office-format', // .doc, .xls, .ppt and other OLE files
  'winmail', // Outlook's winmail.dat
  'image',
  'spreadsheet',
  'presentation',
  'macros', // .docm, not opened for safety
  'zip',
  'unknown-format',
  'too-costly', // reading took too long, used too much memory or stopped the reader
  'not-read', // the reader could not start, or reading was cut off when the program stopped
  'unreadable', // any other failure
] as const;
export type AttachmentProblemCode = (typeof ATTACHMENT_PROBLEM_CODES)[number];

/** Problem codes of a file intake could not read as mail: kept raw for a person, never answered. */
const NOT_READABLE: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['empty-file', 'not-mail', 'intake-failed']);

/** Whether intake could read the bytes as mail, by the codes of its problems. */
export function readAsMail(s: { problemCodes?: readonly ProblemCode[] }): boolean {
  return !(s.problemCodes ?? []).some((c) => NOT_READABLE.has(c));
}
