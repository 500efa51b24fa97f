// What a stored batch asks of the mailbox, worked out from its outcomes without side effects: the
// messages that leave the inbox, by consultation (each has a filed folder of its own), and the
// caseworkers' command mails (obeyed, then moved to their own folder). The daemon carries it out.
import type { CommandMail } from './decisions/command-mail.js';
import type { Incoming } from './mailbox/types.js';
import type { Outcome } from './pipeline.js';

export interface BatchMoves {
  /** Consultation id (null: the default one's folder) → the messages to move there. */
  filed: Map<string | null, Incoming[]>;
  commands: { mails: CommandMail[]; items: Incoming[] };
}

export function batchMoves(batch: Incoming[], outcomes: Outcome[]): BatchMoves {
  const filed = new Map<string | null, Incoming[]>();
  const commands: BatchMoves['commands'] = { mails: [], items: [] };
  outcomes.forEach((o, i) => {
    const item = batch[i]!;
    if (o.kind === 'command') {
      commands.mails.push(o.mail);
      commands.items.push(item);
    }
    if ((o.kind === 'filed' || o.kind === 'duplicate') && o.move) {
      const consultation = o.kind === 'filed' ? (o.record.consultation?.id ?? null) : o.consultation;
      filed.set(consultation, [...(filed.get(consultation) ?? []), item]);
    }
  });
  return { filed, commands };
}
