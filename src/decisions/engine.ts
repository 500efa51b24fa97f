// A person's changes carried out: the record first (the commit point: the override, and for a held
// message decided to be input its receipt queued and its move out of the inbox marked pending),
// then the mailbox move, then the receipt. A crash anywhere after the record is written is finished
// by the next start (resumeMoves, and the receipt outbox, which sends a pending receipt once).
// Used by the daemon (requests from the command line, command mails) and by the command line
// itself when no daemon runs.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { filedFolderFor } from '../mailbox/filed-folder.js';
import type { Incoming, Mailbox } from '../mailbox/types.js';
import type { Rules } from '../rules/types.js';
import { rulesFor } from '../rules/views.js';
import type { Store } from '../store/json-store.js';
import type { SubmissionRecord } from '../store/record.js';
import { faultPoint } from '../faults.js';
import { classifyAgain } from '../store/classify-again.js';
import { applyOverrides } from './overrides.js';
import { isAwaitingDecision, planChange, type ChangePlan } from './change.js';
import { judgeCommandMail, type CommandMail } from './command-mail.js';
import { requestOf } from './commands.js';
import { composeReply, confirmation, refusal, type ReplyContent } from './reply.js';
import { ReplyOutbox, repliesDir } from './reply-outbox.js';
import { CommandKey } from './tokens.js';
import { latestOverride, type CampaignRequest, type ChangeRequest, type ChangeResult, type OverrideBase } from './types.js';
import { applyCampaignPlan, planCampaignChange } from './campaign-change.js';
import { forgetCampaigns } from '../store/campaign-tracker.js';

export interface DecisionDeps {
  config: Config;
  rules: () => Rules;
  store: Store;
  mailbox: Mailbox;
  receipts: { allow(address: string): boolean; released(record: SubmissionRecord): void };
  /** Asks for queued receipts to be sent (soon, or now). */
  sendReceipts: () => void;
  log: Logger;
  now: () => Date;
}

/** The Maildir sub-folder of handled command mails. */
export const COMMAND_SUBFOLDER = '.beslutninger';

/** Whose command mails are obeyed: INNSPILL_CASEWORKERS, else every digest recipient. */
export function caseworkersOf(config: Pick<Config, 'caseworkers' | 'digest'>, rules: Rules): string[] {
  if (config.caseworkers) return config.caseworkers.map((a) => a.toLowerCase());
  const all = [...config.digest.to, ...rules.consultations.flatMap((v) => v.consultation.digestTo)];
  return [...new Set(all.map((a) => a.toLowerCase()))];
}

export class Decisions {
  private key: CommandKey | null = null;
  /** Answers to command mails, kept until delivered. */
  readonly replies: ReplyOutbox;

  constructor(private readonly deps: DecisionDeps) {
    this.replies = new ReplyOutbox(deps.config, repliesDir(deps.store.dir), deps.log.child({ part: 'replies' }), deps.now);
  }

  private async commandKey(): Promise<CommandKey> {
    this.key ??= await CommandKey.forStore(this.deps.store.dir);
    return this.key;
  }

  /** One change, carried out. */
  async change(request: ChangeRequest, who: Omit<OverrideBase, 'at'>): Promise<ChangeResult> {
    const { store, rules, now } = this.deps;
    let plan: ChangePlan | null = null;
    await store.modify(request.id, async (current) => {
      plan = planChange({ record: current, request, rules: rulesFor(rules(), current.consultation?.id), who, now: now(), receiptAllowed: (a) => this.deps.receipts.allow(a) });
      // Put in another consultation, or chosen for one it was held between (its deadline then is that
      // one's alone: a mail late for the other was held as late): judged again by its rules
      // (commitments, deadline: the receipt says late or not by its deadline), with the person's
      // decisions over what they say.
      const chosenNow = plan.record?.consultation?.reason.code === 'person' && current.consultation?.reason.code === 'uncertain';
      const moved = plan.record !== null && (plan.record.consultation?.id !== current.consultation?.id || chosenNow);
      if (!moved) return plan.record;
      const chosen = plan.record!;
      return applyOverrides({ ...chosen, ...(await classifyAgain(store, rules(), chosen, now())) }, rulesFor(rules(), chosen.consultation?.id));
    });
    const done: ChangePlan = plan ?? planChange({ record: null, request, rules: rules(), who, now: now(), receiptAllowed: () => false });
    const log = this.deps.log.child({ id: request.id });
    if (done.result.outcome !== 'ok') {
      log.info({ by: who.by, via: who.via, outcome: done.result.outcome, code: done.result.code }, `decision for ${request.id} not applied (${done.result.code})`);
      return done.result;
    }
    log.info({ by: who.by, via: who.via, fields: done.record!.overrides!.slice(-5).map((o) => o.field) }, `decision for ${request.id} applied`);
    faultPoint('decision-stored');
    if (done.releasesHeld) await this.moveOut(done.record!);
    // Either decision ends the hold: the receipt counts as what it became (pending, or not sent).
    if (done.receiptWasHeld === true) this.deps.receipts.released(done.record!);
    if (done.releasesHeld) this.deps.sendReceipts();
    return done.result;
  }

  /** A campaign decision: checked again against the campaigns as they are now, then kept. */
  async campaignChange(request: CampaignRequest, who: Omit<OverrideBase, 'at'>): Promise<ChangeResult> {
    const { store, rules, now } = this.deps;
    const result = await applyCampaignPlan(store, await planCampaignChange(store, rules(), request), now());
    // The daemon's grouping of new records is made again with the decision.
    if (result.outcome === 'ok') forgetCampaigns(store);
    this.deps.log.child({ id: request.id }).info({ by: who.by, via: who.via, outcome: result.outcome, code: result.code }, `campaign decision for ${request.id}: ${result.code} (${result.outcome})`);
    return result;
  }

  /** At start: held messages decided to be input whose move out of the inbox was not done yet. */
  async resumeMoves(): Promise<void> {
    for (const r of await this.deps.store.readAll()) if (r.inboxMove?.status === 'pending') await this.moveOut(r);
  }

  /** Where the message is now: a Maildir file may have moved from new/ to cur/ with other flags. */
  private async locate(r: SubmissionRecord): Promise<Incoming | 'gone' | 'unknown'> {
    const source = r.source;
    if (source.kind === 'maildir' && this.deps.mailbox.kind === 'maildir') {
      const unique = source.file.split('/')[1]!.split(':')[0]!;
      for (const dir of ['new', 'cur']) {
        const names = await readdir(join(this.deps.config.maildir, dir)).catch(() => [] as string[]);
        const name = names.find((n) => n.split(':')[0] === unique);
        if (name) return { raw: Buffer.alloc(0), source: { kind: 'maildir', file: `${dir}/${name}` }, mailboxDate: null };
      }
      return 'gone';
    }
    if (source.kind === 'imap' && this.deps.mailbox.kind === 'imap') {
      const state = await this.deps.store.readState<{ mailbox: string; uidValidity: string | null } | null>('imap', null);
      if (state?.mailbox === source.mailbox && state.uidValidity === source.uidValidity) return { raw: Buffer.alloc(0), source, mailboxDate: null };
      return 'unknown';
    }
    return 'unknown';
  }

  private async moveOut(record: SubmissionRecord): Promise<void> {
    const { store, config, rules, log } = this.deps;
    let error: string | null = null;
    let status: 'done' | 'pending' = 'done';
    const found = await this.locate(record);
    if (found === 'gone') error = 'meldingen ble ikke funnet i innboksen (flyttet eller slettet av noen?)';
    else if (found === 'unknown') error = 'meldingen kan ikke finnes igjen i denne postkassen; flytt den for hånd';
    else {
      try {
        await this.deps.mailbox.moveFiled([found], filedFolderFor(rulesFor(rules(), record.consultation?.id), config.imap?.filedFolder ?? null));
      } catch (err) {
        status = 'pending';
        error = (err as Error).message;
      }
    }
    if (error) log.child({ id: record.id }).warn({ error }, `the decided message ${record.id} could not be moved out of the inbox${status === 'pending' ? '; tried again at the next start' : ''}`);
    await store.modify(record.id, (r) => ({ ...r, inboxMove: { status, at: this.deps.now().toISOString(), error } }));
  }

  /**
   * A command mail: obeyed whole or not at all. Every line is checked (sender, tokens, and that
   * the change makes sense for the record as it is) before anything changes; the caseworker then
   * gets one answer. Returns the results of the lines applied (empty when refused).
   */
  async commandMail(mail: CommandMail): Promise<{ applied: ChangeResult[]; refused: string[] }> {
    const { config, rules, store, log, now } = this.deps;
    const caseworkers = caseworkersOf(config, rules());
    const reasons = judgeCommandMail(mail, await this.commandKey(), caseworkers).map((r) => r.text);
    const who = { by: mail.from ?? '', via: 'mail' as const };
    const requests: Array<ChangeRequest | CampaignRequest> = [];
    if (reasons.length === 0) {
      // A dry run over copies: the lines of one mail apply one after another.
      const seen = new Map<string, SubmissionRecord | null>();
      for (const line of mail.lines) {
        const record = seen.has(line.id) ? seen.get(line.id)! : await store.get(line.id);
        const decidable = record !== null && (isAwaitingDecision(record) || latestOverride(record.overrides, 'decision') !== null);
        const request = requestOf(line, decidable);
        if (!request) continue;
        if (request.kind === 'campaign') {
          const plan = await planCampaignChange(store, rules(), request);
          if (plan.result.outcome === 'refused') reasons.push(`linje ${line.lineNumber}: ${plan.result.text}`);
          requests.push(request);
          continue;
        }
        const plan = planChange({ record, request, rules: rulesFor(rules(), record?.consultation?.id), who, now: now(), receiptAllowed: () => true });
        if (plan.result.outcome === 'refused') reasons.push(`linje ${line.lineNumber}: ${plan.result.text}`);
        seen.set(line.id, plan.record ?? record);
        requests.push(request);
      }
    }
    // Kept in the store before the first try, and tried again until delivered (reply-outbox.ts).
    const reply = async (content: ReplyContent) => {
      if (!mail.from || !caseworkers.includes(mail.from)) return;
      await this.replies.queue(await composeReply(config, rules(), mail.from, mail, content, now()));
    };
    if (reasons.length > 0) {
      log.warn({ from: mail.from, lines: mail.lines.length, reasons: reasons.length }, 'command mail not obeyed; nothing changed');
      await reply(refusal(reasons));
      return { applied: [], refused: reasons };
    }
    const applied: ChangeResult[] = [];
    for (const request of requests) applied.push(request.kind === 'campaign' ? await this.campaignChange(request, who) : await this.change(request, who));
    log.info({ from: mail.from, lines: mail.lines.length, changed: applied.filter((r) => r.outcome === 'ok').length }, 'command mail obeyed');
    await reply(confirmation(applied));
    return { applied, refused: [] };
  }
}
