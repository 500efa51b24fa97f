// What the store remembers about digests (state/digest.json): the last filing number sent, so
// each digest starts exactly where the one before ended, across restarts.
import type { Store } from '../store/json-store.js';
import type { Rules } from '../rules/types.js';

export interface DigestHistoryEntry {
  sentAt: string;
  firstSeq: number;
  lastSeq: number;
  /** New submissions in that digest. */
  count: number;
  messageId: string;
}

export interface DigestState {
  /** Every record with a filing number up to this one has been in a digest that was sent. */
  lastSeq: number;
  lastSentAt: string | null;
  /** The most recent digests, oldest first. */
  history: DigestHistoryEntry[];
}

const STATE_NAME = 'digest';
const HISTORY_LENGTH = 50;

/**
 * Each consultation's digests have a state of their own: state/digest.json for the default
 * consultation (as before innspill ran several), state/digest-<id>.json for the others.
 */
export function digestStateName(rules: Pick<Rules, 'consultation' | 'routing'>): string {
  return rules.consultation.id === rules.routing.default ? STATE_NAME : `${STATE_NAME}-${rules.consultation.id}`;
}

export async function readDigestState(store: Store, name = STATE_NAME): Promise<DigestState> {
  const state = await store.readState<Partial<DigestState>>(name, {});
  return {
    lastSeq: Number.isInteger(state.lastSeq) ? state.lastSeq! : 0,
    lastSentAt: typeof state.lastSentAt === 'string' ? state.lastSentAt : null,
    history: Array.isArray(state.history) ? state.history : [],
  };
}

/** Called only after the digest was accepted for delivery: only then is its last record counted as sent. */
export async function recordDigestSent(store: Store, state: DigestState, sent: DigestHistoryEntry, name = STATE_NAME): Promise<DigestState> {
  const next: DigestState = {
    lastSeq: Math.max(state.lastSeq, sent.lastSeq),
    lastSentAt: sent.sentAt,
    history: [...state.history, sent].slice(-HISTORY_LENGTH),
  };
  await store.writeState(name, next);
  return next;
}
