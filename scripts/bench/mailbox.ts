// The generated mailbox: a realistic, seeded mix made by mutating the labelled fixture messages.
// Every message gets its own Message-ID; replies also get their own sender address, a subject
// reference and attachments rebuilt with varied text (PDF, DOCX, ODT, sometimes two). Message i
// depends only on the seed and i, so the first 2,000 of a 10,000 mailbox are the 2,000 mailbox.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDocument, DEFAULT_LIMITS } from '../../src/intake/extract/index.js';
import { letterBody } from '../../src/text/letter.js';
import { documentSpec, makeDocument, makeLargePdf, sentencesOf, type DocKind, type TextBank } from './documents.ts';
import { addAfter, applyEdits, documentKind, editHeader, headerValue, leaves, replaceBody, type Edit } from './mime-edit.ts';
import { rng, type Rng } from './prng.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixturesDir = join(root, 'fixtures/messages');

/** What a generated message is. */
export type MixKind = 'pdf' | 'two' | 'docx' | 'odt' | 'plain' | 'auto' | 'bounce' | 'unrelated' | 'odd';

/**
 * Shares of the mailbox. Replies with a PDF ≈ 35 % (pdf + most of "two"), DOCX ≈ 10 %, ODT 8 %,
 * replies in the body only 17 %, out-of-office and other auto-replies 12 %, bounces and delay
 * notices 4 %, unrelated mail 14 %, and 1 % odd attachments (scans, photos, .doc, winmail.dat).
 */
export const MIX: Readonly<Record<MixKind, number>> = { pdf: 0.32, two: 0.03, docx: 0.09, odt: 0.08, plain: 0.17, auto: 0.12, bounce: 0.04, unrelated: 0.14, odd: 0.01 };

/** Only replies that are filed and get a receipt (for the latency test). */
/** Mostly text, few attachments (about one message in eight carries a document): where extraction is little of the work. */
export const TEXT_HEAVY: Readonly<Partial<Record<MixKind, number>>> = { plain: 0.48, pdf: 0.08, docx: 0.03, odt: 0.01, auto: 0.15, bounce: 0.05, unrelated: 0.2 };
export const REPLIES_ONLY: Readonly<Partial<Record<MixKind, number>>> = { pdf: 0.35, docx: 0.1, odt: 0.08, plain: 0.2 };

const ODD = new Set([
  'hostile-att-scanned-pdf.eml',
  'hostile-att-photo-jpg.eml',
  'hostile-att-png-screenshot.eml',
  'hostile-att-legacy-doc.eml',
  'hostile-att-encrypted-pdf.eml',
  'hostile-att-winmail-dat.eml',
  'reply-nb-frivillighet-samskaping-skannet.eml',
]);

interface Template {
  file: string;
  raw: string;
  kind: MixKind;
  bank: TextBank | null;
}

export interface GeneratedMessage {
  index: number;
  file: string;
  kind: MixKind;
  template: string;
  bytes: number;
  documents: DocKind[];
}

const FIRST = ['kari', 'ola', 'ingrid', 'lars', 'sofie', 'jonas', 'nora', 'emil', 'ida', 'magnus', 'sara', 'henrik', 'astrid', 'sindre', 'marte', 'eirik'];
const LAST = ['hansen', 'johansen', 'olsen', 'larsen', 'andersen', 'pedersen', 'nilsen', 'kristiansen', 'jensen', 'karlsen', 'berg', 'haugen', 'hagen', 'solberg', 'bakken', 'lie'];

/** The fixtures sorted into the mix, with a text bank for every reply that has documents. */
export async function loadTemplates(): Promise<Map<MixKind, Template[]>> {
  const files = readdirSync(fixturesDir).filter((f) => f.endsWith('.eml')).sort();
  const letter = letterBody(readFileSync(join(root, 'rules/consultations/ogp-4b/letter.txt'), 'utf8'));
  const shared = sentencesOf(letter);
  const byKind = new Map<MixKind, Template[]>();
  const pending: Array<{ t: Template; texts: string[] }> = [];
  for (const file of files) {
    const raw = readFileSync(join(fixturesDir, file)).toString('latin1');
    let kind: MixKind | null = null;
    const docs = leaves(raw).flatMap((l) => (documentKind(l) ? [{ leaf: l, kind: documentKind(l)! }] : []));
    if (ODD.has(file)) kind = 'odd';
    else if (file.startsWith('reply-')) {
      const kinds = docs.map((d) => d.kind);
      kind = kinds.includes('pdf') ? 'pdf' : kinds.includes('docx') ? 'docx' : kinds.includes('odt') ? 'odt' : 'plain';
    } else if (/^auto-(bounce|delay)-/.test(file)) kind = 'bounce';
    else if (file.startsWith('auto-')) kind = 'auto';
    else if (file.startsWith('unrelated-')) kind = 'unrelated';
    if (!kind) continue; // the hostile fixtures are for the tests, not for a realistic mailbox
    const t: Template = { file, raw, kind, bank: null };
    const list = byKind.get(kind) ?? [];
    list.push(t);
    byKind.set(kind, list);
    if (kind === 'pdf' || kind === 'docx' || kind === 'odt') {
      const texts: string[] = [];
      for (const d of docs) {
        const body = raw.slice(raw.indexOf('\r\n\r\n', d.leaf.start) + 4, d.leaf.end);
        const bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
        const res = await extractDocument({ bytes, declaredType: '', filename: `x.${d.kind}` }, DEFAULT_LIMITS);
        texts.push(res.text);
      }
      pending.push({ t, texts });
    }
  }
  for (const { texts } of pending) for (const text of texts) shared.push(...sentencesOf(text));
  for (const { t, texts } of pending) {
    const own = texts.flatMap(sentencesOf);
    const first = texts.join('\n').split('\n').map((l) => l.trim()).find((l) => l.length >= 8) ?? 'Innspill til handlingsplan 4B';
    const author = decodeName(headerValue(t.raw, 'from') ?? '') || 'Saksbehandler';
    t.bank = { own, shared, title: first.slice(0, 90), author };
  }
  // "two" are PDF replies that get a second document.
  byKind.set('two', byKind.get('pdf') ?? []);
  return byKind;
}

function decodeName(from: string): string {
  const m = /^"?([^"<]*)"?\s*</.exec(from);
  const name = m?.[1]?.trim() ?? '';
  return /=\?/.test(name) ? '' : name;
}

function newMessageId(old: string | null, r: Rng, tag: string): string {
  const right = old ? /@([^>\s]+)>?/.exec(old)?.[1] : undefined;
  const left = Array.from({ length: 12 }, () => r.int(0, 35).toString(36)).join('');
  return `<${left}.${tag}@${right ?? 'bench.invalid'}>`;
}

/** Builds message `index` of the mailbox with this seed. */
async function buildMessage(templates: Map<MixKind, Template[]>, seed: string, index: number, weights: Readonly<Partial<Record<MixKind, number>>>): Promise<{ raw: Buffer; meta: Omit<GeneratedMessage, 'file'> }> {
  const r = rng(seed).fork(index);
  const kind = r.weighted(weights as Record<MixKind, number>);
  const t = r.pick(templates.get(kind) ?? []);
  let s = t.raw;
  const documents: DocKind[] = [];
  const isReply = t.file.startsWith('reply-') && kind !== 'odd';

  if (isReply && t.bank) {
    const edits: Edit[] = [];
    const docLeaves = leaves(s).filter((l) => documentKind(l) !== null);
    for (const [k, leaf] of docLeaves.entries()) {
      const dk = documentKind(leaf)!;
      const bytes = await makeDocument(dk, documentSpec(t.bank, r, index * 4 + k));
      edits.push(replaceBody(s, leaf, bytes));
      documents.push(dk);
      if (kind === 'two' && k === docLeaves.length - 1) {
        const second: DocKind = r.next() < 0.5 ? 'docx' : 'pdf';
        const extra = await makeDocument(second, documentSpec(t.bank, r, index * 4 + 3));
        edits.push(addAfter(leaf, second, second === 'pdf' ? 'Vedlegg 2 - utfyllende merknader.pdf' : 'Vedlegg 2 - utfyllende merknader.docx', extra));
        documents.push(second);
      }
    }
    s = applyEdits(s, edits);
  }
  s = editHeader(s, 'Message-ID', (old) => newMessageId(old, r, `${index}`));
  if (isReply) {
    const local = `${r.pick(FIRST)}.${r.pick(LAST)}${index}`;
    const swap = (v: string | null) => (v ?? '').replace(/<[^<>@\s]+@([^<>\s]+)>|^[^<>@\s"]+@([^<>\s]+)$/, (m, a?: string, b?: string) => (a ? `<${local}@${a}>` : `${local}@${b}`));
    s = editHeader(s, 'From', swap);
    if (/\r\nReturn-Path:/i.test(`\r\n${s.slice(0, s.indexOf('\r\n\r\n'))}`)) s = editHeader(s, 'Return-Path', swap);
    s = editHeader(s, 'Subject', (old) => `${old ?? ''} (ref. 21/${1000 + index})`);
  }
  return { raw: Buffer.from(s, 'latin1'), meta: { index, kind, template: t.file, bytes: s.length, documents } };
}

export interface MailboxOptions {
  seed: string;
  count: number;
  dir: string;
  weights?: Readonly<Partial<Record<MixKind, number>>>;
  onProgress?: (done: number) => void;
}

/** Writes messages 0..count-1 as dir/NNNNNN.eml and returns what each is. */
export async function generateMailbox(templates: Map<MixKind, Template[]>, o: MailboxOptions): Promise<GeneratedMessage[]> {
  mkdirSync(o.dir, { recursive: true });
  const out: GeneratedMessage[] = [];
  for (let i = 0; i < o.count; i++) {
    const { raw, meta } = await buildMessage(templates, o.seed, i, o.weights ?? MIX);
    const file = join(o.dir, `${String(i).padStart(6, '0')}.eml`);
    writeFileSync(file, raw);
    out.push({ ...meta, file });
    if (i % 250 === 249) o.onProgress?.(i + 1);
  }
  return out;
}

/** One reply whose PDF attachment is about `bytes` bytes (the memory test). */
export async function generateLargeMessage(templates: Map<MixKind, Template[]>, seed: string, bytes: number, file: string): Promise<GeneratedMessage> {
  const r = rng(seed).fork('large');
  const t = (templates.get('pdf') ?? []).find((x) => x.bank && x.bank.own.length > 0)!;
  const leaf = leaves(t.raw).find((l) => documentKind(l) === 'pdf')!;
  const pdf = await makeLargePdf(bytes, t.bank!.own.slice(0, 8));
  let s = applyEdits(t.raw, [replaceBody(t.raw, leaf, pdf)]);
  s = editHeader(s, 'Message-ID', (old) => newMessageId(old, r, 'large'));
  s = editHeader(s, 'Subject', (old) => `${old ?? ''} (stort vedlegg)`);
  writeFileSync(file, Buffer.from(s, 'latin1'));
  return { index: -1, file, kind: 'pdf', template: t.file, bytes: s.length, documents: ['pdf'] };
}

/** Counts per kind and attachment shares, for the report. */
export function describeMix(messages: GeneratedMessage[]): Record<string, number> {
  const n = messages.length;
  const share = (f: (m: GeneratedMessage) => boolean) => Math.round((messages.filter(f).length / n) * 1000) / 10;
  return {
    messages: n,
    megabytes: Math.round(messages.reduce((s, m) => s + m.bytes, 0) / 1e5) / 10,
    withPdfPct: share((m) => m.documents.includes('pdf')),
    withDocxPct: share((m) => m.documents.includes('docx')),
    withOdtPct: share((m) => m.documents.includes('odt')),
    withTwoDocumentsPct: share((m) => m.documents.length >= 2),
    autoRepliesPct: share((m) => m.kind === 'auto'),
    bouncesPct: share((m) => m.kind === 'bounce'),
    unrelatedPct: share((m) => m.kind === 'unrelated'),
    repliesPct: share((m) => ['pdf', 'two', 'docx', 'odt', 'plain'].includes(m.kind)),
  };
}
