// The extraction pool's memory (issue 17): a large document goes to the worker through a private
// temporary file that is gone when the answer is in, and a worker left large by a document is
// retired and replaced. Counted in files and workers, not timed.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractorPool, FILE_HANDOVER_BYTES } from '../../src/extract-pool/pool.js';
import { DEFAULT_LIMITS, extractDocument } from '../../src/intake/extract/index.js';
import { warmUp } from '../../src/extract-pool/warm-up.js';

const pools: ExtractorPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function pool(options?: { retireGrowthBytes?: number }): ExtractorPool {
  const p = new ExtractorPool(1, options);
  pools.push(p);
  return p;
}

const textDocument = (bytes: number, marker: string) => {
  const line = 'Vi støtter forslaget om åpne data i kommunene og ber om at fristen forlenges.\n';
  return Buffer.from(`${line.repeat(Math.ceil(bytes / Buffer.byteLength(line)))}${marker}\n`, 'utf8');
};

describe('the extraction pool and large documents', () => {
  it('hands a large document over in a private file that is removed once it is read', async () => {
    const p = pool();
    const bytes = textDocument(FILE_HANDOVER_BYTES * 1.5, 'SLUTTMERKE');
    const out = await extractDocument({ bytes, declaredType: 'text/plain', filename: 'innspill.txt', charset: 'utf-8' }, DEFAULT_LIMITS, p.extractor);
    expect(out.problem).toBeNull();
    expect(out.text).toContain('SLUTTMERKE');
    expect(out.text.length).toBeGreaterThan(FILE_HANDOVER_BYTES);
    const folder = p.handoverFolder;
    expect(folder).not.toBeNull();
    expect(statSync(folder!).mode & 0o777).toBe(0o700);
    expect(readdirSync(folder!)).toEqual([]);
    await p.close();
    expect(existsSync(folder!)).toBe(false);
  });

  it.skipIf(!existsSync('/proc/self/cmdline'))('starts its worker with a small young generation and the old-space cap (read from /proc)', async () => {
    const p = pool();
    await extractDocument({ bytes: textDocument(2000, 'START'), declaredType: 'text/plain', filename: 'start.txt', charset: 'utf-8' }, DEFAULT_LIMITS, p.extractor);
    const children = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .flatMap((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
          return ppid === process.pid ? [readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')] : [];
        } catch {
          return []; // a process that ended while we looked
        }
      })
      .filter((argv) => argv.some((a) => a.includes('extract-pool')));
    expect(children).toHaveLength(1);
    expect(children[0]).toContain('--max-semi-space-size=8');
    expect(children[0]).toContain(`--max-old-space-size=${DEFAULT_LIMITS.maxMemoryMb}`);
  });

  it('sends a small document over the channel (no file)', async () => {
    const p = pool();
    const out = await extractDocument({ bytes: textDocument(2000, 'LITEN'), declaredType: 'text/plain', filename: 'kort.txt', charset: 'utf-8' }, DEFAULT_LIMITS, p.extractor);
    expect(out.text).toContain('LITEN');
    expect(p.handoverFolder).toBeNull();
  });

  it('retires a worker that a document left above the memory mark, and reads on with a fresh one', async () => {
    const p = pool({ retireGrowthBytes: -Infinity }); // a mark below where it started: each document retires its worker
    for (let i = 0; i < 2; i++) {
      const out = await extractDocument({ bytes: textDocument(5000, `DOKUMENT-${i}`), declaredType: 'text/plain', filename: `d${i}.txt`, charset: 'utf-8' }, DEFAULT_LIMITS, p.extractor);
      expect(out.text).toContain(`DOKUMENT-${i}`);
    }
    expect(p.retired).toBe(2);
    expect(p.stopped).toEqual({ timeout: 0, memory: 0, crash: 0 });
  });

  it('keeps its worker through ordinary documents: the parsers loaded on first use are not growth', async () => {
    const p = pool();
    const dir = 'fixtures/documents';
    const names = readdirSync(dir).filter((n) => /\.(pdf|docx|odt)$/.test(n)).sort();
    expect(names.length).toBeGreaterThan(10);
    let read = 0;
    for (const name of names) {
      const declaredType = name.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream';
      const out = await extractDocument({ bytes: readFileSync(`${dir}/${name}`), declaredType, filename: name }, DEFAULT_LIMITS, p.extractor);
      if (out.problem === null) read++;
    }
    expect(read).toBeGreaterThan(5);
    expect(p.retired).toBe(0);
  });

  it('warms a worker up with a PDF it builds itself, read to its text', async () => {
    expect(await warmUp()).toBe('Innspill');
  });

  it('keeps a worker below the mark for the next document', async () => {
    const p = pool();
    for (let i = 0; i < 2; i++) await extractDocument({ bytes: textDocument(5000, `D${i}`), declaredType: 'text/plain', filename: `d${i}.txt`, charset: 'utf-8' }, DEFAULT_LIMITS, p.extractor);
    expect(p.retired).toBe(0);
  });
});
