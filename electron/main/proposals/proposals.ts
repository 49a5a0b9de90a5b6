import type { z } from 'zod';
import type { DbOrTx } from '../../../db/client';
import { createClient, getClient } from '../../../db/clients';
import { createContact } from '../../../db/contacts';
import { getLeadRow, insertActivity, linkLeadToClient, touchLead, type LeadRow } from '../../../db/leads';
import { getProfile } from '../../../db/profile';
import { clientsForMatching, getProposalRow, insertProposal, leadProposalRows, setProposalStatus, updateProposalRow, type ProposalRow } from '../../../db/proposals';
import { getRateCard, listRateCards } from '../../../db/rate-cards';
import { contractInput, type ContractInput } from '../../../shared/api/contracts';
import type { ClientMatchView, Proposal, proposalAcceptInput, proposalInput, proposalMatchesInput, ProposalTermsValues, proposalUpdateInput, StoredProposalTerms } from '../../../shared/api/proposals';
import { paymentTermsFor } from '../../../shared/clients/payment-terms';
import { describeDay } from '../../../shared/dates/calendar';
import { LEAD_STAGES } from '../../../shared/leads/stages';
import { likelyMatches } from '../../../shared/proposals/duplicates';
import { proposalPrice } from '../../../shared/proposals/price';
import { AppError, found } from '../errors';
import { createContract } from '../contracts/contracts';
import { resolveContractRate } from '../contracts/terms';
import { moveStage } from '../leads/leads';

/** The same error with its field paths under `prefix` ("rateCardId" → "terms.rateCardId"), so the form shows it on its own field. */
function under(prefix: string, error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const fields = Object.fromEntries(Object.entries(error.fieldErrors).map(([path, message]) => [`${prefix}.${path}`, message]));
  return new AppError(error.code, error.message, fields);
}

/**
 * The terms as stored: the rate resolved today by the contracts' one resolution (card price,
 * discount, conversion). A lead not yet a client has no engagement, so a rule's tier is its first.
 * Throws VALIDATION on `terms.*` (unknown or archived card, no price yet, a missing conversion).
 */
function resolveTerms(db: DbOrTx, terms: ProposalTermsValues, lead: LeadRow, today: string): StoredProposalTerms {
  if (!getRateCard(db, terms.rateCardId)) throw new AppError('VALIDATION', 'Choose a rate card from the list.', { 'terms.rateCardId': 'Choose a rate card from the list' });
  try {
    const resolution = resolveContractRate(db, {
      // No client has id 0: a lead that is not yet a client has no engagement to count.
      clientId: lead.clientId ?? 0,
      rateCardId: terms.rateCardId,
      discount: terms.discount,
      currency: terms.currency,
      fx: terms.fx,
      effectiveFrom: today,
      period: { start: today, end: null },
      contractId: null,
      allowArchived: { rateCardId: null, ruleId: null },
    });
    return { ...terms, rate: resolution.rate, rateCardVersionFrom: resolution.rateCardVersionFrom };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('VALIDATION', error.message, { 'terms.discount.ruleId': 'Choose a discount from the list' });
    throw under('terms', error);
  }
}

function checkValidity(validUntil: string, today: string): void {
  if (validUntil < today) throw new AppError('VALIDATION', `A proposal stands until today or later, not ${describeDay(validUntil)}.`, { validUntil: 'Choose today or a later date' });
}

const isExpired = (row: ProposalRow, today: string) => (row.status === 'draft' || row.status === 'sent') && row.validUntil < today;

/** A stored proposal as the screens show it, as of `today`: expired or not, its card's name and its price. */
function proposalView(row: ProposalRow, today: string, cardNames: Map<number, string>): Proposal {
  return {
    ...row,
    expired: isExpired(row, today),
    rateCardName: cardNames.get(row.terms.rateCardId) ?? '',
    priceMinor: proposalPrice(row.terms.estimate, row.terms.rate),
  };
}

const cardNamesOf = (db: DbOrTx) => new Map(listRateCards(db).map((c) => [c.id, c.name]));

/** One proposal. Raises NOT_FOUND. */
export function proposalDetail(db: DbOrTx, id: number, today: string): Proposal {
  return proposalView(found(getProposalRow(db, id), 'This proposal'), today, cardNamesOf(db));
}

/** A lead's proposals, newest first. Raises NOT_FOUND for an unknown lead. */
export function leadProposals(db: DbOrTx, leadId: number, today: string): Proposal[] {
  found(getLeadRow(db, leadId), 'This lead');
  const names = cardNamesOf(db);
  return leadProposalRows(db, leadId).map((row) => proposalView(row, today, names));
}

/** Drafts a proposal on an open lead (issue 15 §4). Raises NOT_FOUND, CONFLICT (a won lead), VALIDATION (terms, validity). */
export function createProposal(db: DbOrTx, input: z.output<typeof proposalInput>, now: string, today: string): Proposal {
  return db.transaction((tx) => {
    const lead = found(getLeadRow(tx, input.leadId), 'This lead');
    if (lead.stage === 'won') throw new AppError('CONFLICT', 'This lead is won: its work continues on the client and contract it became.');
    checkValidity(input.validUntil, today);
    const terms = resolveTerms(tx, input.terms, lead, today);
    const id = insertProposal(tx, { leadId: lead.id, title: input.title, scope: input.scope ?? '', terms, validUntil: input.validUntil }, now);
    return proposalDetail(tx, id, today);
  });
}

/** Changes a draft; a sent or decided proposal is frozen. Raises NOT_FOUND, CONFLICT, VALIDATION. */
export function updateProposal(db: DbOrTx, input: z.output<typeof proposalUpdateInput>, now: string, today: string): Proposal {
  return db.transaction((tx) => {
    const row = found(getProposalRow(tx, input.id), 'This proposal');
    if (row.status !== 'draft') throw new AppError('CONFLICT', `This proposal is ${row.status}, so it can't change. Make a new proposal instead.`);
    checkValidity(input.validUntil, today);
    const lead = found(getLeadRow(tx, row.leadId), 'This lead');
    const terms = resolveTerms(tx, input.terms, lead, today);
    updateProposalRow(tx, row.id, { title: input.title, scope: input.scope ?? '', terms, validUntil: input.validUntil }, now);
    return proposalDetail(tx, row.id, today);
  });
}

/** A proposal event on the lead's timeline; it is contact, so it clears staleness. */
function logProposal(db: DbOrTx, lead: LeadRow, body: string, now: string): void {
  insertActivity(db, { leadId: lead.id, kind: 'proposal', occurredAt: now, body, fromStage: null, toStage: null, createdAt: now });
  touchLead(db, lead.id, now);
}

/**
 * Sends a draft: it is frozen from now on, logged on the lead's timeline, and the lead moves to
 * "proposal sent" when it was at an earlier open stage. Raises NOT_FOUND, CONFLICT (not a draft),
 * VALIDATION (expired: extend its validity first).
 */
export function markProposalSent(db: DbOrTx, id: number, now: string, today: string): Proposal {
  return db.transaction((tx) => {
    const row = found(getProposalRow(tx, id), 'This proposal');
    if (row.status !== 'draft') throw new AppError('CONFLICT', `This proposal is already ${row.status}.`);
    if (isExpired(row, today)) throw new AppError('VALIDATION', `This proposal expired on ${describeDay(row.validUntil)}; extend it before sending.`, { validUntil: 'Choose today or a later date' });
    const lead = found(getLeadRow(tx, row.leadId), 'This lead');
    setProposalStatus(tx, id, 'sent', now);
    logProposal(tx, lead, `Proposal sent: ${row.title}`, now);
    if (LEAD_STAGES.indexOf(lead.stage) < LEAD_STAGES.indexOf('proposal-sent')) moveStage(tx, lead, 'proposal-sent', now);
    return proposalDetail(tx, id, today);
  });
}

/** Records that the client said no to a sent proposal. Raises NOT_FOUND, CONFLICT. */
export function declineProposal(db: DbOrTx, id: number, now: string, today: string): Proposal {
  return db.transaction((tx) => {
    const row = found(getProposalRow(tx, id), 'This proposal');
    if (row.status !== 'sent') throw new AppError('CONFLICT', row.status === 'draft' ? 'Mark the proposal sent before recording an answer.' : `This proposal is already ${row.status}.`);
    setProposalStatus(tx, id, 'declined', now);
    logProposal(tx, found(getLeadRow(tx, row.leadId), 'This lead'), `Proposal declined: ${row.title}`, now);
    return proposalDetail(tx, id, today);
  });
}

/** Existing clients the won lead may already be (shared/proposals/duplicates.ts). Raises NOT_FOUND. */
export function proposalMatches(db: DbOrTx, input: z.output<typeof proposalMatchesInput>): ClientMatchView[] {
  const row = found(getProposalRow(db, input.id), 'This proposal');
  const lead = found(getLeadRow(db, row.leadId), 'This lead');
  return likelyMatches({ name: input.name ?? lead.organisation ?? lead.contactName, email: lead.contactEmail, taxNumber: input.taxNumber }, clientsForMatching(db));
}

/** The client a won lead becomes: the one chosen, or a new one with the lead's contact. Refuses a new client whose VAT number another has. */
function clientFor(db: DbOrTx, choice: z.output<typeof proposalAcceptInput>['client'], lead: LeadRow, now: string): number {
  if (choice.mode === 'link') {
    const client = getClient(db, choice.clientId);
    if (!client) throw new AppError('VALIDATION', 'Choose a client from the list.', { 'client.clientId': 'Choose a client from the list' });
    if (client.archived) throw new AppError('VALIDATION', `${client.name} is archived.`, { 'client.clientId': 'This client is archived; restore it first' });
    const known = client.contacts.some((c) => c.email !== null && c.email.toLowerCase() === lead.contactEmail?.toLowerCase());
    if (lead.contactName && !known) createContact(db, { clientId: client.id, name: lead.contactName, role: null, email: lead.contactEmail, phone: lead.contactPhone, isBilling: client.contacts.length === 0 }, now);
    return client.id;
  }
  const twin = likelyMatches({ name: null, email: null, taxNumber: choice.details.taxNumber }, clientsForMatching(db))[0];
  if (twin) {
    const message = `${twin.name} already has this VAT number: link to it instead`;
    throw new AppError('VALIDATION', `${message}.`, { 'client.details.taxNumber': message });
  }
  const client = createClient(db, choice.details, now);
  if (lead.contactName) createContact(db, { clientId: client.id, name: lead.contactName, role: null, email: lead.contactEmail, phone: lead.contactPhone, isBilling: true }, now);
  return client.id;
}

/** The draft contract's terms: the proposal's rate card, discount, currency and cycle, from `startDate`, with the everyday defaults for the rest. */
function contractTermsFor(db: DbOrTx, row: ProposalRow, clientId: number, startDate: string): z.output<typeof contractInput> {
  const t = row.terms;
  const anchored = t.billingCycle.kind === 'weekly' || t.billingCycle.kind === 'fortnightly';
  const input: ContractInput = {
    clientId,
    title: row.title,
    scope: row.scope,
    startDate,
    notice: { amount: 1, unit: 'month' },
    rateCardId: t.rateCardId,
    discount: t.discount,
    currency: t.currency,
    fx: t.fx,
    billingCycle: { kind: t.billingCycle.kind, anchor: anchored ? (t.billingCycle.anchor ?? startDate) : null },
    paymentTermsDays: paymentTermsFor(found(getClient(db, clientId), 'This client'), getProfile(db)),
    rounding: { mode: 'none', incrementMinutes: 1, scope: 'entry' },
    expensePolicy: { kind: 'at-cost' },
  };
  const parsed = contractInput.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]?.message ?? 'These terms cannot make a contract.');
  return parsed.data;
}

/**
 * Accepts a sent proposal (issue 15 §4), in one transaction: the client is linked or created
 * (with the lead's contact), a draft contract carries the proposal's terms from `startDate`, the
 * proposal and the lead record both, and the lead is won with the step logged. Any failure leaves
 * everything as it was. Raises NOT_FOUND, CONFLICT (not sent, or the lead already won),
 * VALIDATION (expired, the client choice, or terms the contract service refuses).
 */
export function acceptProposal(db: DbOrTx, input: z.output<typeof proposalAcceptInput>, now: string, today: string): Proposal {
  return db.transaction((tx) => {
    const row = found(getProposalRow(tx, input.id), 'This proposal');
    if (row.status === 'draft') throw new AppError('CONFLICT', 'Mark the proposal sent before it is accepted.');
    if (row.status !== 'sent') throw new AppError('CONFLICT', `This proposal is ${row.status}, so it can't be accepted. Make a new proposal.`);
    if (isExpired(row, today)) {
      const message = `This proposal expired on ${describeDay(row.validUntil)}; make a new one to extend it`;
      throw new AppError('VALIDATION', `${message}.`, { validUntil: message });
    }
    const lead = found(getLeadRow(tx, row.leadId), 'This lead');
    if (lead.stage === 'won') throw new AppError('CONFLICT', 'This lead is already won.');
    const clientId = clientFor(tx, input.client, lead, now);
    const contract = createContract(tx, contractTermsFor(tx, row, clientId, input.startDate), now, today);
    setProposalStatus(tx, row.id, 'accepted', now, { clientId, contractId: contract.id });
    logProposal(tx, lead, `Proposal accepted: ${row.title}`, now);
    moveStage(tx, lead, 'won', now);
    linkLeadToClient(tx, lead.id, clientId, contract.id, now);
    return proposalDetail(tx, row.id, today);
  });
}
