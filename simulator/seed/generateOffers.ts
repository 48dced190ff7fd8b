import { z } from 'zod';
import { AbcZoneSchema, FinancingSchema, Offer, Typology, TypologySchema } from '../../services/portal/schemas';
import { addDays, isoDate } from '../calendar';
import { communeByInseeCode } from '../communeDirectory';
import plan from '../data/offerPlan.json';
import { SeededRandom, createSeededRandom } from '../seededRandom';

const RangeSchema = z.tuple([z.number().positive(), z.number().positive()]);
const RentZoneSchema = z.enum(['1bis', '1', '2', '3']);
type RentZone = z.infer<typeof RentZoneSchema>;
const ByRentZoneSchema = z.object({ '1bis': RangeSchema, '1': RangeSchema, '2': RangeSchema, '3': RangeSchema });

const OfferPlanSchema = z.object({
  typologies: z.record(TypologySchema, z.object({ weight: z.number().positive(), surface: RangeSchema, rentFactor: z.number().positive() })),
  financings: z.record(FinancingSchema, z.number().positive()),
  energyClasses: z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number(), E: z.number(), F: z.number(), G: z.number() }),
  rentPerSqm: z.object({ PLAI: ByRentZoneSchema, PLUS: ByRentZoneSchema, PLS: ByRentZoneSchema }),
  pliRentPerSqm: z.record(AbcZoneSchema, RangeSchema),
  chargesPerSqm: ByRentZoneSchema,
  landlords: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  communes: z.array(
    z.object({
      inseeCode: z.string(),
      offers: z.number().int().min(1),
      rentZone: RentZoneSchema,
      abcZone: AbcZoneSchema,
      area: z.string(),
      maxFloor: z.number().int().min(0),
      rentFactor: z.number().positive(),
    }),
  ),
});
type OfferPlan = z.infer<typeof OfferPlanSchema>;
type PlannedCommune = OfferPlan['communes'][number];

/**
 * The simulated offers: for each commune of data/offerPlan.json, its number of offers, drawn from a
 * generator seeded by (seed, commune) — adding a commune does not reshuffle the others. Dates are
 * relative to `today` so offers stay in the future whenever the simulator runs.
 */
export function generateOffers(seed: string, today: Date): Offer[] {
  const checkedPlan = validatedOfferPlan();
  const offers: Offer[] = [];
  for (const planned of checkedPlan.communes) {
    const random = createSeededRandom(`${seed}:offers:${planned.inseeCode}`);
    for (let index = 0; index < planned.offers; index++) {
      offers.push(drawOffer(`OFR-${String(offers.length + 1).padStart(5, '0')}`, planned, checkedPlan, random, today));
    }
  }
  return offers;
}

/** The ABC zone the plan gives a commune, when it has one. */
export function plannedAbcZone(inseeCode: string): Offer['abcZone'] | undefined {
  return validatedOfferPlan().communes.find((commune) => commune.inseeCode === inseeCode)?.abcZone;
}

let validatedPlan: OfferPlan | undefined;

/** data/offerPlan.json, validated once: a typo in it stops the simulator at start-up. */
function validatedOfferPlan(): OfferPlan {
  validatedPlan ??= OfferPlanSchema.parse(plan);
  return validatedPlan;
}

function drawOffer(id: string, planned: PlannedCommune, offerPlan: OfferPlan, random: SeededRandom, today: Date): Offer {
  const commune = communeByInseeCode(planned.inseeCode);
  if (!commune) throw new Error(`offerPlan.json: ${planned.inseeCode} is not a current commune`);

  const typology = random.weighted(typologyWeights(offerPlan));
  const shape = offerPlan.typologies[typology];
  const financing = random.weighted(offerPlan.financings);
  const surface = roundToHalf(random.between(shape.surface[0], shape.surface[1]));
  const floor = random.integer(0, planned.maxFloor);
  // Above the fourth floor there is always a lift; lower down it depends on the building's height.
  const lift = floor > 4 || random.chance(planned.maxFloor > 4 ? 0.7 : 0.35);
  // Accessible (PMR) means reachable without a step: ground floor or a lift.
  const accessible = (floor === 0 || lift) && random.chance(0.3);
  const rentRange = financing === 'PLI' ? offerPlan.pliRentPerSqm[planned.abcZone] : offerPlan.rentPerSqm[financing][planned.rentZone];
  const rentPerSqm = random.between(rentRange[0], rentRange[1]) * planned.rentFactor * shape.rentFactor;
  const chargesPerSqm = random.between(...chargesRange(offerPlan, planned.rentZone));

  return {
    id,
    typology,
    surface,
    floor,
    lift,
    accessible,
    rent: Math.round(surface * rentPerSqm),
    charges: Math.round(surface * chargesPerSqm + (lift ? 15 : 0)),
    financing,
    abcZone: planned.abcZone,
    commune: {
      inseeCode: commune.inseeCode,
      name: commune.name,
      postalCode: random.pick(commune.postalCodes),
      department: commune.department,
    },
    landlord: random.pick(landlordsOf(offerPlan, planned.area)),
    availableDate: isoDate(addDays(today, random.integer(7, 120))),
    energyClass: random.weighted(offerPlan.energyClasses),
    publishedAt: publishedAt(today, random),
  };
}

function typologyWeights(offerPlan: OfferPlan): Record<Typology, number> {
  const { T1, T2, T3, T4, T5 } = offerPlan.typologies;
  return { T1: T1.weight, T2: T2.weight, T3: T3.weight, T4: T4.weight, T5: T5.weight };
}

function chargesRange(offerPlan: OfferPlan, rentZone: RentZone): [number, number] {
  return offerPlan.chargesPerSqm[rentZone];
}

function landlordsOf(offerPlan: OfferPlan, area: string): string[] {
  const landlords = offerPlan.landlords[area];
  if (!landlords) throw new Error(`offerPlan.json: no landlords for area ${area}`);
  return landlords;
}

function publishedAt(today: Date, random: SeededRandom): string {
  const day = addDays(today, -random.integer(1, 28));
  day.setUTCHours(random.integer(7, 18), random.pick([0, 15, 30, 45]), 0, 0);
  return day.toISOString();
}

function roundToHalf(value: number): number {
  return Math.round(value * 2) / 2;
}
