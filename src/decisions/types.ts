// A person's decisions about a filed message, kept in its record as overrides. Each override says
// what was decided, by whom, when, through which way (a command mail or the command line) and what
// the rules had said at that moment. The record's fields hold the decided values (so every reader
// shows them); the overrides say which values a person decided, and are applied again after every
// `reclassify`, so no rule change undoes them.
//
// One module for every kind of override: other parts (campaign grouping, say) add their fields to
// OverrideField and a member to Override, and reuse OverrideBase and latestOverride().

/** What a caseworker decides about a held message. */
export type Decision = 'input' | 'not-input';

/** The fields a person can decide, as stable codes. */
export type OverrideField = 'decision' | 'relevant' | 'automatic' | 'commitments' | 'organisation' | 'note' | 'consultation' | 'personalData';

/** How the decision reached innspill. */
export type OverrideVia = 'mail' | 'cli';

export interface OverrideBase {
  /** Who decided: the caseworker's e-mail address (mail), or the login name (command line). */
  by: string;
  /** ISO time it was applied. */
  at: string;
  via: OverrideVia;
}

export type Override = OverrideBase &
  (
    | { field: 'decision'; value: Decision; rules: { relevant: boolean; automatic: boolean } }
    | { field: 'relevant'; value: boolean; rules: boolean }
    | { field: 'automatic'; value: boolean; rules: boolean }
    /** Commitment and topic ids, in the plan's order. */
    | { field: 'commitments'; value: string[]; rules: string[] }
    /** An organisation's exact name from the register, or null: "unknown". */
    | { field: 'organisation'; value: string | null; rules: string | null }
    /** A free note; notes add up, they never replace each other. */
    | { field: 'note'; value: string; rules: null }
    /** The consultation a held message belongs to (one routing could not tell): its id; the rules' choice beside it. */
    | { field: 'consultation'; value: string; rules: string | null }
    /** The text or an attachment contains personal data: the archive export screens it (skjerming). */
    | { field: 'personalData'; value: boolean; rules: boolean }
  );

export type OverrideOf<F extends OverrideField> = Extract<Override, { field: F }>;

/** The latest override of one field (null when a person never decided it). */
export function latestOverride<F extends OverrideField>(overrides: readonly Override[] | undefined, field: F): OverrideOf<F> | null {
  const found = (overrides ?? []).filter((o): o is OverrideOf<F> => o.field === field);
  return found.at(-1) ?? null;
}

/** Whether a person decided this field of the record. */
export function decidedByPerson(overrides: readonly Override[] | undefined, field: OverrideField): boolean {
  return latestOverride(overrides, field) !== null;
}

/**
 * A change asked for by a person (command line or command mail), as plain data. `decide` settles
 * a held message; `correct` changes labels of any record; `note` adds a note.
 */
export type ChangeRequest =
  /** `consultation`: the consultation it is input to, when routing could not tell (only with input). */
  | { kind: 'decide'; id: string; decision: Decision; commitments?: string[]; note?: string; consultation?: string }
  | {
      kind: 'correct';
      id: string;
      relevant?: boolean;
      automatic?: boolean;
      commitments?: string[];
      /** An organisation's name (or short name) from the register, or null: unknown. */
      organisation?: string | null;
      /** Contains personal data (true) or not (false). */
      personalData?: boolean;
      note?: string;
    };

/**
 * A campaign decision asked for by command mail (kept with the campaigns, store/campaign-index.ts,
 * not in a record): `split` takes submission `id` out of its campaign; `join` joins its campaign
 * with the campaign `with` (k-…).
 */
export type CampaignRequest = { kind: 'campaign'; id: string; action: 'split' } | { kind: 'campaign'; id: string; action: 'join'; with: string };

/** What a change did, for people (bokmål) and code. */
export interface ChangeResult {
  id: string;
  /** ok: applied; unchanged: already so (a replay); refused: nothing done, `text` says why. */
  outcome: 'ok' | 'unchanged' | 'refused';
  code: string;
  text: string;
}
