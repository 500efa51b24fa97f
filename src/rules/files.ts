// The one list of files that make up a rules folder. The loader reads them, the cache key hashes them.
//
//   rules/                      shared by every consultation
//     senders.yaml              the organisations the ministry hears from, and the sender categories
//     automatic.yaml            automatic mail
//     own-words.yaml            what is not the sender's own words
//     language.yaml             language words
//     routing.yaml              the default consultation, how content decides between consultations
//     signals.yaml              (optional) relevance signals every consultation judges by (phishing bait)
//     consultations/<id>/       one folder per consultation (its id: a–z, 0–9, "-")
//       consultation.yaml       title, case number, deadline, Message-IDs, commitments, addresses …
//       letter.txt              the invitation letter as sent
//       commitments.yaml        commitment terms
//       relevance.yaml          what ties a message to this consultation
//       senders.yaml            (optional) whom it invited; organisations only it hears from
//       templates/receipt.<language>.yaml
import { join } from 'node:path';

export const SHARED_FILES = {
  senders: 'senders.yaml',
  automatic: 'automatic.yaml',
  ownWords: 'own-words.yaml',
  language: 'language.yaml',
  routing: 'routing.yaml',
  /** Optional. */
  signals: 'signals.yaml',
} as const;

export const CONSULTATIONS_DIR = 'consultations';

export const CONSULTATION_FILES = {
  consultation: 'consultation.yaml',
  letter: 'letter.txt',
  commitments: 'commitments.yaml',
  relevance: 'relevance.yaml',
  /** Optional. */
  senders: 'senders.yaml',
} as const;

/** The folder of receipt templates, one file per language the receipt can be written in. */
export const TEMPLATES_DIR = 'templates';
export const RECEIPT_LANGUAGES = ['nb', 'nn', 'en'] as const;

export function receiptTemplateFile(language: (typeof RECEIPT_LANGUAGES)[number]): string {
  return join(TEMPLATES_DIR, `receipt.${language}.yaml`);
}

/** A consultation's folder. */
export function consultationDir(rulesDir: string, id: string): string {
  return join(rulesDir, CONSULTATIONS_DIR, id);
}
