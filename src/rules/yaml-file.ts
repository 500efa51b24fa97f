// Reads one YAML rules file and validates it against a zod schema. Every mistake is reported
// with the file name and the line and column where it sits, so a caseworker editing rules/ can
// find it without a developer.
import { readFileSync } from 'node:fs';
import type { Document, LineCounter } from 'yaml';
import { yamlLibrary } from './yaml-lib.js';
import type { z } from 'zod';

export class RulesError extends Error {
  readonly file: string;
  readonly line: number | null;
  constructor(file: string, line: number | null, column: number | null, message: string) {
    const where = line === null ? file : `${file}:${line}${column === null ? '' : `:${column}`}`;
    super(`${where}: ${message}`);
    this.name = 'RulesError';
    this.file = file;
    this.line = line;
  }
}

/** Position of the YAML node at `path`, or of the nearest parent that exists. */
function positionOf(doc: Document, lines: LineCounter, path: PropertyKey[]): { line: number; col: number } | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as (string | number)[], true);
    if (yamlLibrary().isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line, col: pos.col };
    }
  }
  return null;
}

function describePath(path: PropertyKey[]): string {
  if (path.length === 0) return '';
  return ` (at ${path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('')})`;
}

/** Control characters other than tab and line feed (a block of text may hold those). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

const ESCAPES: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 11: '\\v', 12: '\\f', 13: '\\r', 27: '\\e' };

function controlCharacterMessage(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const escape = ESCAPES[code];
  const how = escape
    ? `In a double-quoted YAML string "${escape}" is that control character, not a regular expression's ${escape === '\\b' ? 'word boundary' : 'escape'}: write "\\${escape}" inside double quotes, or put the pattern in single quotes.`
    : 'Remove it, or write the pattern in single quotes.';
  return `a rule contains the control character ${hex}; it would never match what a sender writes. ${how}`;
}

/** Parses YAML text; `displayName` is the name used in error messages. */
export function parseYamlRules<S extends z.ZodType>(text: string, displayName: string, schema: S): z.output<S> {
  const { LineCounter, parseDocument, visit } = yamlLibrary();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = lines.linePos(first.pos[0]);
    throw new RulesError(displayName, pos.line, pos.col, `not valid YAML: ${first.message.split('\n')[0]}`);
  }
  // An unquoted word that starts with "*" is a YAML alias; say so where it stands.
  let alias: { line: number; col: number; source: string } | null = null;
  visit(doc, {
    Alias(_, node) {
      if (alias === null && node.resolve(doc) === undefined && node.range) {
        const pos = lines.linePos(node.range[0]);
        alias = { line: pos.line, col: pos.col, source: node.source };
      }
    },
  });
  if (alias !== null) {
    const a: { line: number; col: number; source: string } = alias;
    throw new RulesError(displayName, a.line, a.col, `"*${a.source}" must be written in quotes ("*${a.source}"): a word that starts with * is otherwise read as a YAML alias`);
  }
  // A control character in a rule is never meant: in a double-quoted YAML string "\b" is a
  // backspace, not a regular expression's word boundary, and the pattern silently never matches.
  let control: { line: number; col: number; char: number } | null = null;
  visit(doc, {
    Scalar(_, node) {
      if (control !== null || typeof node.value !== 'string' || !node.range) return;
      const at = node.value.search(CONTROL);
      if (at >= 0) {
        const pos = lines.linePos(node.range[0]);
        control = { line: pos.line, col: pos.col, char: node.value.charCodeAt(at) };
      }
    },
  });
  if (control !== null) {
    const c: { line: number; col: number; char: number } = control;
    throw new RulesError(displayName, c.line, c.col, controlCharacterMessage(c.char));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new RulesError(displayName, null, null, `not valid YAML: ${(err as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const pos = positionOf(doc, lines, issue.path);
    const hint = /expected string, received object/.test(issue.message) ? ' — a text with ": " in it must be written in quotes' : '';
    throw new RulesError(displayName, pos?.line ?? null, pos?.col ?? null, `${issue.message}${describePath(issue.path)}${hint}`);
  }
  return result.data;
}

/** A file or folder of the rules that cannot be read, with why (ENOENT …) and what it is for. */
export function unreadable(path: string, err: unknown, what?: string): RulesError {
  return new RulesError(path, null, null, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})${what ? `; ${what}` : ''}`);
}

/** A rules file's text; a file that cannot be read is a RulesError naming it and why. */
export function readRulesText(path: string, displayName = path): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw unreadable(displayName, err);
  }
}

export function readYamlRules<S extends z.ZodType>(path: string, displayName: string, schema: S): z.output<S> {
  return parseYamlRules(readRulesText(path, displayName), displayName, schema);
}
