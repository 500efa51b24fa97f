// Fault injection for the fault suite (tests/faults): with INNSPILL_FAULT=<point> the process
// kills itself with SIGKILL when it reaches that point, as a power cut would. Unset in
// production; reading one environment variable costs nothing.
export type FaultPoint = 'receipt-before-send' | 'receipt-after-send' | 'record-stored-before-move' | 'decision-stored';

const armed = process.env['INNSPILL_FAULT'];

export function faultPoint(point: FaultPoint): void {
  if (armed === point) process.kill(process.pid, 'SIGKILL');
}
