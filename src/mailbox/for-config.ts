// The mailbox the settings name: IMAP when an IMAP host is set, else the Maildir folder. One place
// for the daemon and for a command-line decision that must move a message out of the inbox.
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/json-store.js';
import { ImapMailbox } from './imap.js';
import { MaildirMailbox } from './maildir.js';
import type { Mailbox } from './types.js';

export function mailboxFor(config: Config, store: Store, log: Logger): Mailbox {
  return config.imap ? new ImapMailbox(config.imap, store, log.child({ part: 'imap' }), config.secrets) : new MaildirMailbox(config.maildir, store);
}
