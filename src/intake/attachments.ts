// Stage 2 (attachments): every attachment part → what it is, its text, or why it cannot be read.
import { createHash } from 'node:crypto';
import { DEFAULT_LIMITS, extractDocument, extractKnown, type ExtractLimits, type Extractor } from './extract/index.js';
import type { IntakeContext } from './context.js';
import type { RawPart } from './parse.js';
import type { AttachmentFinding } from './types.js';

export async function readAttachments(c: Pick<IntakeContext, 'message' | 'options'>): Promise<AttachmentFinding[]> {
  if (!c.message.isMail) return [];
  return readParts(c.message.parts, c.options.limits ?? DEFAULT_LIMITS, c.options.extractor);
}

async function readParts(parts: RawPart[], limits: ExtractLimits, extractor?: Extractor): Promise<AttachmentFinding[]> {
  return Promise.all(
    parts.map(async (part) => {
      const input = { declaredType: part.contentType, filename: part.filename, charset: part.charset };
      // A part of a stored parse has no bytes: only an extractor that answers by hash can read it.
      if (part.known && !extractor) throw new Error('a stored parse needs an extractor that answers from stored texts');
      const extracted = part.known
        ? await extractKnown({ ...input, ...part.known }, limits, extractor!)
        : await extractDocument({ ...input, bytes: part.content }, limits, extractor);
      return {
        filename: part.filename,
        contentType: part.contentType,
        detectedType: extracted.detectedType,
        size: part.known?.size ?? part.content.length,
        sha256: part.known?.sha256 ?? createHash('sha256').update(part.content).digest('hex'),
        text: extracted.text,
        problem: extracted.problem,
        problemCode: extracted.problem === null ? null : (extracted.problemCode ?? 'unreadable'),
        nested: part.nested,
      };
    }),
  );
}
