// One worker thread of reclassify's pool (reclassify-pool.ts): it loads the rules from their folder
// once, says which rule data it holds, then classifies the records it is sent again from their
// stored original and attachment texts, with the thread headers the store knew of each.
import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import { loadRules } from '../rules/load.js';
import { classifyAgain } from './classify-again.js';
import { threadsFrom } from './classified-with.js';
import type { PoolJob, PoolStart, PoolAnswer } from './reclassify-pool.js';

const port = parentPort!;
const start = workerData as PoolStart;
const send = (a: PoolAnswer) => port.postMessage(a);

try {
  const rules = loadRules(start.rulesDir);
  send({ kind: 'ready', dataKey: rules.dataKey ?? null });
  port.on('message', (job: PoolJob) => {
    const files = { path: (...parts: string[]) => join(start.dataDir, ...parts), threadIds: threadsFrom(job.threads) };
    classifyAgain(files, rules, job.record, new Date(job.now)).then(
      (result) => send({ kind: 'done', n: job.n, result }),
      (err: unknown) => send({ kind: 'failed', n: job.n, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    );
  });
} catch (err) {
  send({ kind: 'failed', n: -1, error: err instanceof Error ? err.message : String(err) });
}
