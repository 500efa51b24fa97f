// Writes the arkivmelding XML from the field table, with xmlbuilder2 (which escapes & < > and
// quotes). What XML 1.0 cannot carry at all, even escaped — control characters, lone surrogates,
// U+FFFE/U+FFFF — is replaced here first, so no sender's text can make the document invalid.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { JOURNALPOST_FIELDS, type Field, type PostContext } from './arkivmelding-fields.js';

export const ARKIVMELDING_NS = 'https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1';
export const METADATAKATALOG_NS = 'https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** A child element: in the metadata catalogue's namespace when the table writes it with n5mdk:. */
function child(parent: XMLBuilder, name: string): XMLBuilder {
  return name.startsWith('n5mdk:') ? parent.ele(METADATAKATALOG_NS, name) : parent.ele(name);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Anything outside XML 1.0's Char production (after the control characters above). */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text that XML 1.0 can carry: control characters become spaces, other non-characters U+FFFD. */
export function xmlText(value: string): string {
  return value.replace(CONTROL, ' ').replace(NOT_XML, '\ufffd');
}

function leafText(v: string | number | boolean): string {
  return typeof v === 'string' ? xmlText(v) : String(v);
}

/** Writes `fields` below `parent`; rows that share a path prefix share its elements. */
function emit(parent: XMLBuilder, fields: Field[], context: unknown): void {
  const open = new Map<string, XMLBuilder>();
  const container = (segments: string[]): XMLBuilder => {
    let node = parent;
    for (let i = 0; i < segments.length; i++) {
      const key = segments.slice(0, i + 1).join('/');
      let next = open.get(key);
      if (!next) {
        next = child(node, segments[i]!);
        open.set(key, next);
      }
      node = next;
    }
    return node;
  };
  for (const field of fields) {
    const segments = field.element.split('/');
    // Elements opened for rows that this row is not inside are finished.
    for (const key of [...open.keys()]) if (!`${field.element}/`.startsWith(`${key}/`)) open.delete(key);
    if (field.each) {
      for (const item of field.each(context)) {
        const holder = container(segments.slice(0, -1));
        emit(child(holder, segments.at(-1)!), field.fields ?? [], item);
      }
      continue;
    }
    const raw = field.value?.(context);
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string | number | boolean => v !== null && v !== undefined && v !== '');
    for (const v of values) child(container(segments.slice(0, -1)), segments.at(-1)!).txt(leafText(v));
  }
}

/** The arkivmelding for one journal post, as a UTF-8 XML document. */
export function arkivmeldingXml(c: PostContext, fileCount: number): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(ARKIVMELDING_NS, 'arkivmelding', { 'xmlns:n5mdk': METADATAKATALOG_NS, 'xmlns:xsi': XSI_NS });
  root.ele('system').txt(xmlText(c.rules.consultation.archive.system));
  root.ele('antallFiler').txt(String(fileCount));
  const post = root.ele('registrering').att(XSI_NS, 'xsi:type', 'journalpost');
  emit(post, JOURNALPOST_FIELDS, c);
  return root.end({ prettyPrint: true });
}

/** The field table as the README shows it: the element's path and where its value comes from. */
export function fieldTableMarkdown(): string {
  const rows: string[] = ['| Noark 5 element (arkivmelding) | from the record |', '|---|---|', '| `system` | rules: archive.system |', '| `antallFiler` | the number of files in the folder besides arkivmelding.xml |'];
  const walk = (fields: Field[], prefix: string) => {
    for (const f of fields) {
      const path = `${prefix}${f.element}`;
      rows.push(`| \`${path}\` | ${f.from} |`);
      if (f.fields) walk(f.fields, `${path}/`);
    }
  };
  walk(JOURNALPOST_FIELDS, 'registrering/');
  return rows.join('\n');
}
