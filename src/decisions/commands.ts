// Command lines in the body of a caseworker's mail, and the lines the digest's links prepare:
//   /innspill 2021-0042 #<token>               (optionally a consultation's id after the token: ogp-4b)
//   /ikke-innspill 2021-0042 #<token>
//   /forpliktelser 2021-0042 #<token> einnsyn, journalforing
//   /notat 2021-0042 #<token> any text on one line
//   /personopplysninger 2021-0042 #<token>      (contains personal data; "nei" after the token: does not)
//   /kampanje-ut 2021-0042 #<token>             (take the submission out of its campaign)
//   /kampanje-sammen 2021-0042 #<token> k-2021-0107   (join its campaign with another campaign)
// The token (tokens.ts) follows the id, so a caseworker may edit what comes after it (the list of
// commitments, the note) without breaking it. Quoted lines ("> …") are never commands. Pure.
import type { CampaignRequest, ChangeRequest } from './types.js';
import type { CommandKey, CommandVerb } from './tokens.js';

export const VERBS: readonly CommandVerb[] = ['innspill', 'ikke-innspill', 'forpliktelser', 'notat', 'personopplysninger', 'kampanje-ut', 'kampanje-sammen'];

export interface CommandLine {
  /** 1-based line number in the body, for the reply. */
  lineNumber: number;
  verb: CommandVerb;
  id: string;
  /** Without the leading "#"; null when the line has none. */
  token: string | null;
  /** What follows the token (commitments, the note), trimmed. */
  args: string;
}

const LINE = /^\/([a-zæøå-]+)(?:[ \t]+(\S+))?(?:[ \t]+#(\S+))?(?:[ \t]+(.*))?$/i;

/** The command lines of a body (own lines only, not quoted ones). */
export function commandLines(text: string): CommandLine[] {
  const found: CommandLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\u00a0/g, ' ').trim();
    const m = LINE.exec(line);
    if (!m) return;
    const verb = m[1]!.toLowerCase() as CommandVerb;
    if (!VERBS.includes(verb)) return;
    found.push({ lineNumber: i + 1, verb, id: m[2] ?? '', token: m[3] ?? null, args: (m[4] ?? '').trim() });
  });
  return found;
}

/** Whether any line of the text is a command line (the test that makes a mail a command mail). */
export function hasCommandLine(text: string): boolean {
  return commandLines(text).length > 0;
}

/** A commitments argument: ids separated by commas or spaces; "ingen" or "-" for none. */
export function commitmentArgs(args: string): string[] {
  const words = args.split(/[\s,;]+/).map((w) => w.trim().toLowerCase()).filter(Boolean);
  return words.length === 1 && (words[0] === 'ingen' || words[0] === '-') ? [] : words;
}

/**
 * The change a command line asks for. `/innspill` and `/ikke-innspill` decide a message waiting
 * for a decision (or already decided: then they are a replay); on any other record they correct
 * whether it is input. `/kampanje-ut` and `/kampanje-sammen` are campaign decisions. null: nothing
 * to do (an empty note).
 */
export function requestOf(line: CommandLine, decidable: boolean): ChangeRequest | CampaignRequest | null {
  switch (line.verb) {
    case 'innspill':
    case 'ikke-innspill': {
      const input = line.verb === 'innspill';
      // "/innspill ID #token ogp-4b": input to that consultation (a held message routing could not place).
      const consultation = input && line.args ? { consultation: line.args.split(/\s+/)[0]! } : {};
      if (decidable || 'consultation' in consultation) return { kind: 'decide', id: line.id, decision: input ? 'input' : 'not-input', ...consultation };
      return { kind: 'correct', id: line.id, relevant: input };
    }
    case 'forpliktelser':
      return { kind: 'correct', id: line.id, commitments: commitmentArgs(line.args) };
    case 'notat':
      return line.args ? { kind: 'correct', id: line.id, note: line.args } : null;
    case 'personopplysninger':
      return { kind: 'correct', id: line.id, personalData: line.args.split(/\s+/)[0]!.toLowerCase() !== 'nei' };
    case 'kampanje-ut':
      return { kind: 'campaign', id: line.id, action: 'split' };
    case 'kampanje-sammen':
      return { kind: 'campaign', id: line.id, action: 'join', with: line.args.split(/\s+/)[0]!.toLowerCase() };
  }
}

/** One prepared command line with its token; `args` only for /forpliktelser and /notat. */
export function commandLine(key: CommandKey, verb: CommandVerb, id: string, args = ''): string {
  return `/${verb} ${id} #${key.sign(verb, id)}${args ? ` ${args}` : ''}`;
}
