// Where a consultation's filed mail goes. Each consultation has a folder of its own: on the IMAP
// server its yaml's imapFolder, else `Innspill/<id>`. The default consultation goes to the folder
// INNSPILL_IMAP_FILED_FOLDER names when it is set (an operator's choice wins over the rules), so a
// mailbox set up before innspill ran several consultations stays as it was; the folder it used to
// have by default (Innspill/OGP-4B) is now ogp-4b's imapFolder, data in rules/. A setting with
// "{consultation}" in it is a pattern for every consultation instead. In the Maildir: ".filed" for
// the default consultation, ".filed.<id>" (the Maildir++ sub-folder filed/<id>) for the others.
import type { Rules } from '../rules/types.js';

export interface FiledFolder {
  /** The IMAP folder, "/"-separated. */
  imap: string;
  /** The sub-maildir, relative to the Maildir's root. */
  maildir: string;
}

export const FILED_SUBFOLDER = '.filed';

/** `configured`: INNSPILL_IMAP_FILED_FOLDER, null when unset. */
export function filedFolderFor(view: Rules, configured: string | null): FiledFolder {
  const c = view.consultation;
  const isDefault = c.id === view.routing.default;
  const pattern = configured?.includes('{consultation}') ? configured : null;
  const imap = isDefault && configured && !pattern ? configured : (c.imapFolder ?? pattern?.replaceAll('{consultation}', c.id) ?? `Innspill/${c.id}`);
  return { imap, maildir: isDefault ? FILED_SUBFOLDER : `${FILED_SUBFOLDER}.${c.id}` };
}
