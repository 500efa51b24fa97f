// A readable rendering of one e-mail for the archive: who wrote, to whom, when, the subject, the
// text and the list of attachments, as one HTML page. Everything the sender wrote goes through
// escapeHtml() and is shown as text; the page also forbids every script, frame, form and remote
// load in its own Content-Security-Policy, so even a mistake in escaping could run nothing.
import { escapeHtml } from '../digest/render-html.js';
import { oneLine } from '../digest/sender-text.js';
import type { SubmissionRecord } from '../store/record.js';
import { showDateTime } from '../time/local-time.js';
import { titleOf } from './screening.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/** Characters that may not stand in an HTML page, and the direction overrides that disguise text. */
// eslint-disable-next-line no-control-regex
const UNSHOWABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/gu;

function line(text: string): string {
  return escapeHtml(oneLine(text));
}

function address(a: { name: string; address: string } | null): string {
  if (!a) return '(ingen)';
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

export interface RenderedAttachment {
  /** The sender's file name, for people. */
  filename: string;
  /** The file's name in the archive package. */
  file: string;
  size: number;
  problem: string | null;
}

export function renderMessageHtml(r: SubmissionRecord, bodyText: string, attachments: RenderedAttachment[], timeZone: string): string {
  const when = (iso: string | null) => (iso ? showDateTime(new Date(iso), timeZone) : 'ukjent');
  const rows: Array<[string, string]> = [
    ['Fra', address(r.from)],
    ['Organisasjon', r.sender.organisation ?? 'privatperson eller ukjent organisasjon'],
    ['Til', r.to.map(address).join(', ') || '(ingen)'],
    ['Dato', when(r.date)],
    ['Mottatt', `${when(r.receivedAt)}${r.late ? ' (etter fristen)' : ''}`],
    ['Emne', titleOf(r)],
    ['Innspill-id', r.id],
  ];
  const head = rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${line(v)}</td></tr>`).join('\n');
  const files = attachments
    .map((a) => `<li>${line(a.filename || '(uten navn)')} – ${escapeHtml(a.file)}, ${a.size} byte${a.problem ? ` – ${line(a.problem)}` : ''}</li>`)
    .join('\n');
  const body = bodyText.replace(/\r\n?/g, '\n').replace(UNSHOWABLE, '\uFFFD');
  return `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<title>${line(titleOf(r))}</title>
<style>
body { font-family: Arial, Helvetica, sans-serif; max-width: 50em; margin: 2em auto; color: #1f2933; }
th { text-align: left; padding-right: 1em; vertical-align: top; white-space: nowrap; }
td { overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-family: inherit; border-top: 1px solid #d8dee8; padding-top: 1em; }
</style>
</head>
<body>
<table>
${head}
</table>
<pre>${escapeHtml(body) || '(ingen tekst)'}</pre>
${attachments.length > 0 ? `<h2>Vedlegg</h2>\n<ul>\n${files}\n</ul>` : '<p>Ingen vedlegg.</p>'}
</body>
</html>
`;
}
