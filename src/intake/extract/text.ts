// Plain text, HTML and RTF attachments.
import iconv from 'iconv-lite';
import { htmlBodyToText } from '../parse.js';
import type { ExtractResult } from './types.js';

/** Bytes → string: a BOM or valid UTF-8 wins; otherwise the declared charset; otherwise windows-1252. */
export function decodeText(bytes: Buffer, charset?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8
  }
  // iso-8859-1 is read as windows-1252 (as mail programs do): its C1 gap holds – “ ” …
  if (charset && iconv.encodingExists(charset) && !/^(iso-?8859-1|latin-?1|us-ascii|ascii)$/i.test(charset)) return iconv.decode(bytes, charset);
  return iconv.decode(bytes, 'windows-1252');
}

export function extractText(bytes: Buffer, charset?: string): ExtractResult {
  const text = decodeText(bytes, charset).replace(/\r\n?/g, '\n').trim();
  return text.length === 0 ? { text, problem: 'tekstfilen er tom', problemCode: 'no-text' } : { text, problem: null };
}

export function extractHtml(bytes: Buffer, charset?: string): ExtractResult {
  try {
    const text = htmlBodyToText(decodeText(bytes, charset)).trim();
    return text.length === 0 ? { text, problem: 'HTML-filen inneholder ingen tekst', problemCode: 'no-text' } : { text, problem: null };
  } catch {
    return { text: '', problem: 'HTML-filen kan ikke leses', problemCode: 'unreadable' };
  }
}

/** RTF → text: groups that are not text (fonts, colours, pictures) dropped, \'xx read as windows-1252. */
export function extractRtf(bytes: Buffer): ExtractResult {
  const src = bytes.toString('latin1');
  let out = '';
  let depth = 0;
  let skipDepth = -1;
  const cp1252 = new TextDecoder('windows-1252');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '{') {
      depth++;
      if (skipDepth < 0 && /^\{\\(\*|fonttbl|colortbl|stylesheet|info|pict|header|footer|listtable|listoverridetable|rsidtbl|themedata|datastore|latentstyles)/.test(src.slice(i, i + 24))) {
        skipDepth = depth;
      }
      continue;
    }
    if (c === '}') {
      if (depth === skipDepth) skipDepth = -1;
      depth--;
      continue;
    }
    if (c === '\\') {
      const rest = src.slice(i + 1, i + 40);
      const hex = /^'([0-9a-fA-F]{2})/.exec(rest);
      if (hex) {
        if (skipDepth < 0) out += cp1252.decode(Buffer.from([parseInt(hex[1]!, 16)]));
        i += 3;
        continue;
      }
      const uni = /^u(-?\d+) ?\??/.exec(rest);
      if (uni) {
        if (skipDepth < 0) out += String.fromCharCode((Number(uni[1]) + 65536) % 65536);
        i += uni[0].length;
        continue;
      }
      const word = /^([a-z]+)(-?\d+)? ?/.exec(rest);
      if (word) {
        if (skipDepth < 0 && (word[1] === 'par' || word[1] === 'line')) out += '\n';
        if (skipDepth < 0 && word[1] === 'tab') out += '\t';
        i += word[0].length;
        continue;
      }
      if (skipDepth < 0 && /^[\\{}]/.test(rest)) out += rest[0];
      i += 1;
      continue;
    }
    if (skipDepth < 0 && c !== '\r' && c !== '\n') out += c;
  }
  const text = out.replace(/\n{3,}/g, '\n\n').trim();
  return text.length === 0 ? { text, problem: 'RTF-dokumentet inneholder ingen tekst', problemCode: 'no-text' } : { text, problem: null };
}
