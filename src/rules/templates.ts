// Receipt templates (rules/templates/receipt.<language>.yaml), checked at load: Mustache syntax,
// only known fields, and the reference and submission id present in both text and HTML.
import Mustache from 'mustache';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { yamlLibrary } from './yaml-lib.js';
import { z } from 'zod';
import { parseYamlRules, RulesError } from './yaml-file.js';
import { receiptTemplateFile, RECEIPT_LANGUAGES } from './files.js';
import type { ReceiptTemplates } from './types.js';
import { ATTACHMENT_PROBLEM_CODES } from '../intake/problems.js';


/** The fields a receipt template may use. */
export const RECEIPT_FIELDS = new Set([
  'id',
  'caseNumber',
  'letterReference',
  'subject',
  'receivedDate',
  'receivedTime',
  'deadlineDate',
  'contact',
  'ministry',
  'mailbox',
  'followUp',
  'followUpOf',
  'hasAttachments',
  'attachments',
  'filename',
  'size',
  'problem',
  'reason',
  'hasUnreadable',
  'late',
]);
const REQUIRED = ['id', 'caseNumber'];

const schema = z.strictObject({
  subjectPrefix: z.string(),
  text: z.string().min(1),
  html: z.string().min(1),
  /** Words for why an attachment could not be read, by its code (all codes), for {{reason}}. */
  reasons: z.record(z.enum(ATTACHMENT_PROBLEM_CODES), z.string().min(1)).optional(),
});

type Token = [string, string, number, number, Token[]?];

function names(tokens: Token[], out: Array<{ name: string; at: number }>): void {
  for (const t of tokens) {
    if (t[0] === 'name' || t[0] === '&' || t[0] === '{' || t[0] === '#' || t[0] === '^') out.push({ name: t[1], at: t[2] });
    if (t[4]) names(t[4], out);
  }
}

/** Checks one template; returns the fields it uses, with their lines. */
function checkTemplate(file: string, text: string, key: 'text' | 'html', template: string): Array<{ name: string; line: number }> {
  // Line of the template's first character, to report mistakes where they are.
  const { LineCounter, parseDocument, isMap, isScalar } = yamlLibrary();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  let startLine = 1;
  if (isMap(doc.contents)) {
    const node = doc.contents.get(key, true);
    if (isScalar(node) && node.range) startLine = lines.linePos(node.range[0]).line + (String(node.type).startsWith('BLOCK') ? 1 : 0);
  }
  const lineOf = (offset: number) => startLine + (template.slice(0, offset).match(/\n/g)?.length ?? 0);
  let tokens: Token[];
  try {
    tokens = Mustache.parse(template) as unknown as Token[];
  } catch (err) {
    const at = /at (\d+)/.exec((err as Error).message);
    throw new RulesError(file, at ? lineOf(Number(at[1])) : startLine, null, `${key}: ${(err as Error).message}`);
  }
  const used: Array<{ name: string; at: number }> = [];
  names(tokens, used);
  for (const u of used) {
    if (!RECEIPT_FIELDS.has(u.name)) {
      throw new RulesError(file, lineOf(u.at), null, `${key}: unknown field {{${u.name}}}; the fields are: ${[...RECEIPT_FIELDS].join(', ')}`);
    }
  }
  for (const r of REQUIRED) {
    if (!used.some((u) => u.name === r)) throw new RulesError(file, startLine, null, `${key}: the receipt must show {{${r}}}`);
  }
  return used.map((u) => ({ name: u.name, line: lineOf(u.at) }));
}

export function loadReceiptTemplates(dir: string): ReceiptTemplates {
  const out = {} as ReceiptTemplates;
  for (const lang of RECEIPT_LANGUAGES) {
    const file = join(dir, receiptTemplateFile(lang));
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new RulesError(file, null, null, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    const t = parseYamlRules(text, file, schema);
    const used = [...checkTemplate(file, text, 'text', t.text), ...checkTemplate(file, text, 'html', t.html)];
    const reason = used.find((u) => u.name === 'reason');
    if (reason && !t.reasons) {
      throw new RulesError(file, reason.line, null, `{{reason}} needs "reasons:", the words for each of: ${ATTACHMENT_PROBLEM_CODES.join(', ')}`);
    }
    out[lang] = t;
  }
  return out;
}
