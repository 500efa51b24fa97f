// A document that is not what it claims to be: an attachment declared (or named) as PDF, Word or
// OpenDocument whose bytes are something else (garbage from a broken base64 encoding, say) is a
// problem in words, never "read" with the garbage as its text; the receipt says it could not be read.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { DEFAULT_LIMITS, extractDocument } from '../../src/intake/extract/index.js';
import { intake } from '../../src/intake/index.js';
import { Daemon } from '../../src/daemon.js';
import { FilesMailbox } from '../../src/mailbox/files.js';
import { createLogger } from '../../src/log.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';
import { records, testConfig } from '../helpers/daemon.js';

// What a mail program decodes from a part that claims base64 but is not: a few random bytes.
const GARBAGE = Buffer.from('Dette er ikke base64!!', 'base64');
const TEXTLIKE = Buffer.from('ikke base64 i det hele tatt', 'latin1');

describe('a document that is not what it claims', () => {
  it.each([
    ['application/pdf', 'innspill.pdf', GARBAGE, 'ikke en gyldig PDF'],
    ['application/octet-stream', 'innspill.pdf', TEXTLIKE, 'ikke en gyldig PDF'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'innspill.docx', GARBAGE, 'ikke et gyldig Word-dokument'],
    ['application/vnd.oasis.opendocument.text', 'innspill.odt', TEXTLIKE, 'ikke et gyldig OpenDocument-dokument'],
    ['application/msword', 'innspill.doc', GARBAGE, 'ikke et gyldig Word-dokument'],
  ])('%s %s: a problem in words, no text', async (declaredType, filename, bytes, words) => {
    const r = await extractDocument({ bytes, declaredType, filename }, DEFAULT_LIMITS);
    expect(r.text).toBe('');
    expect(r.problem).toContain(words);
  });

  it('still reads what the bytes are when they are a real document of another kind, and plain text declared as text', async () => {
    expect((await extractDocument({ bytes: TEXTLIKE, declaredType: 'text/plain', filename: 'notat.txt' }, DEFAULT_LIMITS)).problem).toBeNull();
    const rtf = Buffer.from('{\\rtf1\\ansi Innspill om eInnsyn\\par}', 'latin1');
    expect(await extractDocument({ bytes: rtf, declaredType: 'application/msword', filename: 'innspill.doc' }, DEFAULT_LIMITS)).toMatchObject({ problem: null, text: 'Innspill om eInnsyn' });
  });

  it('the message says so, and its receipt says the attachment could not be read', async () => {
    const raw = mail({
      body: 'Hei,\n\nVedlagt er vårt innspill til OGP handlingsplan 4B om eInnsyn og åpne data.\n',
      attachments: [{ filename: 'innspill.pdf', contentType: 'application/pdf', content: GARBAGE }],
    });
    const s = await intake(raw, projectRules());
    expect(s.attachments).toHaveLength(1);
    expect(s.attachments[0]).toMatchObject({ text: '' });
    expect(s.attachments[0]!.problem).toContain('ikke en gyldig PDF');

    const config = testConfig();
    const file = join(config.dataDir, '..', 'innspill.eml');
    writeFileSync(file, raw);
    const daemon = new Daemon(config, projectRules(), createLogger({ level: 'silent', secrets: [] }), { mailbox: new FilesMailbox([file]) });
    await daemon.open();
    await daemon.runOnce();
    await daemon.close();
    const [record] = records(config);
    expect(record!.receipt.status).toBe('sent');
    expect(record!.attachments[0]!.textFile).toBeNull();
    const receipts = readdirSync(config.outboxDir).filter((n) => n.endsWith('.eml'));
    expect(receipts).toHaveLength(1);
    const text = (await simpleParser(readFileSync(join(config.outboxDir, receipts[0]!)))).text ?? '';
    expect(text).toMatch(/innspill\.pdf \([^)]*\) – kunne ikke leses: ikke en gyldig PDF/);
  });
});
