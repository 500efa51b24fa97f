// Which values of a record a person decided, in words (bokmål) for every reader that shows them:
// `show`, the CSV and spreadsheet exports, the journal listing and the arkivmelding's merknad.
// The values themselves are the record's fields (the decided ones); this says which, by whom and
// when. A note is no decided value: it is shown as a note. Pure: the caller says how a time reads.
import type { SubmissionRecord } from '../store/record.js';
import type { Override, OverrideField } from './types.js';

type LabelField = Exclude<OverrideField, 'note'>;

/** The decided fields in the order readers list them, with their names. */
const FIELD_NAMES: Array<[LabelField, string]> = [
  ['decision', 'innspill eller ikke'],
  ['relevant', 'innspill eller ikke'],
  ['automatic', 'automatisk eller skrevet av en person'],
  ['commitments', 'forpliktelser'],
  ['organisation', 'organisasjon'],
  ['consultation', 'innspillsrunde'],
  ['personalData', 'personopplysninger'],
];

export interface DecidedField {
  field: LabelField;
  /** The field in words. */
  name: string;
  by: string;
  at: string;
}

/** The latest decision of each field a person decided (decision and relevant are one: the later counts). */
export function decidedFields(r: Pick<SubmissionRecord, 'overrides'>): DecidedField[] {
  const latest = new Map<string, Override>();
  for (const o of r.overrides ?? []) {
    if (o.field === 'note') continue;
    latest.set(o.field === 'relevant' ? 'decision' : o.field, o);
  }
  const found: DecidedField[] = [];
  for (const [field, name] of FIELD_NAMES) {
    const o = latest.get(field === 'relevant' ? 'decision' : field);
    if (o && o.field === field) found.push({ field, name, by: o.by, at: o.at });
  }
  return found;
}

/** "forpliktelser, organisasjon (kari@kmd.dep.no, 18.05.2021 kl. 14:03)"; '' when a person decided nothing. */
export function decidedText(r: Pick<SubmissionRecord, 'overrides'>, when: (iso: string) => string): string {
  const groups = new Map<string, { names: string[]; by: string; at: string }>();
  for (const d of decidedFields(r)) {
    const key = `${d.by}\n${d.at}`;
    const g = groups.get(key) ?? { names: [], by: d.by, at: d.at };
    if (!g.names.includes(d.name)) g.names.push(d.name);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => `${g.names.join(', ')} (${g.by}, ${when(g.at)})`).join('; ');
}

/** " – avgjort av saksbehandler (kari@kmd.dep.no, 18.05.2021 kl. 14:03)" when a person decided one of `fields`, else ''. */
export function decidedSuffix(r: Pick<SubmissionRecord, 'overrides'>, fields: LabelField[], when: (iso: string) => string): string {
  const found = decidedFields(r).filter((d) => fields.includes(d.field));
  const last = found.sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  return last ? ` – avgjort av saksbehandler (${last.by}, ${when(last.at)})` : '';
}

/** The merknad of an archived or listed record: "Avgjort av saksbehandler: …", or null. */
export function decidedRemark(r: Pick<SubmissionRecord, 'overrides'>, when: (iso: string) => string): string | null {
  const text = decidedText(r, when);
  return text ? `Avgjort av saksbehandler: ${text}.` : null;
}
