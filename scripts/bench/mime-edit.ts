// Byte-preserving edits of a MIME message: replace top-level headers, find the attachment parts and
// put other documents in them, add a second attachment. Everything not edited keeps its exact bytes
// (charsets, transfer encodings and the quirks of each mail client stay as the fixture has them).
// The message is handled as a latin1 string, so one character is one byte.
import type { DocKind } from './documents.ts';

export interface Leaf {
  /** offset of the part's first header line */
  start: number;
  /** offset just before the CRLF that precedes the next boundary delimiter */
  end: number;
  headers: string;
  /** boundary of the multipart this part belongs to (null for a single-part message) */
  boundary: string | null;
}

const DOC_TYPES: Record<string, DocKind> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
};

export const CONTENT_TYPE_OF: Record<DocKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

function headerEnd(s: string, from: number, to: number): number {
  const i = s.indexOf('\r\n\r\n', from);
  return i < 0 || i > to ? to : i;
}

/** The value of a header in a header block (unfolded), or null. */
export function headerValue(headers: string, name: string): string | null {
  const re = new RegExp(`(?:^|\\r\\n)${name}:([^\\r\\n]*(?:\\r\\n[ \\t][^\\r\\n]*)*)`, 'i');
  const m = re.exec(headers);
  return m ? m[1]!.replace(/\r\n[ \t]+/g, ' ').trim() : null;
}

function boundaryOf(headers: string): string | null {
  const ct = headerValue(headers, 'content-type');
  if (!ct || !/^multipart\//i.test(ct)) return null;
  return /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(ct)?.slice(1).find(Boolean) ?? null;
}

/** Every leaf part of the message, in order (nested multiparts walked; message/rfc822 not entered). */
export function leaves(s: string): Leaf[] {
  const out: Leaf[] = [];
  const walk = (start: number, end: number, parent: string | null) => {
    const hEnd = headerEnd(s, start, end);
    const headers = s.slice(start, hEnd);
    const boundary = boundaryOf(headers);
    if (!boundary) {
      out.push({ start, end, headers, boundary: parent });
      return;
    }
    const delim = `\r\n--${boundary}`;
    let pos = s.indexOf(delim, hEnd);
    while (pos >= 0 && pos < end) {
      const lineEnd = s.indexOf('\r\n', pos + delim.length);
      if (s.startsWith('--', pos + delim.length) || lineEnd < 0) break; // closing delimiter
      const partStart = lineEnd + 2;
      let next = s.indexOf(delim, partStart);
      if (next < 0 || next > end) next = end;
      walk(partStart, next, boundary);
      pos = next;
    }
  };
  walk(0, s.length, null);
  return out;
}

/** The document kind of an attachment part, or null when the part is not a document attachment. */
export function documentKind(leaf: Leaf): DocKind | null {
  const ct = (headerValue(leaf.headers, 'content-type') ?? '').toLowerCase();
  const disposition = (headerValue(leaf.headers, 'content-disposition') ?? '').toLowerCase();
  const cte = (headerValue(leaf.headers, 'content-transfer-encoding') ?? '').toLowerCase();
  if (cte !== 'base64' || disposition.startsWith('inline')) return null;
  const type = ct.split(';')[0]!.trim();
  if (DOC_TYPES[type]) return DOC_TYPES[type]!;
  if (type === 'application/octet-stream') {
    const ext = /\.(pdf|docx|odt)\b/.exec(ct + disposition)?.[1];
    return (ext as DocKind | undefined) ?? null;
  }
  return null;
}

function base64Lines(bytes: Buffer): string {
  const b64 = bytes.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join('\r\n');
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits (any order). */
export function applyEdits(s: string, edits: Edit[]): string {
  let out = s;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The part with its headers kept and its body replaced by these bytes (base64). */
export function replaceBody(s: string, leaf: Leaf, bytes: Buffer): Edit {
  const hEnd = headerEnd(s, leaf.start, leaf.end);
  return { start: hEnd, end: leaf.end, text: `\r\n\r\n${base64Lines(bytes)}` };
}

/** A new attachment part right after `leaf`, in the same multipart. */
export function addAfter(leaf: Leaf, kind: DocKind, filename: string, bytes: Buffer): Edit {
  if (!leaf.boundary) throw new Error('cannot add a part to a single-part message');
  const headers = [
    `Content-Type: ${CONTENT_TYPE_OF[kind]};`,
    `\tname="${filename}"`,
    'Content-Disposition: attachment;',
    `\tfilename="${filename}"`,
    'Content-Transfer-Encoding: base64',
  ].join('\r\n');
  return { start: leaf.end, end: leaf.end, text: `\r\n--${leaf.boundary}\r\n${headers}\r\n\r\n${base64Lines(bytes)}` };
}

/** Replaces (or adds, at the top) one top-level header; `transform` gets the old raw value. */
export function editHeader(s: string, name: string, transform: (old: string | null) => string): string {
  const hEnd = headerEnd(s, 0, s.length);
  const head = s.slice(0, hEnd);
  const re = new RegExp(`(^|\\r\\n)(${name}):([^\\r\\n]*(?:\\r\\n[ \\t][^\\r\\n]*)*)`, 'i');
  const m = re.exec(head);
  if (!m) return `${name}: ${transform(null)}\r\n${s}`;
  const at = m.index + m[1]!.length;
  return `${s.slice(0, at)}${m[2]}: ${transform(m[3]!.trim())}${s.slice(at + m[0].length - m[1]!.length)}`;
}
