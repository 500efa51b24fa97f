// Subjects without reply and forward prefixes, so "SV: VS: Innspill fra KS" and "Innspill fra KS"
// are seen as the same conversation. Norwegian, Nordic, German and English prefixes, and the
// words people put in front of a corrected version.
const PREFIX = /^\s*(?:(?:re|sv|svar|aw|antw|vs|fw|fwd|wg|tr|vb|fs|ref|odp)(?:\s*\[\d+\]|\s*\(\d+\))?\s*:|\[[^\]]{1,40}\]|(?:korrigert|korrigering|oppdatert|oppdatering|rettelse|retting|endring|tillegg|updated|corrected|correction|revised|revidert)\s*(?::|-|–)?\s*(?=\S))\s*/i;

export function baseSubject(subject: string): string {
  let s = subject.normalize('NFC');
  for (let i = 0; i < 10; i++) {
    const next = s.replace(PREFIX, '');
    if (next === s) break;
    s = next;
  }
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}
