// Campaigns: many people sending one text. Pure detection and description; the store keeps the
// index of entries (src/store/campaign-index.ts) and caseworkers' decisions.
export { attachmentOwnText, entryInputOf, keyOf, type MessageFacts } from './input.js';
export { entryOf, entryKey, type EntryInput, type EntryAttachment } from './entry.js';
export { CampaignGrouper, groupCampaigns, linkCampaigns, campaignIdOf, firstMemberOf, textLinked, comparesText, sameSender, THRESHOLDS } from './group.js';
export { describeCampaign, templateOf, additionsOf, TEMPLATE_SAMPLE, type CampaignText, type MemberText, type TemplateBasis } from './template.js';
export { encodeSignature, decodeSignature } from './minhash.js';
export type { CampaignEntry, CampaignDecision, CampaignGroup, LinkCode } from './types.js';
