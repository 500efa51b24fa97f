// The answers to caseworkers' command mails (rules/templates/command-reply.yaml), checked at load:
// Mustache syntax, only the fields the answer gives it (src/decisions/reply.ts), and what each
// answer must show, every mistake with its file and line. The answer's code picks the entry.
import { join } from 'node:path';
import { z } from 'zod';
import { checkMustache } from './mustache-check.js';
import { parseYamlRules, readRulesText } from './yaml-file.js';
import type { Rules } from './types.js';

/** Where the template is, relative to the rules folder. */
export const REPLY_TEMPLATE_FILE = join('templates', 'command-reply.yaml');

/** The answers, by code. */
export const REPLY_CODES = ['applied', 'unchanged', 'refused'] as const;
export type ReplyCode = (typeof REPLY_CODES)[number];

export interface ReplyTemplate {
  subject: string;
  text: string;
}

/** The names the answer's view holds (see replyView in src/decisions/reply.ts). */
export const REPLY_FIELDS: ReadonlySet<string> = new Set(['subject', 'changed', 'changedCount', 'unchanged', 'unchangedCount', 'reasons', 'text']);

/** What each answer must show. */
const REQUIRED: Record<ReplyCode, string[]> = { applied: ['changed'], unchanged: ['unchanged'], refused: ['reasons'] };

const entry = z.strictObject({ subject: z.string().min(1), text: z.string().min(1) });
const schema = z.strictObject({ applied: entry, unchanged: entry, refused: entry });

export function loadReplyTemplates(rulesDir: string): Record<ReplyCode, ReplyTemplate> {
  const file = join(rulesDir, REPLY_TEMPLATE_FILE);
  const text = readRulesText(file);
  const t = parseYamlRules(text, file, schema);
  for (const code of REPLY_CODES) {
    const check = { fields: REPLY_FIELDS, what: `the ${code} answer to a command mail` };
    checkMustache(file, text, [code, 'subject'], t[code].subject, check);
    checkMustache(file, text, [code, 'text'], t[code].text, { ...check, required: REQUIRED[code] });
  }
  return t;
}

/** The answers of the rules in use, read from their folder (loadRules checked them already). */
export function replyTemplatesFor(rules: Pick<Rules, 'dir'>): Record<ReplyCode, ReplyTemplate> {
  return loadReplyTemplates(rules.dir);
}
