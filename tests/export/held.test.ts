// The arkivmelding export leaves out a message still held for a caseworker's decision (a person has
// not said it is input), says how many it left out and why, and takes them with --include-held.
// Once decided to be input it is exported like any other.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onePass, records, testConfig } from '../helpers/daemon.js';
import { deliver } from '../helpers/maildir.js';
import { forgedReply, genuineReply } from '../helpers/decisions.js';
import { projectRules } from '../helpers/rules.js';
import { createLogger } from '../../src/log.js';
import { archiveExportCommand } from '../../src/commands/export-archive.js';
import { changeCommand, decideRequest } from '../../src/commands/decide.js';

function capture() {
  let text = '';
  const stream = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream;
  return { out: stream, text: () => text };
}

describe('arkivmelding export and held messages', () => {
  it('leaves out the held message and says so; --include-held and a decision take it in', async () => {
    const config = testConfig();
    deliver(config.maildir, genuineReply());
    deliver(config.maildir, forgedReply());
    await onePass(config);
    const all = records(config);
    const held = all.find((r) => r.receipt.status === 'held')!;
    const filed = all.find((r) => r.receipt.status !== 'held')!;
    expect(held.relevant).toBe(true);

    const out = mkdtempSync(join(tmpdir(), 'innspill-held-'));
    const first = capture();
    expect(await archiveExportCommand({ out, config, rules: projectRules(), stderr: first.out })).toBe(0);
    expect(readdirSync(out).filter((n) => !n.startsWith('.'))).toEqual([filed.id]);
    expect(first.text()).toContain(`1 melding venter fortsatt på en saksbehandlers vurdering (innspill review) og er ikke eksportert: ${held.id}. Bruk --include-held`);

    const withHeld = mkdtempSync(join(tmpdir(), 'innspill-held-'));
    const second = capture();
    expect(await archiveExportCommand({ out: withHeld, config, rules: projectRules(), stderr: second.out, includeHeld: true })).toBe(0);
    // The filed one is unchanged since the first export (remembered), so only the held one is written.
    expect(readdirSync(withHeld).filter((n) => !n.startsWith('.'))).toEqual([held.id]);
    expect(second.text()).not.toContain('venter fortsatt');

    const log = createLogger({ level: 'silent', secrets: [] });
    expect(await changeCommand(config, projectRules(), log, decideRequest(held.id, 'input', {}), capture().out, capture().out)).toBe(0);
    const third = capture();
    expect(await archiveExportCommand({ out, config, rules: projectRules(), stderr: third.out })).toBe(0);
    expect(readdirSync(out).filter((n) => !n.startsWith('.')).sort()).toEqual([filed.id, held.id].sort());
    expect(third.text()).not.toContain('venter fortsatt');
  });
});
