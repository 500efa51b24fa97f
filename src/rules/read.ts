// Reads every rules file and checks it: plain data, as the files say it. A mistake in any file stops
// the read with the file and line; nothing runs on half a rule set. The shared files first, then
// each consultation's folder (rules/consultations/<id>/), then what must hold between them.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { readRulesText, readYamlRules, RulesError, unreadable } from './yaml-file.js';
import {
  automaticSchema,
  commitmentsSchema,
  consultationSchema,
  consultationSendersSchema,
  languageSchema,
  ownWordsSchema,
  relevanceSchema,
  sharedSignalsSchema,
  routingSchema,
  sendersSchema,
} from './schema.js';
import { loadReceiptTemplates } from './templates.js';
import { CONSULTATION_FILES, CONSULTATIONS_DIR, SHARED_FILES } from './files.js';
import type { ConsultationData, RuleData } from './types.js';

type Senders = z.output<typeof sendersSchema>;
type Organisations = Senders['organisations'];

/** Categories and unique domains of a list of organisations (shared, or one consultation's own). */
function checkOrganisations(categoryIds: Set<string>, domainsSeen: Map<string, string>) {
  return (v: { organisations: Organisations }, ctx: z.RefinementCtx) => {
    v.organisations.forEach((o, i) => {
      if (!categoryIds.has(o.category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['organisations', i, 'category'],
          message: `unknown category "${o.category}"; the categories are: ${[...categoryIds].join(', ')}`,
        });
      }
      o.domains.forEach((d, j) => {
        const other = domainsSeen.get(d);
        if (other && other !== o.name) ctx.addIssue({ code: 'custom', path: ['organisations', i, 'domains', j], message: `the domain ${d} is already listed for ${other}` });
        domainsSeen.set(d, o.name);
      });
    });
  };
}

/** The ids of the consultations: the folders under rules/consultations/, in name order. */
export function consultationIds(dir: string): string[] {
  const folder = join(dir, CONSULTATIONS_DIR);
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch (err) {
    throw unreadable(folder, err, 'each consultation is a folder there');
  }
  const ids = names.filter((n) => !n.startsWith('.') && statSync(join(folder, n)).isDirectory());
  for (const n of ids) {
    if (!/^[a-z0-9-]+$/.test(n)) throw new RulesError(join(folder, n), null, null, 'a consultation folder is named by its id, which uses only a–z, 0–9 and "-"');
  }
  if (ids.length === 0) throw new RulesError(folder, null, null, 'has no consultation folder; start one with `innspill consultation new <id> --from <existing>`');
  return ids;
}

function readConsultation(dir: string, id: string, categoryIds: Set<string>, domainsSeen: Map<string, string>, register: Set<string>): ConsultationData {
  const folder = join(dir, CONSULTATIONS_DIR, id);
  const file = (name: string) => join(folder, name);
  const consultation = readYamlRules(file(CONSULTATION_FILES.consultation), file(CONSULTATION_FILES.consultation), consultationSchema);
  const classIds = [...consultation.commitments.map((c) => c.id), ...consultation.topics.map((t) => t.id)];

  const commitments = readYamlRules(
    file(CONSULTATION_FILES.commitments),
    file(CONSULTATION_FILES.commitments),
    commitmentsSchema.superRefine((v, ctx) => {
      const listed = new Set<string>();
      v.commitments.forEach((c, i) => {
        if (!classIds.includes(c.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['commitments', i, 'id'],
            message: `"${c.id}" is not a commitment or topic in consultation.yaml (${classIds.join(', ')})`,
          });
        }
        if (listed.has(c.id)) ctx.addIssue({ code: 'custom', path: ['commitments', i, 'id'], message: `"${c.id}" is listed twice` });
        listed.add(c.id);
      });
    }),
  );
  const relevance = readYamlRules(
    file(CONSULTATION_FILES.relevance),
    file(CONSULTATION_FILES.relevance),
    relevanceSchema.superRefine((v, ctx) => {
      const alone = v.commitmentWords.alone;
      const steps = alone === undefined ? [] : Array.isArray(alone) ? alone : [alone];
      steps.forEach((step, i) =>
        (['exceptCategories', 'categories'] as const).forEach((key) =>
          step[key]?.forEach((id, k) => {
            if (categoryIds.has(id)) return;
            const at = Array.isArray(alone) ? ['commitmentWords', 'alone', i, key, k] : ['commitmentWords', 'alone', key, k];
            ctx.addIssue({ code: 'custom', path: at, message: `unknown category "${id}"; the categories are: ${[...categoryIds].join(', ')}` });
          }),
        ),
      );
    }),
  );

  let senders: ConsultationData['senders'] = { invited: [], organisations: [] };
  const sendersFile = file(CONSULTATION_FILES.senders);
  let hasSenders = true;
  try {
    statSync(sendersFile);
  } catch {
    hasSenders = false;
  }
  if (hasSenders) {
    const own = new Set<string>();
    senders = readYamlRules(
      sendersFile,
      sendersFile,
      consultationSendersSchema.superRefine((v, ctx) => {
        checkOrganisations(categoryIds, domainsSeen)(v, ctx);
        for (const o of v.organisations) own.add(o.name);
        v.invited.forEach((name, i) => {
          if (!register.has(name) && !own.has(name)) {
            ctx.addIssue({ code: 'custom', path: ['invited', i], message: `"${name}" is neither in rules/senders.yaml nor under organisations: here` });
          }
        });
      }),
    );
  }
  return {
    id,
    consultation,
    senders,
    commitments,
    relevance,
    letterText: readRulesText(file(CONSULTATION_FILES.letter)),
    templates: loadReceiptTemplates(folder),
  };
}

/** Every rules file, parsed and checked: plain data, as the files say it. */
export function readRuleData(dir: string): RuleData {
  const file = (name: string) => join(dir, name);
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
  } catch (err) {
    throw unreadable(dir, err, 'it is the rules folder (INNSPILL_RULES_DIR)');
  }

  const domainsSeen = new Map<string, string>();
  let categoryIds = new Set<string>();
  const senders = readYamlRules(
    file(SHARED_FILES.senders),
    file(SHARED_FILES.senders),
    sendersSchema.superRefine((v, ctx) => {
      categoryIds = new Set(v.categories.map((c) => c.id));
      if (!categoryIds.has('ukjent')) ctx.addIssue({ code: 'custom', path: ['categories'], message: 'the categories must include "ukjent" (unknown sender)' });
      checkOrganisations(categoryIds, domainsSeen)(v, ctx);
    }),
  );
  const automatic = readYamlRules(file(SHARED_FILES.automatic), file(SHARED_FILES.automatic), automaticSchema);
  const ownWords = readYamlRules(file(SHARED_FILES.ownWords), file(SHARED_FILES.ownWords), ownWordsSchema);
  const language = readYamlRules(file(SHARED_FILES.language), file(SHARED_FILES.language), languageSchema);
  const routing = readYamlRules(file(SHARED_FILES.routing), file(SHARED_FILES.routing), routingSchema);
  const signals = existsSync(file(SHARED_FILES.signals)) ? readYamlRules(file(SHARED_FILES.signals), file(SHARED_FILES.signals), sharedSignalsSchema) : { signals: [] };

  const register = new Set(senders.organisations.map((o) => o.name));
  const consultations = consultationIds(dir).map((id) => readConsultation(dir, id, categoryIds, domainsSeen, register));
  checkBetween(dir, consultations, routing);
  return { senders, automatic, ownWords, language, routing, signals, consultations };
}

/** What must differ between consultations, so that routing and record ids are never ambiguous. */
function checkBetween(dir: string, list: ConsultationData[], routing: RuleData['routing']): void {
  const where = (c: ConsultationData) => join(dir, CONSULTATIONS_DIR, c.id, CONSULTATION_FILES.consultation);
  if (!list.some((c) => c.id === routing.default)) {
    throw new RulesError(file(dir), null, null, `default: "${routing.default}" is not a consultation folder (${list.map((c) => c.id).join(', ')})`);
  }
  const unique = (what: string, values: (c: ConsultationData) => string[]) => {
    const seen = new Map<string, string>();
    for (const c of list) {
      for (const v of values(c)) {
        const other = seen.get(v);
        if (other !== undefined && other !== c.id) throw new RulesError(where(c), null, null, `${what} ${v || '(empty)'} is also ${other}'s; each consultation needs its own`);
        seen.set(v, c.id);
      }
    }
  };
  // Record ids must never be shared, by any two consultations; what routes mail, only by those
  // switched on (a new folder starts archived, as a copy, until it is filled in).
  unique('the id prefix', (c) => [c.consultation.idPrefix]);
  const open = (values: (c: ConsultationData) => string[]) => (c: ConsultationData) => (c.consultation.archived ? [] : values(c));
  unique('the case number', open((c) => [normaliseCase(c.consultation.caseNumber)]));
  unique('the address', open((c) => c.consultation.addresses.map((a) => a.toLowerCase())));
  unique('the invitation Message-ID', open((c) => c.consultation.invitationMessageIds));
}

const file = (dir: string) => join(dir, SHARED_FILES.routing);

/** 2017/01886 and 17/1886 are one case number. */
export function normaliseCase(caseNumber: string): string {
  const [year, seq] = caseNumber.split('/') as [string, string];
  return `${year.slice(-2)}/${Number(seq)}`;
}
