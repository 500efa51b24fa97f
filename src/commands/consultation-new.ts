// `innspill consultation new <id> --from <existing>`: starts a consultation's folder as a copy of
// another's (rules/consultations/<id>/), switched off (archived: true) until a caseworker has filled
// it in: its own id prefix, no invitation Message-IDs or addresses yet. The operator is told, in
// English, what to edit. Nothing else in rules/ changes.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { consultationDir, CONSULTATION_FILES, TEMPLATES_DIR } from '../rules/files.js';
import { consultationIds } from '../rules/read.js';
import { yamlLibrary } from '../rules/yaml-lib.js';
import { UsageError } from './usage.js';

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function newConsultation(rulesDir: string, id: string, from: string, out: NodeJS.WritableStream): number {
  if (!ID.test(id)) throw new UsageError(`"${id}" is not a consultation id: use a–z, 0–9 and "-", starting with a letter (e.g. pbl-2021)`);
  const existing = consultationIds(rulesDir);
  if (!existing.includes(from)) throw new UsageError(`--from ${from}: no such consultation in ${rulesDir} (there are: ${existing.join(', ')})`);
  const target = consultationDir(rulesDir, id);
  if (existsSync(target)) throw new UsageError(`${target} already exists; choose another id or edit that folder`);

  cpSync(consultationDir(rulesDir, from), target, { recursive: true, errorOnExist: true, force: false });
  const file = join(target, CONSULTATION_FILES.consultation);
  const { parseDocument } = yamlLibrary();
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.set('idPrefix', id);
  doc.set('archived', true);
  doc.set('invitationMessageIds', []);
  doc.set('addresses', []);
  doc.set('digestTo', []);
  doc.delete('imapFolder');
  doc.commentBefore = ` A new consultation, started as a copy of ${from}: switched off (archived: true) until filled in.\n${doc.commentBefore ?? ''}`;
  writeFileSync(file, doc.toString({ lineWidth: 0 }).replace(`(its folder name, ${from}, is its id)`, `(its folder name, ${id}, is its id)`));

  const rel = (name: string) => relative(process.cwd(), join(target, name)) || name;
  out.write(
    [
      `Started ${rel('')} as a copy of ${from}. It is switched off (archived: true) until you have filled it in:`,
      `  ${rel(CONSULTATION_FILES.consultation)}: title, shortTitle, label, caseNumber, letterReference, letterDate, deadline,`,
      `      timezone, contact, invitationMessageIds (from Sent Items), addresses, digestTo, commitments and topics;`,
      `      idPrefix is "${id}" (record ids ${id}-<year>-0001); then set archived: false`,
      `  ${rel(CONSULTATION_FILES.letter)}: the invitation letter as sent`,
      `  ${rel(CONSULTATION_FILES.commitments)}: the terms of each commitment or topic`,
      `  ${rel(CONSULTATION_FILES.relevance)}: the signals that tie mail to it (its case number, its title words)`,
      `  ${rel(CONSULTATION_FILES.senders)}: whom it invited (names from rules/senders.yaml) and organisations only it hears from`,
      `  ${rel(TEMPLATES_DIR)}/: the receipts in bokmål, nynorsk and English`,
      `Then run: innspill config check`,
      '',
    ].join('\n'),
  );
  return 0;
}
