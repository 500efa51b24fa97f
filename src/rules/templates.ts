// Receipt templates (rules/templates/receipt.<language>.yaml), checked at load: Mustache syntax,
// only known fields, and the reference and submission id present in both text and HTML.
import { join } from 'node:path';
import { z } from 'zod';
import { checkMustache } from './mustache-check.js';
import { parseYamlRules, readRulesText, RulesError } from './yaml-file.js';
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
  // Input that could belong to two consultations: the other one(s), each by its consultationName.
  'alsoFor',
  'otherName',
  'otherCaseNumber',
  'otherLate',
  'otherDeadlineDate',
]);
const REQUIRED = ['id', 'caseNumber'];

const schema = z.strictObject({
  subjectPrefix: z.string(),
  text: z.string().min(1),
  html: z.string().min(1),
  /** Words for why an attachment could not be read, by its code (all codes), for {{reason}}. */
  reasons: z.record(z.enum(ATTACHMENT_PROBLEM_CODES), z.string().min(1)).optional(),
  /** The consultation's name in a sentence, in this language (another consultation's receipt uses it). */
  consultationName: z.string().min(1).optional(),
});

/** Checks one template; returns the fields it uses, with their lines. */
function checkTemplate(file: string, text: string, key: 'text' | 'html', template: string): Array<{ name: string; line: number }> {
  return checkMustache(file, text, [key], template, { fields: RECEIPT_FIELDS, required: REQUIRED, what: 'the receipt' });
}

export function loadReceiptTemplates(dir: string): ReceiptTemplates {
  const out = {} as ReceiptTemplates;
  for (const lang of RECEIPT_LANGUAGES) {
    const file = join(dir, receiptTemplateFile(lang));
    const text = readRulesText(file);
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
