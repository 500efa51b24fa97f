// The digest's HTML template (rules/templates/digest.yaml), checked at load: Mustache syntax, only
// the fields the digest gives it (src/digest/render-html.ts), only its own parts, and every value
// escaped ({{{ }}} is refused: a sender's words can only ever be text in the digest).
import { join } from 'node:path';
import { z } from 'zod';
import { checkMustache } from './mustache-check.js';
import { parseYamlRules, readRulesText } from './yaml-file.js';
import type { Rules } from './types.js';

/** Where the digest template is, relative to the rules folder. */
export const DIGEST_TEMPLATE_FILE = join('templates', 'digest.yaml');

export interface DigestTemplate {
  html: string;
  partials: Record<string, string>;
}

/** The names the digest's view holds (see htmlView in src/digest/render-html.ts). */
export const DIGEST_FIELDS: ReadonlySet<string> = new Set([
  'subject', 'about', 'deadline', 'submissionsLine', 'footer',
  'charts', 'heading', 'firstColumn', 'whole', 'columns', 'rows', 'title', 'cells', 'width', 'height',
  'bars', 'titleY', 'barY', 'totalWidth', 'periodWidth', 'valueX', 'valueY', 'value', 'legend',
  'attention', 'nothing', 'groups', 'count', 'hasItems', 'items', 'recordId', 'who', 'detail', 'newMark',
  'notReplied', 'everyoneReplied', 'categories', 'names', 'name', 'bounced', 'last',
  'submissions', 'nothingNew', 'sections', 'entries', 'anchor', 'id', 'received', 'late', 'sender',
  'category', 'subjectLabel', 'excerpt', 'alsoUnder', 'label', 'titles', 'evidence', 'text',
  'attachments', 'files', 'readable', 'hasLinks', 'followUpOf', 'link', 'linked', 'both', 'followedUpBy', 'links',
  'automatic', 'none', 'kinds', 'list', 'more',
  'campaigns', 'campaignId', 'size', 'arrivals', 'about', 'templateLabel', 'template', 'additionsLabel', 'additions', 'noAdditions', 'campaignLine', 'split', 'join',
  'review', 'intro', 'address', 'reasons', 'href', 'correct', 'decided', 'personalData',
]);

const schema = z.strictObject({
  html: z.string().min(1),
  /** Parts the template uses with {{> name}}. */
  partials: z.record(z.string().regex(/^[a-zA-Z][\w-]*$/), z.string()).default({}),
});

export function loadDigestTemplate(rulesDir: string): DigestTemplate {
  const file = join(rulesDir, DIGEST_TEMPLATE_FILE);
  const text = readRulesText(file);
  const t = parseYamlRules(text, file, schema);
  const partials = new Set(Object.keys(t.partials));
  const check = { fields: DIGEST_FIELDS, partials, unescaped: false, what: 'the digest' };
  checkMustache(file, text, ['html'], t.html, { ...check, required: ['subject', 'sections'] });
  for (const [name, part] of Object.entries(t.partials)) checkMustache(file, text, ['partials', name], part, check);
  return { html: t.html, partials: t.partials };
}

/**
 * The digest template of the rules in use: read from their folder and checked again (loadRules
 * checked it already, so a mistake stops the start, config check and a reload with file and line).
 */
export function digestTemplateFor(rules: Pick<Rules, 'dir'>): DigestTemplate {
  return loadDigestTemplate(rules.dir);
}
