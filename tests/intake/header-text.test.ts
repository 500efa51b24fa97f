// Header text as people wrote it: unencoded UTF-8 in a header (RFC 6532, sent as is by many mail
// programs) is read as UTF-8, raw Latin-1 from an old program stays readable, and encoded words
// (RFC 2047) decode as before.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const message = (subjectBytes: Buffer) =>
  Buffer.concat([
    Buffer.from('From: Kari Nordmann <kari@ks.no>\r\nTo: postmottak@kmd.dep.no\r\nSubject: ', 'latin1'),
    subjectBytes,
    Buffer.from('\r\nDate: Mon, 10 May 2021 09:59:00 +0200\r\nMessage-ID: <h1@test.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHei.\r\n', 'latin1'),
  ]);

describe('the subject as the sender wrote it', () => {
  it('reads unencoded UTF-8 as UTF-8 ("høringssvar", not "hÃ¸ringssvar")', async () => {
    const s = await intake(message(Buffer.from('Forsinket høringssvar – åpne data', 'utf8')), rules);
    expect(s.subject).toBe('Forsinket høringssvar – åpne data');
  });

  it('keeps raw Latin-1 bytes readable, one letter each', async () => {
    const s = await intake(message(Buffer.from('Høringssvar fra Årdal', 'latin1')), rules);
    expect(s.subject).toBe('Høringssvar fra Årdal');
  });

  it('decodes encoded words as before', async () => {
    const s = await intake(message(Buffer.from('=?UTF-8?Q?H=C3=B8ringssvar?= fra KS', 'latin1')), rules);
    expect(s.subject).toBe('Høringssvar fra KS');
  });
});
