// Reclassify starts from the parse the daemon kept beside each original (src/store/parsed-cache.ts)
// rather than parsing the original again. That is right only if a record classified again from the
// kept parse comes out exactly as from the original, and if a kept parse that is missing, damaged,
// of another original or of another version is never used. Every development message is filed by
// the daemon, then classified again both ways.
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/json-store.js';
import { classifyAgain } from '../../src/store/classify-again.js';
import { fileFixtures, records, testConfig } from '../helpers/daemon.js';
import { projectRules } from '../helpers/rules.js';
import type { SubmissionRecord } from '../../src/store/record.js';

const FILES = readdirSync('fixtures/messages').filter((n) => n.endsWith('.eml')).sort();
const NOW = new Date('2021-06-01T10:00:00Z');

let filedDir = '';
let filed: SubmissionRecord[] = [];
/** Each record classified again from its original, with no kept parse in the store. */
let fromOriginal = new Map<string, unknown>();

const parsedFile = (dataDir: string, r: SubmissionRecord) => join(dataDir, 'parsed', `${r.rawSha256}.json`);

/** A copy of the filed store to change. */
function copyOfStore(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'innspill-parsed-')), 'data');
  cpSync(filedDir, dir, { recursive: true });
  return dir;
}

async function classifyEach(dataDir: string, list: SubmissionRecord[]): Promise<Map<string, unknown>> {
  const store = await Store.open(dataDir, { lock: true });
  try {
    const out = new Map<string, unknown>();
    for (const r of list) out.set(r.id, await classifyAgain(store, projectRules(), r, NOW));
    return out;
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  const config = testConfig();
  await fileFixtures(config, FILES);
  filedDir = config.dataDir;
  filed = records(config);
  const bare = copyOfStore();
  rmSync(join(bare, 'parsed'), { recursive: true, force: true });
  fromOriginal = await classifyEach(bare, filed);
}, 600_000);

describe('the daemon keeps the parse of each message it files', () => {
  it('beside the original, named by its hash, for every record', () => {
    expect(filed.length).toBeGreaterThan(250);
    const missing = filed.filter((r) => !existsSync(parsedFile(filedDir, r))).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it('of that very original, without the attachments\' bytes', () => {
    for (const r of filed) {
      const kept = JSON.parse(readFileSync(parsedFile(filedDir, r), 'utf8'));
      expect(kept.rawSha256).toBe(r.rawSha256);
      expect(createHash('sha256').update(readFileSync(join(filedDir, r.raw))).digest('hex')).toBe(r.rawSha256);
      expect(kept.rawSize).toBe(r.size);
      // The parts stand in the same order as the record's attachments, each known by its hash.
      if (r.readable) expect(kept.message.parts.map((p: { sha256: string }) => p.sha256)).toEqual(r.attachments.map((a) => a.sha256));
    }
  });
});

describe('classifying a record again from the kept parse', () => {
  it('gives exactly what classifying it from the original gives, for every development message', async () => {
    const dir = copyOfStore();
    // With the originals gone, only the kept parses can be classified from.
    renameSync(join(dir, 'raw'), join(dir, 'raw-away'));
    const again = await classifyEach(dir, filed);
    for (const r of filed) expect({ id: r.id, ...(again.get(r.id) as object) }).toEqual({ id: r.id, ...(fromOriginal.get(r.id) as object) });
  }, 300_000);
});

describe('a kept parse that cannot be trusted is not used', () => {
  // Records with attachments and different senders, so that a parse taken for another's shows.
  const some = () => {
    const withParts = filed.filter((r) => r.readable && r.attachments.length > 0);
    return [withParts[0]!, withParts[Math.floor(withParts.length / 2)]!, withParts.at(-1)!, filed.find((r) => !r.readable) ?? filed[1]!];
  };

  async function expectFromOriginal(dir: string, list: SubmissionRecord[]) {
    const again = await classifyEach(dir, list);
    for (const r of list) expect({ id: r.id, ...(again.get(r.id) as object) }).toEqual({ id: r.id, ...(fromOriginal.get(r.id) as object) });
  }

  /** The parse is good again after the record was classified: kept anew from the original. */
  function expectKeptAgain(dir: string, list: SubmissionRecord[]) {
    for (const r of list) {
      const kept = JSON.parse(readFileSync(parsedFile(dir, r), 'utf8'));
      expect(kept.rawSha256).toBe(r.rawSha256);
      expect(kept.version).toBe(JSON.parse(readFileSync(parsedFile(filedDir, r), 'utf8')).version);
    }
  }

  it('missing: the original is parsed, with the same result, and its parse kept for the next time', async () => {
    const dir = copyOfStore();
    const list = some();
    for (const r of list) rmSync(parsedFile(dir, r));
    await expectFromOriginal(dir, list);
    expectKeptAgain(dir, list);
  });

  it('unreadable (cut short, empty, not JSON, of another shape)', async () => {
    const dir = copyOfStore();
    const list = some();
    const damage = [(t: string) => t.slice(0, t.length >> 1), () => '', () => '\u0000'.repeat(64), (t: string) => JSON.stringify({ ...JSON.parse(t), message: {} })];
    list.forEach((r, i) => writeFileSync(parsedFile(dir, r), damage[i % damage.length]!(readFileSync(parsedFile(dir, r), 'utf8'))));
    await expectFromOriginal(dir, list);
    expectKeptAgain(dir, list);
  });

  it('of another original (a stale file under this name, or one whose size does not match)', async () => {
    const dir = copyOfStore();
    const [a, b, c] = some();
    // b's name holds a's parse as it was kept (a's hash inside), c's holds its own with another size.
    writeFileSync(parsedFile(dir, b!), readFileSync(parsedFile(dir, a!)));
    const own = JSON.parse(readFileSync(parsedFile(dir, c!), 'utf8'));
    writeFileSync(parsedFile(dir, c!), JSON.stringify({ ...own, rawSize: own.rawSize + 1 }));
    await expectFromOriginal(dir, [b!, c!]);
    expectKeptAgain(dir, [b!, c!]);
  });

  it('of another version', async () => {
    const dir = copyOfStore();
    const list = some();
    for (const r of list) {
      const kept = JSON.parse(readFileSync(parsedFile(dir, r), 'utf8'));
      // Another version's parse: here a form whose text is wrong, so that using it would show.
      writeFileSync(parsedFile(dir, r), JSON.stringify({ ...kept, version: kept.version + 1, message: { ...kept.message, text: 'annet' } }));
    }
    await expectFromOriginal(dir, list);
    expectKeptAgain(dir, list);
  });
});

describe('the kept parse has a version', () => {
  // A kept parse is trusted only when of this version (KNOWN_MESSAGE_VERSION): one made by other code
  // is a wrong parse. This pins what a parse is made by — the parse and sniffing code, the form it is
  // kept in and the mail libraries' versions — so that changing any of it stops here, to decide
  // whether a message now parses otherwise: if it may, raise KNOWN_MESSAGE_VERSION (every record is
  // then parsed from its original once more, and kept again); either way, put the new hash below.
  const SOURCES = [
    'src/intake/parse.ts',
    'src/intake/mail-libraries.ts',
    'src/intake/known-message.ts',
    'src/intake/extract/sniff.ts',
    'src/intake/extract/zip.ts',
    'src/mail/header-ids.ts',
    'src/text/utf8-read-as-latin1.ts',
  ];
  const LIBRARIES = /node_modules\/(mailparser|libmime|html-to-text|iconv-lite|libqp|libbase64|encoding-japanese)$/;

  it('pinned to the code that makes it', () => {
    const h = createHash('sha256');
    for (const file of SOURCES) h.update(`${file}\u0000${readFileSync(file, 'utf8')}\u0000`);
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string }> };
    for (const [name, p] of Object.entries(lock.packages).filter(([n]) => LIBRARIES.test(n)).sort(([a], [b]) => a.localeCompare(b))) h.update(`${name}@${p.version}\u0000`);
    expect(h.digest('hex').slice(0, 16)).toBe('e835ac72eefd9572');
  });
});
