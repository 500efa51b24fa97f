// `innspill inspect FILE... [--json]`: the intake core over files, nothing stored, nothing sent.
import { readFile } from 'node:fs/promises';
import { intake } from '../intake/index.js';
import { formatInZone } from '../time/zone.js';
import { cleanHeaderText } from '../intake/parse.js';
import { organisationText } from '../digest/words.js';
import { readAsMail } from '../intake/problems.js';
import type { Rules } from '../rules/types.js';
import type { ExtractLimits, Extractor } from '../intake/extract/index.js';
import type { Submission } from '../intake/types.js';

export interface InspectOptions {
  json: boolean;
  rules: Rules;
  extractor: Extractor;
  limits: ExtractLimits;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

const kb = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${Math.round(n / 1024)} kB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

export function summarise(file: string, s: Submission, rules: Rules): string {
  const tz = rules.consultation.timezone;
  const lines = [file];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(15)}${value}`);
  const who = s.from ? `${s.from.name ? `${s.from.name} ` : ''}<${s.from.address}>` : '(ingen avsender)';
  row('Fra:', `${who} — ${organisationText(s.sender)} (${s.sender.category})`);
  row('Emne:', s.subject || '(uten emne)');
  row('Mottatt:', s.receivedAt ? `${formatInZone(new Date(s.receivedAt), tz).replace('T', ' ').slice(0, 16)} (${tz})${s.late ? '  ETTER FRISTEN' : ''}` : 'ukjent');
  row('Relevant:', `${s.relevant ? 'ja' : 'nei'} (poeng ${s.relevance.score})`);
  row('Automatisk:', s.automatic ? `ja – ${s.automaticKind}` : 'nei');
  if (s.bouncedRecipients.length > 0) row('Nådde ikke:', s.bouncedRecipients.join(', '));
  row('Forpliktelser:', s.commitments.length === 0 ? (s.noComments === true ? 'ingen merknader' : '–') : s.commitments.map((c) => `${c.id} (${c.score})`).join(', '));
  for (const c of s.commitments) for (const e of c.evidence.slice(0, 2)) lines.push(`      ${c.id}: «${e.snippet}» [${e.where}]`);
  row('Språk:', s.language);
  row('Kvittering:', s.receipt.reason);
  if (s.review?.needed) row('Til vurdering:', s.review.notes.map((n) => n.text).join('; '));
  for (const a of s.attachments) {
    row('Vedlegg:', `${cleanHeaderText(a.filename).slice(0, 120) || '(uten navn)'} – ${a.detectedType}, ${kb(a.size)} – ${a.problem ?? `lest (${a.text.length} tegn)`}`);
  }
  for (const p of s.problems) row('Problem:', p);
  return lines.join('\n');
}

/** Returns the exit status: 0 when every file was a readable mail message. */
export async function inspectFiles(files: string[], o: InspectOptions): Promise<number> {
  let status = 0;
  for (const file of files) {
    let raw: Buffer;
    try {
      raw = await readFile(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'finnes ikke' : code === 'EISDIR' ? 'er en mappe' : code === 'EACCES' ? 'kan ikke leses (mangler tilgang)' : `kan ikke leses (${code ?? String(err)})`;
      o.err.write(`innspill: ${file}: ${why}\n`);
      if (o.json) o.out.write(`${JSON.stringify({ file, error: `filen ${why}`, problems: [`filen ${why}`] })}\n`);
      status = 1;
      continue;
    }
    let s: Submission;
    try {
      s = await intake(raw, o.rules, { extractor: o.extractor, limits: o.limits });
    } catch (err) {
      // The core is written never to throw; if it does, the file is reported and the rest go on.
      const why = `intern feil ved lesing av meldingen: ${(err as Error).message}`;
      o.err.write(`innspill: ${file}: ${why}\n`);
      if (o.json) o.out.write(`${JSON.stringify({ file, error: why, problems: [why] })}\n`);
      status = 1;
      continue;
    }
    if (!readAsMail(s)) {
      o.err.write(`innspill: ${file}: ${s.problems[0]}\n`);
      status = 1;
    }
    o.out.write(o.json ? `${JSON.stringify({ file, ...s })}\n` : `${summarise(file, s, o.rules)}\n\n`);
  }
  return status;
}
