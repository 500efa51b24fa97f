// A whole message read in an extraction worker (issue 17: parsing and classifying on both cores)
// gives exactly what intake gives in the daemon's own process, for every development fixture; the
// thread look-ups the worker cannot make itself are all among the ids the daemon sends; and a
// worker whose rules folder gives other rules than the daemon's says so instead of answering.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import PQueue from 'p-queue';
import { afterAll, describe, expect, it } from 'vitest';
import { ExtractorPool } from '../../src/extract-pool/pool.js';
import { DEFAULT_LIMITS } from '../../src/intake/extract/index.js';
import { sniffDocument } from '../../src/intake/extract/sniff.js';
import { intakeMessage } from '../../src/intake/index.js';
import { headerMessageIds } from '../../src/mail/header-ids.js';
import { loadRules } from '../../src/rules/load.js';
import { programKey } from '../../src/store/classified-with.js';
import { rulesDir as projectRulesDir } from '../helpers/rules.js';

const messagesDir = fileURLToPath(new URL('../../fixtures/messages/', import.meta.url));
const files = readdirSync(messagesDir).filter((f) => f.endsWith('.eml')).sort();
const mailboxDate = new Date('2026-03-02T10:00:00Z');
/** A store that knows every other Message-ID (by its length), the way a thread index answers. */
const known = { has: (id: string) => id.length % 2 === 0, consultationOf: (id: string) => (id.length % 4 === 0 ? 'ogp-4b' : null) };

// A copy of the rules, so that an edit of rules/ while this runs cannot give the worker other rules.
const rulesDir = mkdtempSync(join(tmpdir(), 'innspill-rules-'));
cpSync(projectRulesDir, rulesDir, { recursive: true });
const projectRules = () => loadRules(rulesDir);
const pool = new ExtractorPool(2);
/** The program as the workers find it (an edit of src/ while this runs makes them refuse: run it again). */
const program = programKey();
afterAll(async () => {
  await pool.close();
  rmSync(rulesDir, { recursive: true, force: true });
});

/** Where two values first differ (for the failure message). */
function firstDifference(a: unknown, b: unknown, path: string): string {
  if (isDeepStrictEqual(a, b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 300)} ≠ ${JSON.stringify(b)?.slice(0, 300)}`;
}

describe('a message read in an extraction worker', () => {
  it('is read exactly as intake reads it here, for every development fixture', async () => {
    const rules = projectRules();
    expect(rules.dataKey).toBeTruthy();
    const differ: string[] = [];
    const unasked: string[] = [];
    // A few at a time (the worker reads one message at a time; all at once only makes a queue).
    const queue = new PQueue({ concurrency: 4 });
    await Promise.all(
      files.map((name) => queue.add(async () => {
        const raw = readFileSync(join(messagesDir, name));
        const asked = headerMessageIds(raw);
        const [here, there] = await Promise.all([
          intakeMessage(raw, rules, { limits: DEFAULT_LIMITS, mailboxDate, knownThreadIds: known }),
          pool.readMessage(raw, { rulesDir, dataKey: rules.dataKey!, programKey: program, mailboxDate, limits: DEFAULT_LIMITS, threads: asked.filter(known.has).map((id) => [id, known.consultationOf(id)]), asked }),
        ]);
        if (!('result' in there)) return differ.push(`${name}: ${there.fallback}`);
        // Asked about an id the daemon knows but did not send: the daemon reads it itself (pipeline.ts).
        if (there.unasked.some(known.has)) return unasked.push(`${name}: ${there.unasked.join(' ')}`);
        try {
          expect(there.result.submission).toEqual(here.submission);
          expect(there.result.parts.map((p) => Buffer.from(p).toString('base64'))).toEqual(here.parts.map((p) => p.toString('base64')));
        } catch {
          differ.push(`${name}: ${firstDifference(there.result.submission, here.submission, 'submission')}`);
        }
      })),
    );
    expect(files.length).toBeGreaterThan(250);
    expect(differ).toEqual([]);
    // Every id intake looks up is found beforehand in these messages (bounces quote theirs in the body).
    expect(unasked).toEqual([]);
  }, 600_000);

  it('is not read with other rules than the daemon uses: the daemon reads it itself', async () => {
    const raw = readFileSync(join(messagesDir, files[0]!));
    const answer = await pool.readMessage(raw, { rulesDir, dataKey: 'not-these-rules', programKey: program, mailboxDate, limits: DEFAULT_LIMITS, threads: [], asked: [] });
    expect(answer).toEqual({ fallback: 'rules' });
  }, 60_000);

  it('is not read by a worker started from another version of the program', async () => {
    const raw = readFileSync(join(messagesDir, files[0]!));
    const answer = await pool.readMessage(raw, { rulesDir, dataKey: projectRules().dataKey!, programKey: 'another-version', mailboxDate, limits: DEFAULT_LIMITS, threads: [], asked: [] });
    expect(answer).toEqual({ fallback: 'program' });
  }, 60_000);

  it('says which Message-IDs intake asked about that the daemon did not send', async () => {
    const raw = Buffer.from('From: a@b.no\r\nTo: postmottak@kmd.dep.no\r\nSubject: Innspill\r\nIn-Reply-To: <x1@b.no>\r\nMessage-ID: <y@b.no>\r\n\r\nHei\r\n');
    const rules = projectRules();
    const answer = await pool.readMessage(raw, { rulesDir, dataKey: rules.dataKey!, programKey: program, mailboxDate, limits: DEFAULT_LIMITS, threads: [], asked: [] });
    expect('result' in answer && answer.unasked).toEqual(['<x1@b.no>']);
    expect(headerMessageIds(raw)).toContain('<x1@b.no>');
  }, 60_000);

  it('reads a document the daemon waits for before whole messages that came first', async () => {
    // One worker, its queue filled before it is ready: two whole messages, then a document of a
    // message the daemon reads itself. The daemon has done its part and waits; the messages do not.
    const one = new ExtractorPool(1);
    try {
      const rules = projectRules();
      const order: string[] = [];
      const message = (name: string) =>
        one.readMessage(readFileSync(join(messagesDir, files[0]!)), { rulesDir, dataKey: rules.dataKey!, programKey: program, mailboxDate, limits: DEFAULT_LIMITS, threads: [], asked: [] }).then((answer) => {
          expect('result' in answer).toBe(true);
          order.push(name);
        });
      const messages = [message('first message'), message('second message')];
      const bytes = Buffer.from('Innspill til handlingsplanen: vi støtter forpliktelsen om åpne data.\n');
      const document = one.extractor({ bytes, declaredType: 'text/plain', filename: 'innspill.txt', charset: 'utf-8' }, sniffDocument(bytes, 'text/plain', 'innspill.txt'), DEFAULT_LIMITS).then((r) => {
        expect(r.text).toContain('åpne data');
        order.push('document');
      });
      await Promise.all([...messages, document]);
      expect(order).toEqual(['document', 'first message', 'second message']);
    } finally {
      await one.close();
    }
  }, 120_000);
});
