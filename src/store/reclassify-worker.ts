// One worker thread of reclassify's pool (reclassify-pool.ts): it loads the rules from their folder
// once, says which rule data it holds, then classifies the records it is sent again from their
// stored original and attachment texts, with the thread headers the store knew of each — unless a
// change of commitments' terms leaves the record as it is (rule-change.ts), which it looks at first.
import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import { loadRules } from '../rules/load.js';
import { classifyAgain } from './classify-again.js';
import { threadsFrom } from './classified-with.js';
import { TermChanges } from './rule-change.js';
import { readStateFile } from './state-file.js';
import type { PoolJob, PoolStart, PoolAnswer, PoolStop } from './reclassify-pool.js';

const port = parentPort!;
const start = workerData as PoolStart;
const send = (a: PoolAnswer) => port.postMessage(a);

try {
  const rules = loadRules(start.rulesDir);
  const path = (...parts: string[]) => join(start.dataDir, ...parts);
  const terms = new TermChanges({ path, readState: (name, fallback) => readStateFile(path('state', `${name}.json`), fallback) }, rules);
  send({ kind: 'ready', dataKey: rules.dataKey ?? null });
  port.on('message', (job: PoolJob | PoolStop) => {
    // Its work is done: with the port closed nothing is left to wait for, and the thread ends.
    if ('stop' in job) return port.close();
    const files = { path, threadIds: threadsFrom(job.threads) };
    const work = async () => {
      if (job.check && (await terms.leaveAlone(job.record))) return send({ kind: 'untouched', n: job.n });
      send({ kind: 'done', n: job.n, result: await classifyAgain(files, rules, job.record, new Date(job.now)) });
    };
    work().then(
      () => undefined,
      (err: unknown) => send({ kind: 'failed', n: job.n, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    );
  });
} catch (err) {
  send({ kind: 'failed', n: -1, error: err instanceof Error ? err.message : String(err) });
}
