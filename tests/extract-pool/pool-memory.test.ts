// The extraction pool's memory (issue 17): a large document reaches the worker thread whole, the
// worker runs under the heap limits it is given, and a worker left large by a document is retired
// and replaced. Counted in bytes and workers, not timed.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractorPool } from '../../src/extract-pool/pool.js';
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
  it('reads a large document whole (its bytes transferred to the worker thread)', async () => {
    const p = pool();
    const bytes = textDocument(1.5 * 1024 * 1024, 'SLUTTMERKE');
    const copy = Buffer.from(bytes);
    const out = await extractDocument({ bytes, declaredType: 'text/plain', filename: 'innspill.txt', charset: 'utf-8' }, DEFAULT_LIMITS, p.extractor);
    expect(out.problem).toBeNull();
    expect(out.text.startsWith('Vi støtter forslaget')).toBe(true);
    expect(out.text).toContain('SLUTTMERKE');
    expect(Buffer.byteLength(out.text)).toBeGreaterThan(1.5 * 1024 * 1024);
    // What the caller handed over is still its own, unchanged (a copy went; the original was not transferred away).
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(bytes.equals(copy)).toBe(true);
  });

  it('runs its worker as a thread of this process, with a small young generation and the old-generation cap', async () => {
    const p = pool();
    await extractDocument({ bytes: textDocument(2000, 'START'), declaredType: 'text/plain', filename: 'start.txt', charset: 'utf-8' }, DEFAULT_LIMITS, p.extractor);
    // V8's heap_size_limit is the old generation plus the young (three semi-spaces of 8 MB), as the
    // worker reads it itself: about 4 GB on this machine without the limits.
    expect(p.workerHeapLimits).toEqual([(DEFAULT_LIMITS.maxMemoryMb + 3 * 8) * 1024 * 1024]);
    if (existsSync('/proc/thread-self')) {
      const [tid] = p.workerThreadIds;
      expect(tid).not.toBe(process.pid);
      expect(existsSync(`/proc/${process.pid}/task/${tid}`)).toBe(true);
    }
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
