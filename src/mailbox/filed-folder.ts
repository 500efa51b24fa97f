// Where a consultation's filed mail goes. Each consultation has a folder of its own: on the IMAP
// server `Innspill/<id>` (or its yaml's imapFolder); the default consultation keeps the folder
// INNSPILL_IMAP_FILED_FOLDER names (Innspill/OGP-4B unless set), so a mailbox set up before
// innspill ran several consultations stays as it was. A setting with "{consultation}" in it is a
// pattern for every consultation instead. In the Maildir: ".filed" for the default consultation,
// ".filed.<id>" (the Maildir++ sub-folder filed/<id>) for the others.
import type { Rules } from '../rules/types.js';

export interface FiledFolder {
  /** The IMAP folder, "/"-separated. */
  imap: string;
  /** The sub-maildir, relative to the Maildir's root. */
  maildir: string;
}

export const FILED_SUBFOLDER = '.filed';

export function filedFolderFor(view: Rules, configured: string): FiledFolder {
  const c = view.consultation;
  const isDefault = c.id === view.routing.default;
  const imap = c.imapFolder ?? (configured.includes('{consultation}') ? configured.replaceAll('{consultation}', c.id) : isDefault ? configured : `Innspill/${c.id}`);
  return { imap, maildir: isDefault ? FILED_SUBFOLDER : `${FILED_SUBFOLDER}.${c.id}` };
}
