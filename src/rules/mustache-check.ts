// Checks a Mustache template kept in a YAML rules file (receipts, the digest): its syntax, that it
// uses only known fields and parts, and what it must show; every mistake with the file and the
// line inside the YAML file where it sits.
import Mustache from 'mustache';
import { yamlLibrary } from './yaml-lib.js';
import { RulesError } from './yaml-file.js';

type Token = [string, string, number, number, Token[]?];

export interface TemplateRules {
  /** Field names the template may use ("." is always allowed). */
  fields: ReadonlySet<string>;
  /** Fields it must use. */
  required?: readonly string[];
  /** What the template makes, for the message about a required field: "the receipt". */
  what: string;
  /** Names of the parts {{> name}} may use. */
  partials?: ReadonlySet<string>;
  /** false: no {{{ }}} or {{& }} (every value escaped). */
  unescaped?: boolean;
}

function tokensOf(tokens: Token[], out: Array<{ type: string; name: string; at: number }>): void {
  for (const t of tokens) {
    if (['name', '&', '{', '#', '^', '>'].includes(t[0])) out.push({ type: t[0], name: t[1], at: t[2] });
    if (t[4]) tokensOf(t[4], out);
  }
}

/**
 * Checks the template at `path` (a key, or keys, of the YAML map) in `text` of `file`; returns
 * the fields it uses, with their lines.
 */
export function checkMustache(file: string, text: string, path: string[], template: string, rules: TemplateRules): Array<{ name: string; line: number }> {
  const { LineCounter, parseDocument, isScalar } = yamlLibrary();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  // The line of the template's first character, to report mistakes where they are.
  let startLine = 1;
  const node = doc.getIn(path, true);
  if (isScalar(node) && node.range) startLine = lines.linePos(node.range[0]).line + (String(node.type).startsWith('BLOCK') ? 1 : 0);
  const key = path.join('.');
  const lineOf = (offset: number) => startLine + (template.slice(0, offset).match(/\n/g)?.length ?? 0);
  let tokens: Token[];
  try {
    tokens = Mustache.parse(template) as unknown as Token[];
  } catch (err) {
    const at = /at (\d+)/.exec((err as Error).message);
    throw new RulesError(file, at ? lineOf(Number(at[1])) : startLine, null, `${key}: ${(err as Error).message}`);
  }
  const used: Array<{ type: string; name: string; at: number }> = [];
  tokensOf(tokens, used);
  for (const u of used) {
    if (u.type === '>') {
      if (!rules.partials?.has(u.name)) {
        const known = rules.partials && rules.partials.size > 0 ? `the parts are: ${[...rules.partials].join(', ')}` : 'there are no parts (partials:)';
        throw new RulesError(file, lineOf(u.at), null, `${key}: unknown part {{> ${u.name}}}; ${known}`);
      }
      continue;
    }
    if (rules.unescaped === false && (u.type === '&' || u.type === '{')) {
      throw new RulesError(file, lineOf(u.at), null, `${key}: {{{${u.name}}}} would show ${u.name} unescaped; write {{${u.name}}}`);
    }
    if (u.name !== '.' && !rules.fields.has(u.name)) {
      throw new RulesError(file, lineOf(u.at), null, `${key}: unknown field {{${u.name}}}; the fields are: ${[...rules.fields].join(', ')}`);
    }
  }
  for (const r of rules.required ?? []) {
    if (!used.some((u) => u.name === r)) throw new RulesError(file, startLine, null, `${key}: ${rules.what} must show {{${r}}}`);
  }
  return used.filter((u) => u.type !== '>').map((u) => ({ name: u.name, line: lineOf(u.at) }));
}
