// npm run test:corpus [-- DIR]: every file of the real-world corpus (../shared/corpus by default)
// through the intake core, as `inspect` runs it. Mail files are read as messages; documents are
// sent as an attachment of a small message. Nothing may crash or hang, and every attachment
// whose text cannot be read must carry a problem in words.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { intake } from '../src/intake/index.js';
import { readAsMail } from '../src/intake/problems.js';
import { loadRules } from '../src/rules/load.js';
import { ExtractorPool } from '../src/extract-pool/pool.js';
import { DEFAULT_LIMITS } from '../src/intake/extract/index.js';

const root = process.argv[2] ?? '../shared/corpus';
const MAIL = /\.(eml|msg|mbox|emlx|tnef|dat)$/i;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(md|tsv)$/i.test(name) || name === 'SHA256SUMS' ? [] : [p];
  });
}

function asAttachment(name: string, bytes: Buffer): Buffer {
  const b = 'corpus-boundary';
  const head = [
    'Received: from test by mx01.dep.no; Mon, 10 May 2021 10:00:00 +0200',
    'From: Test <test@example.org>',
    'To: postmottak@kmd.dep.no',
    'Subject: Innspill til handlingsplan 4B',
    'Date: Mon, 10 May 2021 10:00:00 +0200',
    'Message-ID: <corpus@example.org>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Vedlagt.',
    `--${b}`,
    `Content-Type: application/octet-stream; name="${name}"`,
    `Content-Disposition: attachment; filename="${name}"`,
    'Content-Transfer-Encoding: base64',
    '',
  ].join('\r\n');
  return Buffer.from(`${head}\r\n${(bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n')}\r\n--${b}--\r\n`);
}

const rules = loadRules('rules');
const pool = new ExtractorPool(2);
const limits = { ...DEFAULT_LIMITS, timeoutMs: 20_000, maxMemoryMb: 768 };
const failures: string[] = [];
const slow: Array<[string, number]> = [];
let mail = 0;
let notMail = 0;
let readable = 0;
let withProblem = 0;
const all = files(root).sort();
for (const path of all) {
  const name = relative(root, path);
  const bytes = readFileSync(path);
  const started = performance.now();
  try {
    const isMail = MAIL.test(path) && !/^(other\/).*\.(dat|tnef)$/i.test(name);
    const s = await intake(isMail ? bytes : asAttachment(name.split('/').pop()!, bytes), rules, { extractor: pool.extractor, limits });
    if (!readAsMail(s)) notMail++;
    else mail++;
    for (const a of s.attachments) {
      if (a.text.trim().length === 0 && a.problem === null) failures.push(`${name}: attachment «${a.filename}» has no text and no problem`);
      if (a.problem === null) readable++;
      else withProblem++;
    }
    if (!isMail && s.attachments.length === 0) failures.push(`${name}: the document was lost (no attachment found)`);
  } catch (err) {
    failures.push(`${name}: crashed: ${(err as Error).stack ?? String(err)}`);
  }
  slow.push([name, performance.now() - started]);
}
await pool.close();
slow.sort((a, b) => b[1] - a[1]);
process.stdout.write(
  `${all.length} corpus files: ${mail} read as mail, ${notMail} not mail (said so), ` +
    `attachments ${readable} read, ${withProblem} with a problem in words; ` +
    `documents stopped by limits: timeout ${pool.stopped.timeout}, memory ${pool.stopped.memory}, crash ${pool.stopped.crash}\n` +
    `slowest: ${slow.slice(0, 5).map(([n, ms]) => `${n} ${Math.round(ms)} ms`).join(', ')}\n`,
);
if (failures.length > 0) {
  process.stdout.write(`FAILED (${failures.length}):\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('OK: no crash, nothing lost, every unreadable attachment says why\n');
