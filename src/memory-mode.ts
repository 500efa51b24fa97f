// The long-running daemon asks V8 to favour memory over speed (issue 17). Its live heap is small
// (about 40 MB after 1,400 messages filed: the heap snapshot of a run), but V8 let the heap grow
// far beyond that between collections, and the daemon's resident memory rose with the amount of
// mail read: 205 MB after 300 text messages, 241 MB after 2,000. With --optimize-for-size set at
// start the same 300 messages peaked at 107–124 MB (four runs) for about a quarter more CPU in the
// daemon (12.2 s → 15.3–17.5 s on a loaded machine). V8 reads this flag while it runs, so it can
// be set here instead of on the command line (the bench and systemd start `node bin/innspill.js`).
import { setFlagsFromString } from 'node:v8';

let favoured = false;

export function favourMemoryOverSpeed(): void {
  if (favoured) return;
  favoured = true;
  setFlagsFromString('--optimize-for-size');
}
