// Routing by content judges the message against each consultation and hands the chosen one's
// commitments and relevance to the stages after it (consultation.ts judgeContent, which skips a
// second relevance judgement when the commitment score cannot change it). Over every development
// message routed by its content, they must be what that consultation's rules say when the message
// is routed to it for certain (a person's choice): nothing the shortcut saves may change a result.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import type { Extractor } from '../../src/intake/extract/index.js';
import { projectRules, rulesDir } from '../helpers/rules.js';

const rules = projectRules();
const dir = join(rulesDir, '..', 'fixtures', 'messages');
const noText: Extractor = async () => ({ text: '', problem: null });

describe('routing by content', () => {
  it('gives the stages after it the same commitments and relevance as the chosen consultation’s rules', async () => {
    let compared = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.eml')).sort()) {
      const raw = readFileSync(join(dir, name));
      const routed = await intake(raw, rules, { extractor: noText });
      if (!routed.consultation || !['content', 'uncertain'].includes(routed.consultation.reason.code)) continue;
      const certain = await intake(raw, rules, { extractor: noText, consultation: routed.consultation.id });
      expect(certain.consultation?.reason.code, name).toBe('person');
      expect({ relevant: certain.relevant, relevance: certain.relevance, commitments: certain.commitments }, name).toEqual({
        relevant: routed.relevant,
        relevance: routed.relevance,
        commitments: routed.commitments,
      });
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });
});
