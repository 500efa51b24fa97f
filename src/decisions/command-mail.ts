// Telling a command mail from consultation input, before intake classifies anything: a mail whose
// own lines hold a command line (commands.ts) is a command mail, whoever sent it. It is never filed,
// never answered with a receipt, and leaves the inbox for the command folder. Whether it is obeyed
// is judged here too: only when the From is a caseworker the receiving server did not find forged,
// and every line carries the right token.
import { parseMessage } from '../intake/parse.js';
import { forgedSender } from '../intake/sender.js';
import { commandLines, type CommandLine } from './commands.js';
import type { CommandKey } from './tokens.js';

export interface CommandMail {
  /** The From address, lower case; null when there is none. */
  from: string | null;
  /** The receiving server's verdict when it found the From forged (DMARC), else null. */
  forged: string | null;
  subject: string;
  messageId: string | null;
  lines: CommandLine[];
}

const MARKER = /(^|\n)[ \t]*\/(innspill|ikke-innspill|forpliktelser|notat|personopplysninger|kampanje-ut|kampanje-sammen)[ \t]/i;

/** The From header of the raw message (folded lines unfolded), for the quick test. */
function rawFromHeader(raw: Buffer): string {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const headers = (end < 0 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  return /^from:(.*)$/im.exec(headers)?.[1]?.toLowerCase() ?? '';
}

/**
 * The command mail in these bytes, or null when it is none. Parsing a whole message twice would
 * cost every message, so it is parsed here only when the From names a caseworker or the bytes show
 * a command line as they are; any other mail goes on to intake unparsed.
 */
export async function readCommandMail(raw: Buffer, caseworkers: readonly string[]): Promise<CommandMail | null> {
  const from = rawFromHeader(raw);
  if (!caseworkers.some((c) => from.includes(c.toLowerCase())) && !MARKER.test(raw.toString('latin1'))) return null;
  const m = await parseMessage(raw);
  if (!m.isMail) return null;
  const lines = commandLines(m.text);
  if (lines.length === 0) return null;
  return { from: m.from?.address.toLowerCase() ?? null, forged: forgedSender(m.headers), subject: m.subject, messageId: m.messageId, lines };
}

export interface Refusal {
  /** The line it is about; null for the mail as a whole. */
  lineNumber: number | null;
  code: 'not-caseworker' | 'sender-forged' | 'token-missing' | 'token-invalid' | 'id-missing';
  text: string;
}

/** Whether this mail may change anything: every refusal found (none: obey it). */
export function judgeCommandMail(mail: CommandMail, key: CommandKey, caseworkers: readonly string[]): Refusal[] {
  const refusals: Refusal[] = [];
  const known = caseworkers.map((c) => c.toLowerCase());
  if (!mail.from || !known.includes(mail.from)) {
    refusals.push({ lineNumber: null, code: 'not-caseworker', text: `avsenderen ${mail.from ?? '(ingen)'} er ikke en av saksbehandlerne` });
  } else if (mail.forged) {
    refusals.push({ lineNumber: null, code: 'sender-forged', text: `avsenderadressen er ikke bekreftet av mottakerserveren (${mail.forged})` });
  }
  for (const line of mail.lines) {
    if (!line.id) refusals.push({ lineNumber: line.lineNumber, code: 'id-missing', text: `linje ${line.lineNumber}: /${line.verb} mangler nummer på innspillet` });
    else if (!line.token) refusals.push({ lineNumber: line.lineNumber, code: 'token-missing', text: `linje ${line.lineNumber}: /${line.verb} ${line.id} mangler kontrollkoden (#…) fra lenken i oversikten` });
    else if (!key.verify(line.verb, line.id, line.token)) {
      refusals.push({ lineNumber: line.lineNumber, code: 'token-invalid', text: `linje ${line.lineNumber}: kontrollkoden for /${line.verb} ${line.id} stemmer ikke` });
    }
  }
  return refusals;
}
