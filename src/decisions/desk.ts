// The daemon's part in caseworkers' decisions: requests from the command line (state/requests/),
// command mails found by the pipeline, and held messages whose move out of the inbox a crash left
// unfinished. The daemon calls it at a few points of its loop; everything else is here.
import type { FiledFolder } from '../mailbox/filed-folder.js';
import { formatReclassify, reclassify } from '../commands/reclassify.js';
import type { CommandMail } from './command-mail.js';
import { caseworkersOf, COMMAND_SUBFOLDER, Decisions, type DecisionDeps } from './engine.js';
import { RequestInbox, requestsDir, type Answer, type RequestBody } from './requests.js';
import type { ChangeResult } from './types.js';

/** Refusals that are a mistake in the command line (exit 2); the others are findings (exit 1). */
const USAGE_CODES = new Set(['unknown-commitment', 'unknown-organisation', 'unknown-consultation', 'consultation-needs-input', 'nothing-to-change']);

export function answerOf(result: ChangeResult): Answer {
  if (result.outcome === 'refused') return { exitCode: USAGE_CODES.has(result.code) ? 2 : 1, text: `innspill: ${result.text}\n`, json: result };
  return { exitCode: 0, text: `${result.outcome === 'ok' ? 'Utført' : 'Uendret'}: ${result.text}\n`, json: result };
}

/** Carries out one request with what the process holding the store has. */
export async function carryOut(body: RequestBody, deps: DecisionDeps, decisions: Decisions, reloadRules: () => boolean): Promise<Answer> {
  if (body.kind === 'change') return answerOf(await decisions.change(body.request, body.who));
  // The daemon takes the new rules first, so what it files from now on is judged by them too.
  if (!reloadRules()) return { exitCode: 2, text: 'innspill: the rules have a mistake; the running innspill keeps the last good rules and nothing was reclassified (see its log)\n' };
  const summary = await reclassify(deps.store, deps.rules(), deps.now());
  const { files, bytes } = summary.stateFilesRemoved;
  deps.log.info(
    { records: summary.records, changed: summary.changed, skipped: summary.skipped, untouched: summary.untouched, stateFilesRemoved: files, stateBytesRemoved: bytes },
    'reclassified the store',
  );
  return { exitCode: 0, text: formatReclassify(summary) };
}

export class DecisionDesk {
  readonly decisions: Decisions;
  private readonly requests: RequestInbox;

  constructor(
    private readonly deps: DecisionDeps,
    private readonly reloadRules: () => boolean,
  ) {
    this.decisions = new Decisions(deps);
    this.requests = new RequestInbox(requestsDir(deps.config.dataDir));
  }

  /** Starts watching for requests and finishes the moves a crash left undone. */
  async start(): Promise<void> {
    await this.requests.start();
    await this.decisions.resumeMoves().catch((err: unknown) => this.deps.log.warn({ err: (err as Error).message }, 'decided messages could not be moved out of the inbox yet'));
  }

  caseworkers(): string[] {
    return caseworkersOf(this.deps.config, this.deps.rules());
  }

  commandFolder(): FiledFolder {
    return { imap: this.deps.config.imap?.commandFolder ?? 'Innspill/Beslutninger', maildir: COMMAND_SUBFOLDER };
  }

  /** The command mails of a batch, one after another. */
  async commandMails(mails: CommandMail[]): Promise<void> {
    for (const mail of mails) await this.decisions.commandMail(mail);
  }

  /** Every request waiting from the command line; then the answers to command mails that are due again. */
  async handleRequests(): Promise<number> {
    const handled = await this.requests.handleAll((body) => carryOut(body, this.deps, this.decisions, this.reloadRules));
    await this.decisions.replies.sendDue();
    return handled;
  }

  /** For the loop's wait: aborts when the daemon stops or a request arrives. */
  waitSignal(outer: AbortSignal): AbortSignal {
    return this.requests.waitSignal(outer);
  }

  close(): void {
    this.requests.close();
    this.decisions.replies.close();
  }
}

