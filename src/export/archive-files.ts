// The files of one submission's archive package: the original message, a readable rendering of
// it, and every attachment under a safe name. A sender's file name is only ever shown (filnavn);
// the file in the folder is named by its place in the message, so no name can be a path, a
// device, hidden, or collide with another.
import type { StoredAttachment } from '../store/record.js';

export interface FileFormat {
  /** Short code for the archive (format/kode). */
  code: string;
  /** The format in words (format/beskrivelse). */
  text: string;
  mimeType: string;
  extension: string;
}

export const MESSAGE_FORMAT: FileFormat = { code: 'EML', text: 'E-postmelding (RFC 5322), slik den kom inn', mimeType: 'message/rfc822', extension: 'eml' };
export const RENDERING_FORMAT: FileFormat = { code: 'HTML', text: 'HTML, lesbar gjengivelse av e-posten', mimeType: 'text/html', extension: 'html' };

/** What the bytes are (intake's sniffing), not what the sender claimed. */
const FORMATS: Record<string, Omit<FileFormat, 'mimeType'> & { mimeType?: string }> = {
  pdf: { code: 'PDF', text: 'PDF', mimeType: 'application/pdf', extension: 'pdf' },
  docx: { code: 'DOCX', text: 'Word (Office Open XML)', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  odt: { code: 'ODT', text: 'OpenDocument tekst', mimeType: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
  doc: { code: 'DOC', text: 'Word 97–2003', mimeType: 'application/msword', extension: 'doc' },
  text: { code: 'TXT', text: 'Ren tekst', mimeType: 'text/plain', extension: 'txt' },
  html: { code: 'HTML', text: 'HTML', mimeType: 'text/html', extension: 'html' },
  zip: { code: 'ZIP', text: 'ZIP-arkiv', mimeType: 'application/zip', extension: 'zip' },
  image: { code: 'BILDE', text: 'Bilde', extension: 'bin' },
};

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

function declaredMime(a: StoredAttachment): string | null {
  const t = a.contentType.trim().toLowerCase();
  return MIME.test(t) ? t : null;
}

/** The extension a file name ends with, if it is a plain one (".pdf", ".docx"). */
function extensionOf(name: string): string | null {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name.trim());
  return m ? m[1]!.toLowerCase() : null;
}

export function attachmentFormat(a: StoredAttachment): FileFormat {
  const known = FORMATS[a.detectedType];
  const mimeType = known?.mimeType ?? declaredMime(a) ?? 'application/octet-stream';
  const extension = known && known.extension !== 'bin' ? known.extension : (extensionOf(a.filename) ?? 'bin');
  if (known) return { code: known.code, text: known.text, mimeType, extension };
  return { code: 'UKJENT', text: `ukjent format (${a.detectedType || 'ikke gjenkjent'})`, mimeType, extension };
}

const TRANSLITERATE: Record<string, string> = { æ: 'ae', Æ: 'Ae', ø: 'o', Ø: 'O', å: 'a', Å: 'A', ß: 'ss' };
const MAX_STEM = 60;

/**
 * A name that is safe in any file system and archive: "vedlegg-02-Horingssvar_KS.pdf". The number
 * keeps names unique and in the message's order; what remains of the sender's name is ASCII
 * letters, digits, "_" and "-" only, at most 60 characters.
 */
export function safeAttachmentName(a: StoredAttachment, index: number, format: FileFormat): string {
  const base = a.filename.replace(/\.[A-Za-z0-9]{1,8}$/, '');
  const stem = base
    .replace(/[æÆøØåÅß]/g, (c) => TRANSLITERATE[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9-]+/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/[_-]+$/, '');
  const number = String(index + 1).padStart(2, '0');
  return `vedlegg-${number}${stem ? `-${stem}` : ''}.${format.extension}`;
}
