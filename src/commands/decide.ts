// `innspill decide ID input|not-input` and `innspill correct ID …`: a caseworker's decision from the
// command line (the IT desk, scripts). Works while `innspill run` runs: the change is handed to it
// through the store and its answer printed (see src/decisions/direct.ts).
import { userInfo } from 'node:os';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Rules } from '../rules/types.js';
import { requestChange } from '../decisions/direct.js';
import type { ChangeRequest } from '../decisions/types.js';
import { commitmentArgs } from '../decisions/commands.js';
import { UsageError } from './usage.js';

export interface CorrectOptions {
  relevant?: boolean;
  notRelevant?: boolean;
  automatic?: boolean;
  person?: boolean;
  commitments?: string;
  organisation?: string;
  unknown?: boolean;
  /** --personal-data: true; --no-personal-data: false. */
  personalData?: boolean;
  note?: string;
}

/** Who decides from the command line: the login name. */
function who(): { by: string; via: 'cli' } {
  let name = 'ukjent';
  try {
    name = userInfo().username;
  } catch {
    // no user database entry (a container): said as unknown
  }
  return { by: name, via: 'cli' };
}

function either(a: boolean | undefined, b: boolean | undefined, names: string): boolean | undefined {
  if (a && b) throw new UsageError(`${names}: velg én av dem`);
  return a ? true : b ? false : undefined;
}

export function correctRequest(id: string, o: CorrectOptions): ChangeRequest {
  if (o.organisation !== undefined && o.unknown) throw new UsageError('--organisation og --unknown: velg én av dem');
  return {
    kind: 'correct',
    id,
    ...(either(o.relevant, o.notRelevant, '--relevant og --not-relevant') !== undefined ? { relevant: either(o.relevant, o.notRelevant, '')! } : {}),
    ...(either(o.automatic, o.person, '--automatic og --person') !== undefined ? { automatic: either(o.automatic, o.person, '')! } : {}),
    ...(o.commitments !== undefined ? { commitments: commitmentArgs(o.commitments) } : {}),
    ...(o.organisation !== undefined ? { organisation: o.organisation } : o.unknown ? { organisation: null } : {}),
    ...(o.personalData !== undefined ? { personalData: o.personalData } : {}),
    ...(o.note !== undefined ? { note: o.note } : {}),
  };
}

export function decideRequest(id: string, decision: string, o: { commitments?: string; note?: string; consultation?: string }): ChangeRequest {
  if (decision !== 'input' && decision !== 'not-input') throw new UsageError(`«${decision}»: skriv input eller not-input`);
  return {
    kind: 'decide',
    id,
    decision,
    ...(o.commitments !== undefined ? { commitments: commitmentArgs(o.commitments) } : {}),
    ...(o.note !== undefined ? { note: o.note } : {}),
    ...(o.consultation !== undefined ? { consultation: o.consultation } : {}),
  };
}

export async function changeCommand(config: Config, rules: Rules, log: Logger, request: ChangeRequest, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const answer = await requestChange(config, rules, log, { kind: 'change', request, who: who() });
  (answer.exitCode === 0 ? out : err).write(answer.text);
  return answer.exitCode;
}
