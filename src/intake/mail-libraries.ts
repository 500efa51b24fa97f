// The mail libraries stage 1 (parse.ts) reads messages with, from one module. In dist/ this file is
// replaced by one bundle of them (scripts/bundle-mail-libraries.mjs, the second half of `npm run
// build`): mailparser brings about 150 small CommonJS files (libmime, iconv-lite, linkify-it,
// html-to-text, entities…), and Node resolving, reading and compiling them one by one cost about
// 110 ms of every command that reads mail, a third of `inspect`'s start (issue 17). The sources
// and the tests import the packages as they are, through this file.
export { simpleParser } from 'mailparser';
export type { AddressObject, Attachment, ParsedMail } from 'mailparser';
export { default as libmime } from 'libmime';
export { convert as htmlToText } from 'html-to-text';
