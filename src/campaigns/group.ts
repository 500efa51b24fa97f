// Grouping messages into campaigns: entries are added in filing order; each is compared only with
// the few earlier entries it shares an LSH bucket with (or an identical document from another
// sender), and linked ones are joined (union-find). Adding in filing order, one by one or all at
// once, gives the same campaigns: the daemon adds each batch as it is filed, a reader rebuilds the
// whole from the index, and both see the same. A campaign is people: two senders or more outside
// the register, whom organisations join only when their text is the campaign's (mayJoin).
// Caseworkers' decisions: a member split out is never linked; two joined campaigns are linked
// through their earliest members.
import { BandIndex } from './bands.js';
import { bandKeys, estimateContainment, estimateJaccard } from './minhash.js';
import type { CampaignDecision, CampaignEntry, CampaignGroup, LinkCode } from './types.js';

/**
 * The thresholds, chosen from the measurements in the README (scripts/campaigns/measure.ts):
 * members of one campaign against each other, and messages that share phrases but are no campaign.
 */
export const THRESHOLDS = {
  /**
   * At least this many own words for text similarity: short texts agree without being one campaign
   * ("ingen merknader", "Se vedlegg", "Vedlagt følger vårt innspill til handlingsplanen").
   */
  minWords: 25,
  /** Linked when the estimated Jaccard similarity of the 3-word shingles reaches this … */
  jaccard: 0.25,
  /** … or when this share of the smaller text's shingles is in the other (a member added a long paragraph). */
  containment: 0.45,
} as const;

/**
 * Whether a sender is an organisation of the register. Organisations speak for themselves: two
 * that write the same words agree (they share a paragraph, or send one statement together), and
 * that is no campaign. Their texts are never linked to each other; a campaign is people (or
 * senders the register does not know) sending one text, and an organisation whose input is that
 * text is one of its members.
 */
export function registered(e: CampaignEntry): boolean {
  return e.organisation !== null;
}

/**
 * A campaign has at least this many members from different senders outside the register: one
 * person who writes what an organisation wrote agrees with it; two who send one text are a campaign.
 */
export const MIN_PEOPLE = 2;

/** At most this many earlier groups are compared per bucket, and per new entry in all … */
const PER_BUCKET = 3;
const PER_ENTRY = 48;
/** … among the most recent entries of each bucket (a campaign of thousands fills one bucket). */
const BUCKET_WINDOW = 16;
/** The people's texts of a campaign an organisation is compared with: the earliest and this many most recent. */
const SAMPLE_RECENT = 4;
/** Holders kept per campaign name (each another sender): a new member finds one not its own. */
const NAME_HOLDERS = 4;
/** Those who quoted a name before anyone declared it, kept per name (each another sender). */
const QUOTED_HOLDERS = 16;
/** Texts kept per opening phrase, the most recent (a campaign's members are many and keep coming). */
const PHRASE_HOLDERS = 8;

/** Whether an entry's own words are compared at all. */
export function comparesText(e: CampaignEntry): boolean {
  return e.signature !== null && e.words >= THRESHOLDS.minWords && !e.noComments;
}

/**
 * One sender: the same address, or the same organisation from the register. Their messages are
 * never linked to each other: a corrected resend is a follow-up, not a campaign (and a sender who
 * floods us with copies of a campaign still joins it through the other members).
 */
export function sameSender(a: CampaignEntry, b: CampaignEntry): boolean {
  return (a.from !== null && a.from === b.from) || (a.organisation !== null && a.organisation === b.organisation);
}

function alike(a: Uint32Array, b: Uint32Array, sizeA: number, sizeB: number): boolean {
  const j = estimateJaccard(a, b);
  return j >= THRESHOLDS.jaccard || estimateContainment(j, sizeA, sizeB) >= THRESHOLDS.containment;
}

/**
 * Two senders who each wrote an input of their own in the mail and attach the same document (a
 * form, a report, a petition they both refer to): the document is an enclosure, and what they say
 * is in their mails. Such a pair is linked only when the mails are alike too. A sender whose mail
 * is a cover note ("Se vedlegg") is speaking through the document: linked by it as before.
 */
function enclosed(a: CampaignEntry, b: CampaignEntry): boolean {
  return !!a.mail && !!b.mail && a.documents.some((d) => b.documents.includes(d));
}

/** Whether two senders' mails, each an input of its own, are alike (the estimated sizes: the signatures' own). */
function mailsAlike(a: CampaignEntry, b: CampaignEntry): boolean {
  return !!a.mail && !!b.mail && estimateJaccard(a.mail, b.mail) >= THRESHOLDS.jaccard;
}

export function textLinked(a: CampaignEntry, b: CampaignEntry): boolean {
  if (!a.signature || !b.signature || sameSender(a, b)) return false;
  if (registered(a) && registered(b)) return false;
  if (enclosed(a, b)) return mailsAlike(a, b);
  return alike(a.signature, b.signature, a.shingles, b.shingles);
}



export class CampaignGrouper {
  private readonly entries: CampaignEntry[] = [];
  private readonly parent: number[] = [];
  /** Members per root. */
  private readonly sizes: number[] = [];
  /** Per root: the distinct senders outside the register among its members, at most MIN_PEOPLE. */
  private readonly people: string[][] = [];
  /** Per root: its people's texts compared, the earliest and the SAMPLE_RECENT most recent (see mayJoin). */
  private readonly samples: number[][] = [];
  private readonly byId = new Map<string, number>();
  /** Per consultation, LSH bucket → entries (their positions). */
  private readonly buckets = new Map<string, BandIndex>();
  /** The most recent entries of one bucket, while an entry is compared (one array, used again). */
  private readonly window: number[] = [];
  /** Per consultation and document: its holders, one per sender; `covered`: those whose mail was a cover note. */
  private readonly documents = new Map<string, { all: number[]; covered: number[] }>();
  /** Per consultation and campaign name: who said they write for it, and whose document is headed with it (one per sender each). */
  private readonly names = new Map<string, { declared: number[]; titled: number[]; quoted: number[] }>();
  /** Per consultation and demand: the petitions' holders (cover notes, one per sender) and the texts that open with it (the most recent). */
  private readonly demands = new Map<string, { petitions: number[]; texts: number[] }>();
  /** Demand links: counted in groups() only between two members who are each in a campaign already. */
  private readonly pending: Array<[number, number]> = [];
  private readonly linkCodes = new Map<number, Set<LinkCode>>();
  private readonly excluded: Set<string>;
  private readonly joins: Array<[string, string]>;

  constructor(decisions: CampaignDecision[] = []) {
    this.excluded = new Set(decisions.filter((d) => d.kind === 'split').map((d) => (d as { member: string }).member));
    this.joins = decisions.filter((d): d is Extract<CampaignDecision, { kind: 'join' }> => d.kind === 'join').map((d) => d.members);
  }

  get size(): number {
    return this.entries.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The campaign an entry is in now (joins not yet applied), or null when it is alone. */
  campaignOf(id: string): { id: string; size: number } | null {
    const i = this.byId.get(id);
    if (i === undefined) return null;
    const r = this.root(i);
    return this.isCampaign(r) ? { id: campaignIdOf(this.entries[r]!.id), size: this.sizes[r]! } : null;
  }

  /** Whether a root's group is a campaign: two people or more (see MIN_PEOPLE), or joined by a caseworker. */
  private isCampaign(r: number): boolean {
    return this.people[r]!.length >= MIN_PEOPLE || (this.linkCodes.get(r)?.has('joined') ?? false);
  }

  private push(entry: CampaignEntry): number {
    const i = this.entries.length;
    this.entries.push(entry);
    this.parent.push(i);
    this.sizes.push(1);
    this.people.push(registered(entry) ? [] : [entry.from ?? entry.id]);
    this.samples.push(!registered(entry) && comparesText(entry) && entry.signature ? [i] : []);
    this.byId.set(entry.id, i);
    return i;
  }

  private root(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }

  private union(a: number, b: number, code: LinkCode): void {
    const ra = this.root(a);
    const rb = this.root(b);
    // The earlier entry stays the root: it names the campaign.
    const [keep, drop] = this.entries[ra]!.seq <= this.entries[rb]!.seq ? [ra, rb] : [rb, ra];
    this.parent[drop] = keep;
    this.sizes[keep] = this.sizes[keep]! + this.sizes[drop]!;
    const texts = [...this.samples[keep]!, ...this.samples[drop]!].sort((x, y) => this.entries[x]!.seq - this.entries[y]!.seq);
    this.samples[keep] = texts.length <= SAMPLE_RECENT + 1 ? texts : [texts[0]!, ...texts.slice(-SAMPLE_RECENT)];
    this.samples[drop] = [];
    const people = this.people[keep]!;
    for (const p of this.people[drop]!) if (people.length < MIN_PEOPLE && !people.includes(p)) people.push(p);
    // The codes kept with the root (a campaign of thousands is joined one member at a time).
    let codes = this.linkCodes.get(keep);
    if (!codes) this.linkCodes.set(keep, (codes = new Set()));
    for (const c of this.linkCodes.get(drop) ?? []) codes.add(c);
    codes.add(code);
    this.linkCodes.delete(drop);
  }

  /**
   * Adds one entry (in filing order) and links it to the earlier ones it is like. Returns the links
   * made (the earlier entry's id and why): kept in the index, they give the same campaigns again
   * without comparing anything (see linkCampaigns).
   */
  add(entry: CampaignEntry): Array<{ to: string; code: LinkCode }> {
    const made: Array<{ to: string; code: LinkCode }> = [];
    const i = this.push(entry);
    if (!entry.submission || this.excluded.has(entry.id)) return made;
    const scope = entry.consultation ?? '';
    let compared = 0;
    if (comparesText(entry) && entry.signature) {
      /** The groups its text is like: root → the member found like (a person's text when one is). */
      const found = new Map<number, number>();
      let buckets = this.buckets.get(scope);
      if (!buckets) this.buckets.set(scope, (buckets = new BandIndex()));
      for (const key of bandKeys(entry.signature)) {
        const bucket = buckets.recent(key, BUCKET_WINDOW, this.window);
        const seen: number[] = [];
        for (let k = 0; k < bucket.length && seen.length < PER_BUCKET && compared < PER_ENTRY; k++) {
          const other = bucket[k]!;
          const r = this.root(other);
          // One sender's own earlier copy says nothing: look further back in the bucket for that group.
          if (other === i || seen.includes(r) || sameSender(entry, this.entries[other]!)) continue;
          // A group found like through a person's text needs no more comparing.
          const before = found.get(r);
          if (before !== undefined && !registered(this.entries[before]!)) continue;
          seen.push(r);
          compared++;
          if (textLinked(entry, this.entries[other]!) && (before === undefined || !registered(this.entries[other]!))) found.set(r, other);
        }
        buckets.add(key, i);
      }
      // A person like people's texts joins those; an organisation's alone only when no person's text is like theirs.
      const viaPerson = [...found.values()].some((other) => !registered(this.entries[other]!));
      for (const [r, other] of found) {
        if (!this.mayJoin(entry, r, other, viaPerson) || this.root(other) === this.root(i)) continue;
        this.union(i, other, 'text');
        made.push({ to: this.entries[other]!.id, code: 'text' });
      }
    }
    for (const sha of new Set(entry.documents)) {
      const key = `${scope}\n${sha}`;
      let holders = this.documents.get(key);
      if (!holders) this.documents.set(key, (holders = { all: [], covered: [] }));
      // A sender who wrote their own input in the mail joins the holders whose mail was a cover
      // note (the document speaks for them); holders who also wrote their own are linked only by
      // alike mails, which the text comparison finds (see enclosed).
      const pool = entry.mail ? holders.covered : holders.all;
      const other = pool.find((h) => !sameSender(this.entries[h]!, entry));
      if (other !== undefined && this.root(other) !== this.root(i)) {
        this.union(i, other, 'document');
        made.push({ to: this.entries[other]!.id, code: 'document' });
      }
      // One holder per sender is enough to link the next sender's copy.
      if (!holders.all.some((h) => sameSender(this.entries[h]!, entry))) holders.all.push(i);
      if (!entry.mail && !holders.covered.some((h) => sameSender(this.entries[h]!, entry))) holders.covered.push(i);
    }
    this.linkNames(i, scope, made);
    this.linkDemands(i, scope, made);
    return made;
  }

  /**
   * Whether an entry whose text is like a member of group `r` (`other`) joins it. A campaign's core
   * is its people: a person joins through another person's text, or through an organisation's
   * text that no person has joined yet (the organisation that sent the text first) when no
   * person's text is like theirs (`viaPerson`); an organisation joins when its text is the
   * campaign's, like more than half of the people's texts it is compared with (the earliest and
   * the most recent), not like one of them. So organisations that each share a paragraph with
   * someone do not chain people into one campaign.
   */
  private mayJoin(entry: CampaignEntry, r: number, other: number, viaPerson: boolean): boolean {
    if (!registered(entry)) return !registered(this.entries[other]!) || (this.people[r]!.length === 0 && !viaPerson);
    const texts = this.samples[r]!.filter((t) => !sameSender(entry, this.entries[t]!));
    return texts.filter((t) => textLinked(entry, this.entries[t]!)).length * 2 > texts.length;
  }

  /**
   * A member who speaks through a petition headed with a demand ("Ja til et åpent lobbyregister")
   * and another sender whose text opens with it ("… en ny forpliktelse om et åpent lobbyregister"):
   * the organisation's two ways to take part, in other words. Noted only (pending): in groups() the
   * link counts when each of the two is in a campaign of its own already — a petition several send
   * and a text several paste — so one person's input that happens to open with the same words
   * joins nothing.
   */
  private linkDemands(i: number, scope: string, made: Array<{ to: string; code: LinkCode }>): void {
    const entry = this.entries[i]!;
    const holdersOf = (key: number) => {
      const k = `${scope}\n${key}`;
      let h = this.demands.get(k);
      if (!h) this.demands.set(k, (h = { petitions: [], texts: [] }));
      return h;
    };
    const note = (pool: number[]) => {
      for (const other of pool) {
        if (sameSender(this.entries[other]!, entry)) continue;
        this.pending.push([i, other]);
        made.push({ to: this.entries[other]!.id, code: 'demand' });
      }
    };
    for (const key of entry.demands ?? []) {
      const h = holdersOf(key);
      note(h.texts);
      if (h.petitions.length < NAME_HOLDERS && !h.petitions.some((x) => sameSender(this.entries[x]!, entry))) h.petitions.push(i);
    }
    // A text is kept under every phrase it opens with (the most recent few per phrase), so that a
    // petition that comes later finds members who came before it.
    for (const key of entry.phrases ?? []) {
      const h = holdersOf(key);
      note(h.petitions);
      h.texts.push(i);
      if (h.texts.length > PHRASE_HOLDERS) h.texts.shift();
    }
  }

  /**
   * A member who says which campaign they write for ("kampanjen «X»") is linked to another sender
   * who says the same, or who speaks through a document headed X (the campaign's own leaflet or
   * petition, in other words than the text to paste). Two documents headed alike link nothing: a
   * title such as "Høringsinnspill" is no campaign's name unless a member names it so.
   */
  private linkNames(i: number, scope: string, made: Array<{ to: string; code: LinkCode }>): void {
    const entry = this.entries[i]!;
    const holdersOf = (key: number) => {
      const k = `${scope}\n${key}`;
      let h = this.names.get(k);
      if (!h) this.names.set(k, (h = { declared: [], titled: [], quoted: [] }));
      return h;
    };
    const linkTo = (other: number | undefined) => {
      if (other !== undefined && this.root(other) !== this.root(i)) {
        this.union(i, other, 'name');
        made.push({ to: this.entries[other]!.id, code: 'name' });
      }
    };
    const link = (pool: number[]) => linkTo(pool.find((h) => !sameSender(this.entries[h]!, entry)));
    for (const key of entry.names ?? []) {
      const h = holdersOf(key);
      link(h.declared);
      link(h.titled);
      // Each who quoted the name before anyone declared it joins now.
      for (const q of h.quoted) if (!sameSender(this.entries[q]!, entry)) linkTo(q);
      if (h.declared.length < NAME_HOLDERS && !h.declared.some((x) => sameSender(this.entries[x]!, entry))) h.declared.push(i);
    }
    for (const key of entry.quoted ?? []) {
      const h = holdersOf(key);
      link(h.declared);
      if (h.quoted.length < QUOTED_HOLDERS && !h.quoted.some((x) => sameSender(this.entries[x]!, entry))) h.quoted.push(i);
    }
    for (const key of entry.titles ?? []) {
      const h = holdersOf(key);
      link(h.declared);
      if (h.titled.length < NAME_HOLDERS && !h.titled.some((x) => sameSender(this.entries[x]!, entry))) h.titled.push(i);
    }
  }

  /** Adds an entry with the links found for it before (no comparing): see linkCampaigns. */
  addLinked(entry: CampaignEntry, links: Array<{ to: string; code: LinkCode }>): void {
    const i = this.push(entry);
    if (this.excluded.has(entry.id)) return;
    for (const l of links) {
      const other = this.byId.get(l.to);
      if (other === undefined || this.excluded.has(l.to)) continue;
      if (l.code === 'demand') this.pending.push([i, other]);
      else if (this.root(other) !== this.root(i)) this.union(i, other, l.code);
    }
  }

  /** The campaigns (two members or more), the earliest first; joins decided by caseworkers applied. */
  groups(): CampaignGroup[] {
    for (const [a, b] of this.joins) {
      const ia = this.byId.get(a);
      const ib = this.byId.get(b);
      if (ia === undefined || ib === undefined || this.excluded.has(a) || this.excluded.has(b)) continue;
      if (this.root(ia) !== this.root(ib)) this.union(ia, ib, 'joined');
    }
    // Demand links, between members who are each in a campaign already (before any demand link).
    const inCampaign = this.pending.map(([a, b]) => this.isCampaign(this.root(a)) && this.isCampaign(this.root(b)));
    this.pending.forEach(([a, b], k) => {
      if (inCampaign[k] && this.root(a) !== this.root(b)) this.union(a, b, 'demand');
    });
    const members = new Map<number, number[]>();
    for (let i = 0; i < this.entries.length; i++) {
      const r = this.root(i);
      const list = members.get(r);
      if (list) list.push(i);
      else members.set(r, [i]);
    }
    const groups: CampaignGroup[] = [];
    for (const [r, list] of members) {
      if (list.length < 2 || !this.isCampaign(r)) continue;
      list.sort((x, y) => this.entries[x]!.seq - this.entries[y]!.seq);
      const ids = list.map((x) => this.entries[x]!.id);
      groups.push({ id: campaignIdOf(ids[0]!), members: ids, links: [...(this.linkCodes.get(r) ?? [])].sort() });
    }
    return groups.sort((a, b) => this.entries[this.byId.get(a.members[0]!)!]!.seq - this.entries[this.byId.get(b.members[0]!)!]!.seq);
  }
}

/** A campaign's id: `k-` and its earliest member's record id. */
export function campaignIdOf(firstMember: string): string {
  return `k-${firstMember}`;
}

/** The record id a campaign id is made of, or null when it is not a campaign id. */
export function firstMemberOf(campaignId: string): string | null {
  return campaignId.startsWith('k-') ? campaignId.slice(2) : null;
}

/**
 * The campaigns from links found before (each entry's links to earlier ones, from the index), with
 * the caseworkers' joins: no comparing, so a reader answers at once. Splits are not applied here: a
 * member split out may have been the only link of others, so with splits the campaigns are found
 * again by comparing (groupCampaigns).
 */
export function linkCampaigns(entries: Array<{ entry: CampaignEntry; links: Array<{ to: string; code: LinkCode }> }>, decisions: CampaignDecision[] = []): CampaignGroup[] {
  if (decisions.some((d) => d.kind === 'split')) throw new Error('linkCampaigns cannot apply a split: use groupCampaigns');
  const grouper = new CampaignGrouper(decisions);
  for (const e of [...entries].sort((a, b) => a.entry.seq - b.entry.seq)) grouper.addLinked(e.entry, e.links);
  return grouper.groups();
}

/** The campaigns of entries in filing order, with caseworkers' decisions. */
export function groupCampaigns(entries: CampaignEntry[], decisions: CampaignDecision[] = []): CampaignGroup[] {
  const grouper = new CampaignGrouper(decisions);
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) grouper.add(e);
  return grouper.groups();
}
