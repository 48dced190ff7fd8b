import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { normaliseNur } from '../../services/sne/uniqueNumber';
import { AbcZoneSchema, OfferSchema } from '../../services/portal/schemas';
import { communeByInseeCode } from '../communeDirectory';
import { FaultRegistry, FaultSpecSchema } from '../faults';
import { ok, parseBody, problem } from '../http/problems';
import { Route } from '../http/router';
import { LinkChallenges } from '../linkChallenges';
import { plannedAbcZone } from '../seed/generateOffers';
import { SimulatorWorld, nextId } from '../world';

/** A new offer: the commune's name and department come from the official list, the id and date from the simulator. */
const NewOfferSchema = OfferSchema.omit({ id: true, commune: true, abcZone: true, publishedAt: true }).extend({
  inseeCode: z.string(),
  /** Defaults to the commune's first postal code. */
  postalCode: z.string().regex(/^\d{5}$/).optional(),
  /** Defaults to the zone the offer plan gives the commune; required for a commune outside the plan. */
  abcZone: AbcZoneSchema.optional(),
});

/** A portal event to send to the bot now, for demos: the applicant by number or id, the rest as documented. */
const DevEventSchema = z.object({
  type: z.enum(['application.stage_changed', 'offer.received', 'document.rejected']),
  nur: z.string().optional(),
  applicantId: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
});

export interface DevContext {
  world: SimulatorWorld;
  /** The world as seeded, anew: what `POST /dev/reset` puts back. */
  seeded: () => SimulatorWorld;
  challenges: LinkChallenges;
  faults: FaultRegistry;
  now: () => Date;
  sendEvent: (event: Record<string, unknown>) => { sentTo?: string };
}

/** Simulator-only routes (never part of a real portal): the outbox, fault injection, new offers, a reset. */
export function devRoutes({ world, seeded, challenges, faults, now, sendEvent }: DevContext): Route[] {
  return [
    {
      // Back to the seeded data (applications, requests, tickets), so test conversations do not depend
      // on each other's order.
      method: 'POST',
      pattern: '/dev/reset',
      handler: () => {
        Object.assign(world, seeded());
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      pattern: '/dev/outbox',
      handler: ({ query }) => ok({ items: challenges.outbox(query.get('challengeId') ?? undefined) }),
    },
    {
      method: 'POST',
      pattern: '/dev/faults',
      handler: ({ body }) => {
        const parsed = parseBody(FaultSpecSchema, body);
        return parsed.ok ? ok(faults.add(parsed.value), 201) : parsed.response;
      },
    },
    { method: 'GET', pattern: '/dev/faults', handler: () => ok({ items: faults.list() }) },
    {
      method: 'POST',
      pattern: '/dev/events',
      handler: ({ body }) => {
        const parsed = parseBody(DevEventSchema, body);
        if (!parsed.ok) return parsed.response;
        const nur = parsed.value.nur ? normaliseNur(parsed.value.nur) : undefined;
        const applicant = [...world.applicants.values()].find((candidate) => candidate.id === parsed.value.applicantId || (nur !== undefined && candidate.nur === nur));
        if (!applicant) return problem(404, 'UNKNOWN_APPLICANT', 'no applicant with this nur or applicantId');
        const event = { eventId: `SIM-${randomUUID()}`, type: parsed.value.type, applicantId: applicant.id, occurredAt: now().toISOString(), data: parsed.value.data };
        const { sentTo } = sendEvent(event);
        if (!sentTo) return problem(409, 'NO_BOT', 'the simulator does not know where the bot listens (it sends events when started by the bot)');
        return ok({ eventId: event.eventId, sentTo }, 202);
      },
    },
    {
      method: 'DELETE',
      pattern: '/dev/faults',
      handler: () => {
        faults.clear();
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/dev/offers',
      handler: ({ body }) => {
        const parsed = parseBody(NewOfferSchema, body);
        if (!parsed.ok) return parsed.response;
        const { inseeCode, postalCode, abcZone, ...offer } = parsed.value;
        const commune = communeByInseeCode(inseeCode);
        if (!commune) return problem(400, 'UNKNOWN_COMMUNE', 'inseeCode is not a current commune');
        if (postalCode !== undefined && !commune.postalCodes.includes(postalCode)) {
          return problem(400, 'INVALID_BODY', 'invalid fields: postalCode');
        }
        const zone = abcZone ?? plannedAbcZone(inseeCode);
        if (!zone) return problem(400, 'INVALID_BODY', 'invalid fields: abcZone (required outside the planned communes)');
        const created = {
          ...offer,
          id: nextId(world, 'offer', 'OFR'),
          abcZone: zone,
          commune: {
            inseeCode: commune.inseeCode,
            name: commune.name,
            postalCode: postalCode ?? commune.postalCodes[0] ?? '',
            department: commune.department,
          },
          publishedAt: now().toISOString(),
        };
        world.offers.set(created.id, created);
        return ok(created, 201);
      },
    },
  ];
}
