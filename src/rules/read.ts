// Reads every rules file and checks it: plain data, as the files say it. A mistake in any file stops
// the read with the file and line; nothing runs on half a rule set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readYamlRules, RulesError } from './yaml-file.js';
import {
  automaticSchema,
  commitmentsSchema,
  consultationSchema,
  languageSchema,
  ownWordsSchema,
  relevanceSchema,
  sendersSchema,
} from './schema.js';
import { loadReceiptTemplates } from './templates.js';
import { RULE_FILES } from './files.js';
import type { RuleData } from './types.js';

/** Every rules file, parsed and checked: plain data, as the files say it. */
export function readRuleData(dir: string): RuleData {
  const file = (name: string) => join(dir, name);

  const consultation = readYamlRules(file(RULE_FILES.consultation), file(RULE_FILES.consultation), consultationSchema);
  const classIds = [...consultation.commitments.map((c) => c.id), ...consultation.topics.map((t) => t.id)];
  const categoryIds = new Set(consultation.senderCategories.map((c) => c.id));
  if (!categoryIds.has('ukjent')) {
    throw new RulesError(file(RULE_FILES.consultation), null, null, 'senderCategories must include the category "ukjent" (unknown sender)');
  }

  const senders = readYamlRules(
    file(RULE_FILES.senders),
    file(RULE_FILES.senders),
    sendersSchema.superRefine((v, ctx) => {
      const seen = new Map<string, string>();
      v.organisations.forEach((o, i) => {
        if (!categoryIds.has(o.category)) {
          ctx.addIssue({
            code: 'custom',
            path: ['organisations', i, 'category'],
            message: `unknown category "${o.category}"; the categories are: ${[...categoryIds].join(', ')}`,
          });
        }
        o.domains.forEach((d, j) => {
          const other = seen.get(d);
          if (other) ctx.addIssue({ code: 'custom', path: ['organisations', i, 'domains', j], message: `the domain ${d} is already listed for ${other}` });
          seen.set(d, o.name);
        });
      });
    }),
  );

  const commitments = readYamlRules(
    file(RULE_FILES.commitments),
    file(RULE_FILES.commitments),
    commitmentsSchema.superRefine((v, ctx) => {
      const listed = new Set<string>();
      v.commitments.forEach((c, i) => {
        if (!classIds.includes(c.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['commitments', i, 'id'],
            message: `"${c.id}" is not a commitment or topic in consultation.yaml (${classIds.join(', ')})`,
          });
        }
        if (listed.has(c.id)) ctx.addIssue({ code: 'custom', path: ['commitments', i, 'id'], message: `"${c.id}" is listed twice` });
        listed.add(c.id);
      });
    }),
  );
  const relevance = readYamlRules(file(RULE_FILES.relevance), file(RULE_FILES.relevance), relevanceSchema);
  const automatic = readYamlRules(file(RULE_FILES.automatic), file(RULE_FILES.automatic), automaticSchema);
  const ownWords = readYamlRules(file(RULE_FILES.ownWords), file(RULE_FILES.ownWords), ownWordsSchema);
  const language = readYamlRules(file(RULE_FILES.language), file(RULE_FILES.language), languageSchema);

  let letterText: string;
  try {
    letterText = readFileSync(file(RULE_FILES.letter), 'utf8');
  } catch (err) {
    throw new RulesError(file(RULE_FILES.letter), null, null, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }

  return { consultation, senders, commitments, relevance, automatic, ownWords, language, letterText, templates: loadReceiptTemplates(dir) };
}
