import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CandidatureStatusSchema, EmployerSchema, FinancingSchema, Offer, TypologySchema } from '../../services/portal/schemas';
import { DocumentStateSchema, DocumentTypeSchema, HouseholdSchema, NurSchema, RequestDocumentSchema } from '../../services/sne/schemas';
import { addDays, addMonths, isoDate, parseIsoDate, startOfDay } from '../calendar';
import demoAccounts from '../data/demoAccounts.json';
import employers from '../data/employers.json';
import { SimulatorWorld, StoredCandidature, StoredRequest } from '../world';
import { generateOffers } from './generateOffers';

const DemoAccountSchema = z.object({
  nur: NurSchema,
  story: z.string(),
  firstName: z.string().min(1),
  email: z.email(),
  employerSiret: z.string(),
  request: z.object({
    department: z.string(),
    registeredAt: z.iso.date(),
    renewalDueInDays: z.number().int(),
    closedAs: z.enum(['cancelled', 'attributed']).nullable(),
    household: HouseholdSchema,
    referenceIncome: z.number().int().min(0),
    documents: z.array(
      z.object({
        type: DocumentTypeSchema,
        concerns: RequestDocumentSchema.shape.concerns,
        state: DocumentStateSchema,
        updatedDaysAgo: z.number().int().min(0).nullable(),
      }),
    ),
  }),
  candidatures: z.array(
    z.object({
      offer: z.object({ commune: z.string(), financing: FinancingSchema, typology: TypologySchema }),
      /** [status, days ago], oldest first. */
      history: z.array(z.tuple([CandidatureStatusSchema, z.number().int().min(0)])).min(1),
      decision: z.object({ rank: z.number().int(), underCondition: z.boolean(), answerWindowDays: z.number().int() }).optional(),
      /** The commission's date, in days from today. */
      commissionInDays: z.number().int().optional(),
      documentsRequested: z.array(z.string()).optional(),
    }),
  ),
});
type DemoAccount = z.infer<typeof DemoAccountSchema>;

const EmployersFileSchema = z.object({ employers: z.array(EmployerSchema.extend({ why: z.string() })) });

/** The simulator's initial world: seeded offers, the employers and the demo accounts of data/*.json. */
export function seedWorld(seed: string, now: Date): SimulatorWorld {
  const today = startOfDay(now);
  const offers = generateOffers(seed, today);
  const world: SimulatorWorld = {
    offers: new Map(offers.map((offer) => [offer.id, offer])),
    requests: new Map(),
    applicants: new Map(),
    employers: new Map(
      EmployersFileSchema.parse(employers).employers.map(({ siret, name, eligible }) => [siret, { siret, name, eligible }]),
    ),
    candidatures: new Map(),
    tickets: new Map(),
    sequences: { offer: offers.length, candidature: 0, ticket: 0 },
  };
  for (const account of z.array(DemoAccountSchema).parse(demoAccounts.accounts)) {
    addDemoAccount(world, account, seed, today);
  }
  return world;
}

/** Stable per seed, opaque to users: the applicant id says nothing about the NUR. */
export function applicantIdFor(seed: string, nur: string): string {
  return `AL-${createHash('sha256').update(`${seed}:${nur}`).digest('hex').slice(0, 10).toUpperCase()}`;
}

function addDemoAccount(world: SimulatorWorld, account: DemoAccount, seed: string, today: Date): void {
  if (!world.employers.has(account.employerSiret)) throw new Error(`demoAccounts.json: unknown employer for ${account.firstName}`);
  world.requests.set(account.nur, storedRequest(account, today));
  const applicantId = applicantIdFor(seed, account.nur);
  world.applicants.set(applicantId, {
    id: applicantId,
    nur: account.nur,
    firstName: account.firstName,
    email: account.email,
    employerSiret: account.employerSiret,
  });
  const usedOffers = new Set<string>();
  for (const planned of account.candidatures) {
    const offer = offerFor(world, planned.offer, usedOffers);
    usedOffers.add(offer.id);
    world.sequences.candidature += 1;
    world.candidatures.set(...candidatureEntry(world.sequences.candidature, applicantId, offer, planned, today));
  }
}

function storedRequest(account: DemoAccount, today: Date): StoredRequest {
  const { request } = account;
  const renewalDue = addDays(today, request.renewalDueInDays);
  // A request lasts one year from filing or renewal (CCH R441-2-7): the last renewal is a year before the due date.
  const lastRenewed = addMonths(renewalDue, -12);
  return {
    nur: account.nur,
    department: request.department,
    registeredAt: request.registeredAt,
    lastRenewedAt: lastRenewed > parseIsoDate(request.registeredAt) ? isoDate(lastRenewed) : null,
    renewalDueDate: isoDate(renewalDue),
    closedAs: request.closedAs,
    household: request.household,
    // Income of year N-2 for a request judged in year N.
    referenceIncome: { amount: request.referenceIncome, year: today.getUTCFullYear() - 2 },
    documents: request.documents.map((document) => ({
      type: document.type,
      concerns: document.concerns,
      state: document.state,
      updatedAt: document.updatedDaysAgo === null ? null : isoDate(addDays(today, -document.updatedDaysAgo)),
    })),
  };
}

/**
 * The first unused offer matching the wish, relaxing typology then financing so any seed can start.
 * With the default seed every wish matches exactly: DEMO_ACCOUNTS.md tells these stories and
 * test/portal/simulatorData.test.ts checks them.
 */
function offerFor(world: SimulatorWorld, wish: DemoAccount['candidatures'][number]['offer'], used: Set<string>): Offer {
  const inCommune = [...world.offers.values()].filter((offer) => offer.commune.inseeCode === wish.commune && !used.has(offer.id));
  const match =
    inCommune.find((offer) => offer.financing === wish.financing && offer.typology === wish.typology) ??
    inCommune.find((offer) => offer.financing === wish.financing) ??
    inCommune[0];
  if (!match) throw new Error(`demoAccounts.json: no offer left in ${wish.commune}`);
  return match;
}

function candidatureEntry(
  sequence: number,
  applicantId: string,
  offer: Offer,
  planned: DemoAccount['candidatures'][number],
  today: Date,
): [string, StoredCandidature] {
  const id = `CAN-${String(sequence).padStart(5, '0')}`;
  const history = planned.history.map(([status, daysAgo]) => ({ status, at: atOfficeHours(addDays(today, -daysAgo)) }));
  const first = history[0];
  const last = history[history.length - 1];
  if (!first || !last) throw new Error('demoAccounts.json: a candidature needs a history');
  const attributed = history.find((event) => event.status === 'attributed');
  const decision =
    planned.decision && attributed
      ? {
          rank: planned.decision.rank,
          underCondition: planned.decision.underCondition,
          // At least 10 days to answer, silence counts as refusal (CCH R441-10).
          answerDueDate: isoDate(addDays(startOfDay(new Date(attributed.at)), planned.decision.answerWindowDays)),
        }
      : null;
  const commissionDate = planned.commissionInDays === undefined ? undefined : isoDate(addDays(startOfDay(today), planned.commissionInDays));
  return [
    id,
    {
      id,
      applicantId,
      offerId: offer.id,
      status: last.status,
      submittedAt: first.at,
      decision,
      ...(commissionDate ? { commissionDate } : {}),
      ...(planned.documentsRequested ? { documentsRequested: planned.documentsRequested } : {}),
      history,
    },
  ];
}

function atOfficeHours(day: Date): string {
  const at = new Date(day.getTime());
  at.setUTCHours(9, 30, 0, 0);
  return at.toISOString();
}
