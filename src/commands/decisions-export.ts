// `innspill decisions export --out DIR`: every message a caseworker decided (a decision or a
// corrected label; a note alone is no label), as DIR/<id>.eml beside DIR/labels.yaml in the fixture
// label format (fixtures/labels/README.md). `npm run eval`-style checks can then hold a rule change
// against what caseworkers decided. It reads the store only; it never changes a rule.
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Rules } from '../rules/types.js';
import { Store } from '../store/json-store.js';
import type { SubmissionRecord } from '../store/record.js';
import { yamlLibrary } from '../rules/yaml-lib.js';
import { ensureDirs } from '../store/atomic.js';
import { UsageError } from './usage.js';

const LABEL_FIELDS = new Set(['decision', 'relevant', 'automatic', 'commitments', 'organisation', 'consultation']);

export function isDecided(r: SubmissionRecord): boolean {
  return (r.overrides ?? []).some((o) => LABEL_FIELDS.has(o.field));
}

/** One label entry, in the keys and order of fixtures/labels/*.yaml. */
export function labelOf(r: SubmissionRecord): Record<string, unknown> {
  const decided = [...new Set((r.overrides ?? []).filter((o) => LABEL_FIELDS.has(o.field)).map((o) => o.field))];
  const last = r.overrides!.at(-1)!;
  return {
    file: `${r.id}.eml`,
    note: `decided by ${[...new Set(r.overrides!.map((o) => o.by))].join(', ')} (${decided.join(', ')}), last ${last.at}`,
    relevant: r.relevant,
    automatic: r.automatic,
    organisation: r.sender.organisation,
    category: r.sender.organisation === null ? 'ukjent' : r.sender.category,
    commitments: r.commitments.map((c) => c.id),
    language: r.language,
    late: r.late,
    receipt: r.relevant && !r.automatic && r.from !== null,
    ...(r.noComments ? { noComments: true } : {}),
    ...(r.consultation ? { consultation: r.consultation.id } : {}),
  };
}

export async function decisionsExportCommand(dataDir: string, _rules: Rules, out: string, stdout: NodeJS.WritableStream): Promise<number> {
  try {
    await ensureDirs([out]);
  } catch (err) {
    throw new UsageError(`mappen ${out} kan ikke lages (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const store = await Store.open(dataDir, { lock: false });
  const decided = (await store.readAll()).filter(isDecided);
  for (const r of decided) await copyFile(store.path(r.raw), join(out, `${r.id}.eml`));
  const header = '# Caseworkers\' decisions as fixture labels (keys: fixtures/labels/README.md), written by\n# `innspill decisions export`. Every value is the decided one; the messages are beside this file.\n';
  await writeFile(join(out, 'labels.yaml'), `${header}${decided.length > 0 ? yamlLibrary().stringify(decided.map(labelOf)) : '[]\n'}`);
  stdout.write(`${decided.length} ${decided.length === 1 ? 'vurdert melding' : 'vurderte meldinger'} skrevet til ${out} (labels.yaml og .eml)\n`);
  return 0;
}
