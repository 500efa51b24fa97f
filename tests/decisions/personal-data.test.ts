// A caseworker marks a record as containing personal data: `innspill correct ID --personal-data`
// (and --no-personal-data), or `/personopplysninger ID #token` in a command mail. It is a person's
// override like the other corrections: it survives reclassify, sends nothing, and the arkivmelding
// export screens the record (skjerming with the consultation's code and legal basis).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onePass, records, testConfig } from '../helpers/daemon.js';
import { deliver } from '../helpers/maildir.js';
import { genuineReply, outboxFiles } from '../helpers/decisions.js';
import { projectRules } from '../helpers/rules.js';
import { createLogger } from '../../src/log.js';
import { changeCommand, correctRequest } from '../../src/commands/decide.js';
import { reclassifyCommand } from '../../src/commands/reclassify.js';
import { commandLine, commandLines, requestOf } from '../../src/decisions/commands.js';
import { decidedRemark } from '../../src/decisions/marks.js';
import { CommandKey } from '../../src/decisions/tokens.js';
import { exportArchive } from '../../src/export/archive.js';
import { Store } from '../../src/store/json-store.js';

function capture() {
  let text = '';
  const stream = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream;
  return { out: stream, text: () => text };
}

const log = createLogger({ level: 'silent', secrets: [] });

describe('marking a record as containing personal data', () => {
  it('the command-mail line /personopplysninger carries a token for its own verb; "nei" unmarks', () => {
    const key = CommandKey.fromSecret(Buffer.alloc(32, 3));
    const body = `${commandLine(key, 'personopplysninger', '2021-0042')}\n${commandLine(key, 'personopplysninger', '2021-0043', 'nei')}\n`;
    const [yes, no] = commandLines(body);
    expect(key.verify(yes!.verb, yes!.id, yes!.token!)).toBe(true);
    expect(key.verify('notat', yes!.id, yes!.token!)).toBe(false);
    expect(requestOf(yes!, false)).toEqual({ kind: 'correct', id: '2021-0042', personalData: true });
    expect(requestOf(no!, false)).toEqual({ kind: 'correct', id: '2021-0043', personalData: false });
    expect(correctRequest('2021-0042', { personalData: false })).toEqual({ kind: 'correct', id: '2021-0042', personalData: false });
  });

  it('correct --personal-data: stored as an override, survives reclassify, no second receipt, screened in the archive export', async () => {
    const config = testConfig();
    deliver(config.maildir, genuineReply());
    await onePass(config);
    const [filed] = records(config);
    expect(filed!.personalData).toBeUndefined();

    const out = capture();
    expect(await changeCommand(config, projectRules(), log, correctRequest(filed!.id, { personalData: true }), out.out, out.out)).toBe(0);
    expect(out.text()).toContain('personopplysninger');
    const check = () => {
      const [r] = records(config);
      expect(r!.personalData).toBe(true);
      expect(r!.overrides?.find((o) => o.field === 'personalData')).toMatchObject({ value: true, rules: false, via: 'cli' });
      expect(decidedRemark(r!, (iso) => iso)).toContain('personopplysninger');
    };
    check();
    const re = capture();
    expect(await reclassifyCommand(config, projectRules(), log, re.out, re.out)).toBe(0);
    check();
    expect(outboxFiles(config.outboxDir)).toHaveLength(1);

    const rules = projectRules();
    const dir = mkdtempSync(join(tmpdir(), 'innspill-personal-'));
    const store = await Store.open(config.dataDir, { lock: false });
    try {
      const result = await exportArchive(store, rules, dir);
      expect(result.written.map((w) => w.id)).toEqual([filed!.id]);
    } finally {
      await store.close();
    }
    const xml = readFileSync(join(dir, filed!.id, 'arkivmelding.xml'), 'utf8');
    const screening = rules.consultation.archive.personalData;
    expect(xml).toContain(`<skjermingshjemmel>${screening.legalBasis}</skjermingshjemmel>`);

    const again = capture();
    expect(await changeCommand(config, projectRules(), log, correctRequest(filed!.id, { personalData: true }), again.out, again.out)).toBe(0);
    expect(records(config)[0]!.overrides?.filter((o) => o.field === 'personalData')).toHaveLength(1);
    const undo = capture();
    expect(await changeCommand(config, projectRules(), log, correctRequest(filed!.id, { personalData: false }), undo.out, undo.out)).toBe(0);
    expect(records(config)[0]!.personalData).toBe(false);
  });
});
