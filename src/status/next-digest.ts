// When the digest schedule fires next: node-cron's own answer (it knows the time zone and the
// special day rules). A started task is needed for getNextRun(); it is destroyed at once.
import { createTask, validate } from 'node-cron';

export function nextDigestRun(cron: string, timezone: string): Date | null {
  if (!validate(cron)) return null;
  const task = createTask(cron, () => undefined, { timezone, name: 'innspill-next-digest-probe' });
  try {
    void task.start();
    return task.getNextRun();
  } catch {
    return null;
  } finally {
    void task.destroy();
  }
}
