// Where filed mail goes on the IMAP server. No consultation is named in code: the folder OGP 4B's
// mail always went to (Innspill/OGP-4B) is its imapFolder in rules/, and an operator's
// INNSPILL_IMAP_FILED_FOLDER still decides for the default consultation, as it always did.
import { describe, expect, it } from 'vitest';
import { loadConfig, VARIABLES } from '../../src/config.js';
import { filedFolderFor } from '../../src/mailbox/filed-folder.js';
import { rulesFor } from '../../src/rules/views.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ogp = rulesFor(rules, 'ogp-4b');
const pbl = rulesFor(rules, 'pbl-2021');
const IMAP = { INNSPILL_IMAP_HOST: '127.0.0.1', INNSPILL_IMAP_USER: 'u', INNSPILL_IMAP_PASS: 'p' };

describe('the filed folder', () => {
  it('has no consultation-specific default in the settings', () => {
    expect(VARIABLES.INNSPILL_IMAP_FILED_FOLDER).not.toHaveProperty('default');
    expect(loadConfig({ ...IMAP }, '/tmp').imap!.filedFolder).toBeNull();
  });

  it('unset: the folder each consultation names in rules/, else Innspill/<id> — an existing OGP 4B mailbox keeps Innspill/OGP-4B', () => {
    expect(ogp.consultation.id).toBe(rules.routing.default);
    expect(filedFolderFor(ogp, null)).toEqual({ imap: 'Innspill/OGP-4B', maildir: '.filed' });
    expect(filedFolderFor(pbl, null)).toEqual({ imap: 'Innspill/pbl-2021', maildir: '.filed.pbl-2021' });
  });

  it('set: the operator\'s folder for the default consultation; a pattern with {consultation} for those without a folder of their own', () => {
    expect(filedFolderFor(ogp, 'Arkiv/Innspill').imap).toBe('Arkiv/Innspill');
    expect(filedFolderFor(pbl, 'Arkiv/Innspill').imap).toBe('Innspill/pbl-2021');
    expect(filedFolderFor(ogp, 'Arkiv/{consultation}').imap).toBe('Innspill/OGP-4B');
    expect(filedFolderFor(pbl, 'Arkiv/{consultation}').imap).toBe('Arkiv/pbl-2021');
  });
});
