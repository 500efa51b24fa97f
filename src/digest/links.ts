// The digest's links that prepare a caseworker's command mail: `mailto:` the watched mailbox, a
// subject and body made only of the record id, commitment ids and a token (never anything a sender
// wrote), so no subject or body a sender chose can forge a link or a command.
import { isMailAddress } from '../text/address.js';
import { commandLine } from '../decisions/commands.js';
import type { CommandKey, CommandVerb } from '../decisions/tokens.js';
import { RECORD_ID } from '../store/record.js';
import type { CampaignCommands } from './model.js';

export interface DigestLinks {
  /** The watched mailbox the prepared mail goes to. */
  address: string;
  key: CommandKey;
}

export interface DigestLink {
  label: string;
  href: string;
}

const EXPLAIN = 'Send e-posten som den er. Linjene som begynner med / er beslutninger til innspill; kontrollkoden (#…) må stå urørt. Du kan endre listen av forpliktelser og skrive et notat etter koden.';

export function mailto(address: string, subject: string, body: string): string {
  return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/** A prepared mail with these command lines; null when the id or address cannot be trusted in a link. */
function link(links: DigestLinks, label: string, id: string, subject: string, lines: Array<[CommandVerb, string]>): DigestLink | null {
  if (!RECORD_ID.test(id) || !isMailAddress(links.address)) return null;
  const body = `${lines.map(([verb, args]) => commandLine(links.key, verb, id, args)).join('\n')}\n\n${EXPLAIN}\n`;
  return { label, href: mailto(links.address, `Innspill ${id}: ${subject}`, body) };
}

const safeIds = (ids: string[]) => ids.filter((x) => /^[a-z0-9-]+$/.test(x)).join(', ');

/**
 * The command lines of a held message for a digest without buttons (text, Markdown): one per
 * decision, each whole on its own, for a caseworker to paste into a mail to the watched mailbox.
 * Empty when the id cannot be trusted in a command.
 */
export function reviewCommands(links: DigestLinks, id: string, commitments: string[], consultations: Consultations = []): string[] {
  if (!RECORD_ID.test(id)) return [];
  return [
    commandLine(links.key, 'innspill', id),
    ...consultations.map((c) => commandLine(links.key, 'innspill', id, c.id)),
    commandLine(links.key, 'ikke-innspill', id),
    commandLine(links.key, 'forpliktelser', id, safeIds(commitments) || 'ingen'),
  ];
}

/** The consultations a held message could be input to, when routing could not tell (ids from the rules). */
export type Consultations = Array<{ id: string; label: string }>;

/** "Er innspill" / "Er ikke innspill" / "Endre forpliktelser" for a held message. */
export function reviewLinks(links: DigestLinks, id: string, commitments: string[], consultations: Consultations = []): DigestLink[] {
  return [
    link(links, 'Er innspill', id, 'er innspill', [['innspill', ''], ['forpliktelser', safeIds(commitments) || 'ingen']]),
    // Routing could not tell: one per consultation (its commitments are its own, so none are named).
    ...consultations.filter((c) => safeIds([c.id]) === c.id).map((c) => link(links, `Er innspill til ${c.label}`, id, `er innspill til ${c.id}`, [['innspill', c.id]])),
    link(links, 'Er ikke innspill', id, 'er ikke innspill', [['ikke-innspill', '']]),
    link(links, 'Endre forpliktelser', id, 'endre forpliktelser', [['forpliktelser', safeIds(commitments) || 'ingen'], ['notat', '']]),
  ].filter((l): l is DigestLink => l !== null);
}

/** "Rett opp" for a filed submission: its commitments to edit and a note. */
export function correctLink(links: DigestLinks, id: string, commitments: string[]): DigestLink | null {
  return link(links, 'Rett opp', id, 'rett opp', [['forpliktelser', safeIds(commitments) || 'ingen'], ['notat', '']]);
}

/** "Har personopplysninger" for a filed submission: the archive export screens it. */
export function personalDataLink(links: DigestLinks, id: string): DigestLink | null {
  return link(links, 'Har personopplysninger', id, 'har personopplysninger', [['personopplysninger', '']]);
}

/**
 * "Rett opp" as command lines to paste (text and Markdown), each whole on its own: the commitments
 * to edit, and the personal-data mark. null when the id cannot be trusted in a command.
 */
export function correctCommand(links: DigestLinks, id: string, commitments: string[]): { lines: string[]; to: string } | null {
  if (!RECORD_ID.test(id) || !isMailAddress(links.address)) return null;
  return { lines: [commandLine(links.key, 'forpliktelser', id, safeIds(commitments) || 'ingen'), commandLine(links.key, 'personopplysninger', id)], to: links.address };
}

/** The other campaign's id the caseworker writes after the token of a prepared /kampanje-sammen line. */
export const JOIN_PLACEHOLDER = 'k-';

/**
 * A campaign's prepared decisions: out of the campaign for each member named, and joined with
 * another campaign. undefined when an id or the address cannot be trusted in a link.
 */
export function campaignCommands(links: DigestLinks, campaignId: string, firstMember: string, members: string[]): CampaignCommands | undefined {
  if (!RECORD_ID.test(firstMember) || !isMailAddress(links.address)) return undefined;
  const join = link(links, 'Slå sammen', firstMember, `kampanje ${campaignId} slås sammen`, [['kampanje-sammen', JOIN_PLACEHOLDER]]);
  if (!join) return undefined;
  const split = members.flatMap((id) => {
    const l = link(links, 'Ta ut', id, `tas ut av kampanje ${campaignId}`, [['kampanje-ut', '']]);
    return l ? [{ id, href: l.href, line: commandLine(links.key, 'kampanje-ut', id) }] : [];
  });
  return { to: links.address, split, join: { href: join.href, line: commandLine(links.key, 'kampanje-sammen', firstMember, JOIN_PLACEHOLDER) } };
}

/**
 * The links of a consultation's digest: its watched mailbox and the store's command key, made on
 * first use. With `create: false` (a digest only printed, which changes nothing in the store) a
 * store without a key yet gives a digest without links.
 */
export async function digestLinksFor(dataDir: string, rules: { consultation: { mailbox: string } }, o: { create?: boolean } = {}): Promise<DigestLinks | undefined> {
  const { CommandKey } = await import('../decisions/tokens.js');
  if (!isMailAddress(rules.consultation.mailbox)) return undefined;
  const key = o.create === false ? await CommandKey.existing(dataDir) : await CommandKey.forStore(dataDir);
  return key ? { address: rules.consultation.mailbox, key } : undefined;
}
