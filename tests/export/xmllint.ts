// Validation of arkivmelding.xml files with xmllint (libxml2-utils, installed by
// scripts/ensure-system-deps.sh) against the vendored Fiks Arkiv v1 schema.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ARKIVMELDING_XSD = fileURLToPath(new URL('../../schemas/fiks-arkiv-v1/no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.xsd', import.meta.url));

export interface Validation {
  status: number | null;
  /** The files xmllint said validate. */
  valid: string[];
  output: string;
}

/** Validates the files in one xmllint run (it names each file that validates, and each error). */
export function validateArkivmelding(files: string[]): Validation {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', ARKIVMELDING_XSD, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`xmllint could not run (${run.error.message}); install it with: bash scripts/ensure-system-deps.sh xmllint`);
  const output = `${run.stdout}${run.stderr}`;
  const valid = output
    .split('\n')
    .filter((l) => l.endsWith(' validates'))
    .map((l) => l.slice(0, -' validates'.length));
  return { status: run.status, valid, output };
}
