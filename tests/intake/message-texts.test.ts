import { describe, expect, it } from 'vitest';
import { readMessage } from '../../src/intake/parse.js';
import { bodyTexts, subjectText } from '../../src/intake/message-texts.js';

const mail = (subject: string, body: string) =>
  Buffer.from(`From: Kari <kari@example.no>\r\nTo: postmottak@kmd.dep.no\r\nSubject: ${subject}\r\nMessage-ID: <a@example.no>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`);

describe("the message's texts, folded once per message", () => {
  it('gives every stage the same folded subject and body of one message, and another for another message', async () => {
    const msg = await readMessage({ raw: mail('Innspill til ÅPEN forvaltning', 'Vi støtter planen.') });
    const subject = subjectText(msg);
    expect(subject.original).toBe(msg.subject);
    expect(subject.folded).toBe('innspill til åpen forvaltning');
    expect(subjectText(msg)).toBe(subject);
    const parts = bodyTexts(msg);
    expect(parts.map((p) => p.original)).toEqual([msg.text, msg.reportText]);
    expect(bodyTexts(msg)).toBe(parts);
    const other = await readMessage({ raw: mail('Innspill til ÅPEN forvaltning', 'Vi støtter planen.') });
    expect(subjectText(other)).not.toBe(subject);
    expect(subjectText(other).folded).toBe(subject.folded);
  });
});
