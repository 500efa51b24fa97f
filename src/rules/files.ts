// The one list of files that make up a rules folder. The loader reads them, the cache key hashes them.
import { join } from 'node:path';

export const RULE_FILES = {
  consultation: 'consultation.yaml',
  senders: 'senders.yaml',
  commitments: 'commitments.yaml',
  relevance: 'relevance.yaml',
  automatic: 'automatic.yaml',
  ownWords: 'own-words.yaml',
  language: 'language.yaml',
  letter: 'invitation-letter.txt',
} as const;

/** The folder of receipt templates, one file per language the receipt can be written in. */
export const TEMPLATES_DIR = 'templates';
export const RECEIPT_LANGUAGES = ['nb', 'nn', 'en'] as const;

export function receiptTemplateFile(language: (typeof RECEIPT_LANGUAGES)[number]): string {
  return join(TEMPLATES_DIR, `receipt.${language}.yaml`);
}
