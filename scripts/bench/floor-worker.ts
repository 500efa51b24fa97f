// One half of the bare extraction floor: mailparser plus the attachment extractors, nothing else.
// Run by floor.ts as a child process; it loads and warms up first, then waits for "go".
import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { extractDocument, DEFAULT_LIMITS } from '../../src/intake/extract/index.js';

export type FloorRequest = { type: 'load'; files: string[]; warmup: string[] } | { type: 'go' };
export type FloorReply =
  | { type: 'ready' }
  | { type: 'done'; ms: number; messages: number; attachments: number; withText: number; parseErrors: number };

// The parse options innspill itself uses (src/intake/parse.ts): no HTML made from text, no link scanning.
const OPTIONS = { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: 5_000_000, maxChildNodes: 10_000, maxHeadSize: 8 * 1024 * 1024 };

async function one(raw: Buffer): Promise<{ attachments: number; withText: number; error: boolean }> {
  let parsed;
  try {
    parsed = await simpleParser(raw, OPTIONS as Parameters<typeof simpleParser>[1]);
  } catch {
    return { attachments: 0, withText: 0, error: true };
  }
  let withText = 0;
  for (const a of parsed.attachments) {
    const r = await extractDocument({ bytes: a.content, declaredType: a.contentType, filename: a.filename ?? '' }, DEFAULT_LIMITS);
    if (r.text.length > 0) withText++;
  }
  return { attachments: parsed.attachments.length, withText, error: false };
}

let files: string[] = [];
process.on('message', (msg: FloorRequest) => {
  void (async () => {
    if (msg.type === 'load') {
      files = msg.files;
      for (const f of msg.warmup) await one(readFileSync(f));
      process.send!({ type: 'ready' } satisfies FloorReply);
      return;
    }
    const t0 = performance.now();
    let attachments = 0;
    let withText = 0;
    let parseErrors = 0;
    for (const f of files) {
      const r = await one(readFileSync(f));
      attachments += r.attachments;
      withText += r.withText;
      if (r.error) parseErrors++;
    }
    process.send!({ type: 'done', ms: performance.now() - t0, messages: files.length, attachments, withText, parseErrors } satisfies FloorReply);
  })();
});
process.on('disconnect', () => process.exit(0));
