import { z } from 'zod';
import { NewTicketSchema, TicketCreatedSchema, TicketListSchema, TicketPatchSchema, TicketSchema } from '../../services/helpdesk/schemas';
import {
  ApplicantSchema,
  AttributionDecisionSchema,
  CandidatureListSchema,
  CandidatureSchema,
  CommuneSchema,
  EmployerSchema,
  LinkChallengeSchema,
  LinkVerificationSchema,
  OfferPageSchema,
  OfferSchema,
} from '../../services/portal/schemas';
import { FaultSpecSchema } from '../../simulator/faults';
import { RunningSimulator } from '../../simulator/startSimulator';
import { HouseholdSchema, HousingRequestSchema, RequestDocumentSchema } from '../../services/sne/schemas';
import { JsonObject, contractValidator, readContract, resolveResponse } from './openApiSchemas';
import { DEMO, TEST_TOKEN, codeFromOutbox, rawCall, startTestSimulator } from './simulatorHarness';

const contract = readContract();
const validatorFor = contractValidator(contract);

interface RecordedAnswer {
  operation: string;
  status: number;
  body: unknown;
  requestIdEchoed: boolean;
}

describe('the simulator honours docs/portal-api.yaml', () => {
  let clock = new Date('2026-11-23T10:00:00.000Z');
  let simulator: RunningSimulator;
  const recorded: RecordedAnswer[] = [];

  /** Calls the simulator and records the answer under its documented operation (`GET /alin/v1/offers/{offerId}`). */
  async function call(method: string, template: string, path: string, body?: unknown, token: string | null = TEST_TOKEN) {
    const response = await fetch(simulator.url + path, {
      method,
      headers: {
        'x-request-id': 'contract-test',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const answer = {
      operation: `${method} ${template}`,
      status: response.status,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
      requestIdEchoed: response.headers.get('x-request-id') === 'contract-test',
    };
    recorded.push(answer);
    return answer;
  }

  beforeAll(async () => {
    simulator = await startTestSimulator({ now: () => clock });

    // Linking: 202, 400, 200, 400 wrong code, 404, 410 used and expired, 423.
    const challenge = (await call('POST', '/alin/v1/links/challenges', '/alin/v1/links/challenges', { nur: DEMO.lyonUnderReview })).body as {
      challengeId: string;
    };
    await call('POST', '/alin/v1/links/challenges', '/alin/v1/links/challenges', { nur: 'nope' });
    const verify = (id: string, code: string) =>
      call('POST', '/alin/v1/links/challenges/{challengeId}/verify', `/alin/v1/links/challenges/${id}/verify`, { code });
    const code = await codeFromOutbox(simulator, challenge.challengeId);
    const applicantId = ((await verify(challenge.challengeId, code)).body as { applicantId: string }).applicantId;
    await verify(challenge.challengeId, code);
    await verify('unknown', '123456');
    const toLock = (await rawCall(simulator, 'POST', '/alin/v1/links/challenges', { nur: DEMO.parisToRenew })).body as { challengeId: string };
    for (let attempt = 0; attempt < 5; attempt++) await verify(toLock.challengeId, 'wrong');
    const toExpire = (await rawCall(simulator, 'POST', '/alin/v1/links/challenges', { nur: DEMO.parisToRenew })).body as { challengeId: string };
    clock = new Date(clock.getTime() + 11 * 60 * 1000);
    await verify(toExpire.challengeId, '000000');

    // Applicants, offers, candidatures, employers.
    await call('GET', '/alin/v1/applicants/{applicantId}', `/alin/v1/applicants/${applicantId}`);
    await call('GET', '/alin/v1/applicants/{applicantId}', '/alin/v1/applicants/AL-NOBODY');
    const page = (await call('GET', '/alin/v1/offers', '/alin/v1/offers?commune=69266&typology=T2,T3&pageSize=5')).body as { items: { id: string }[] };
    await call('GET', '/alin/v1/offers', '/alin/v1/offers?financing=PLI&accessible=true&maxRent=2000&minSurface=20&page=2&pageSize=3');
    await call('GET', '/alin/v1/offers', '/alin/v1/offers?typology=T9');
    await call('GET', '/alin/v1/offers/{offerId}', `/alin/v1/offers/${page.items[0]?.id ?? ''}`);
    await call('GET', '/alin/v1/offers/{offerId}', '/alin/v1/offers/OFR-99999');
    const candidatures = `/alin/v1/applicants/${applicantId}/candidatures`;
    await call('GET', '/alin/v1/applicants/{applicantId}/candidatures', candidatures);
    await call('GET', '/alin/v1/applicants/{applicantId}/candidatures', '/alin/v1/applicants/AL-NOBODY/candidatures');
    const offerToApply = (await rawCall(simulator, 'GET', '/alin/v1/offers?commune=69266&financing=PLUS&typology=T2&pageSize=1')).body as {
      items: { id: string }[];
    };
    const offerId = offerToApply.items[0]?.id ?? '';
    const created = (await call('POST', '/alin/v1/applicants/{applicantId}/candidatures', candidatures, { offerId })).body as { id: string };
    await call('POST', '/alin/v1/applicants/{applicantId}/candidatures', candidatures, { offerId });
    await call('POST', '/alin/v1/applicants/{applicantId}/candidatures', candidatures, {});
    await call('POST', '/alin/v1/applicants/{applicantId}/candidatures', candidatures, { offerId: 'OFR-99999' });
    const parisApplicant = await linkedApplicant(DEMO.parisToRenew);
    await call('POST', '/alin/v1/applicants/{applicantId}/candidatures', `/alin/v1/applicants/${parisApplicant}/candidatures`, { offerId: 'OFR-00001' });
    const withdraw = (id: string) =>
      call('DELETE', '/alin/v1/applicants/{applicantId}/candidatures/{candidatureId}', `${candidatures}/${id}`);
    await withdraw(created.id);
    await withdraw('CAN-99999');
    const refused = ((await rawCall(simulator, 'GET', candidatures)).body as { items: { id: string; status: string }[] }).items.find(
      (candidature) => candidature.status === 'refused',
    );
    await withdraw(refused?.id ?? '');
    // Answering a proposal: accepted (twice: the same answer), then declined (already answered), a bad
    // body, an unknown application, an application that awaits no answer.
    const thomas = await linkedApplicant(DEMO.nordOfferReceived);
    const thomasCandidatures = `/alin/v1/applicants/${thomas}/candidatures`;
    const proposal = ((await rawCall(simulator, 'GET', thomasCandidatures)).body as { items: { id: string; status: string }[] }).items.find(
      (candidature) => candidature.status === 'attributed',
    );
    const answer = (id: string, body: unknown) =>
      call('POST', '/alin/v1/applicants/{applicantId}/candidatures/{candidatureId}/answer', `${thomasCandidatures}/${id}/answer`, body);
    await answer(proposal?.id ?? '', { answer: 'accept' });
    await answer(proposal?.id ?? '', { answer: 'accept' });
    await answer(proposal?.id ?? '', { answer: 'decline', reason: 'too_far' });
    await answer(proposal?.id ?? '', { answer: 'decline' });
    await answer('CAN-99999', { answer: 'accept' });
    for (const siret of ['84215930300010', '84215930300011', '35600000000048']) {
      await call('GET', '/alin/v1/employers/{siret}', `/alin/v1/employers/${siret}`);
    }

    // National request file.
    for (const nur of [DEMO.nordOfferReceived, DEMO.nantesHoused, 'garbage', '0750101999999ABCDE']) {
      await call('GET', '/sne/v1/demandes/{nur}', `/sne/v1/demandes/${nur}`);
    }

    // Helpdesk.
    const ticket = {
      category: 'applications',
      urgency: 'urgent',
      summary: 'Eviction next week',
      language: 'en',
      transcript: [{ from: 'user', text: 'I am being evicted', at: clock.toISOString() }],
      applicantRef: applicantId,
    };
    const { ticketId } = (await call('POST', '/helpdesk/v1/tickets', '/helpdesk/v1/tickets', ticket)).body as { ticketId: string };
    await call('POST', '/helpdesk/v1/tickets', '/helpdesk/v1/tickets', { ...ticket, urgency: 'panic' });
    await call('GET', '/helpdesk/v1/tickets', '/helpdesk/v1/tickets?status=open');
    await call('GET', '/helpdesk/v1/tickets', '/helpdesk/v1/tickets?status=lost');
    await call('GET', '/helpdesk/v1/tickets/{ticketId}', `/helpdesk/v1/tickets/${ticketId}`);
    await call('GET', '/helpdesk/v1/tickets/{ticketId}', '/helpdesk/v1/tickets/HD-99999');
    await call('PATCH', '/helpdesk/v1/tickets/{ticketId}', `/helpdesk/v1/tickets/${ticketId}`, { status: 'resolved', assignee: null });
    await call('PATCH', '/helpdesk/v1/tickets/{ticketId}', `/helpdesk/v1/tickets/${ticketId}`, {});
    await call('PATCH', '/helpdesk/v1/tickets/{ticketId}', '/helpdesk/v1/tickets/HD-99999', { status: 'open' });

    // Simulator-only routes.
    await call('GET', '/dev/outbox', '/dev/outbox');
    await call('POST', '/dev/faults', '/dev/faults', { route: '/nowhere/*', kind: 'error', status: 503, count: 2 });
    await call('POST', '/dev/faults', '/dev/faults', { route: '/nowhere/*', kind: 'latency' });
    await call('POST', '/dev/faults', '/dev/faults', { route: '/nowhere', kind: 'timeout' });
    await call('GET', '/dev/faults', '/dev/faults');
    await call('DELETE', '/dev/faults', '/dev/faults');
    const newOffer = {
      typology: 'T3',
      surface: 64,
      floor: 2,
      lift: true,
      accessible: false,
      rent: 480,
      charges: 130,
      financing: 'PLUS',
      inseeCode: '69266',
      landlord: 'Grand Lyon Logis',
      availableDate: '2027-01-15',
      energyClass: 'C',
    };
    await call('POST', '/dev/offers', '/dev/offers', newOffer);
    await call('POST', '/dev/offers', '/dev/offers', { ...newOffer, inseeCode: '99999' });

    // Every documented route refuses a missing token.
    for (const [template, methods] of Object.entries(contract.paths)) {
      for (const method of Object.keys(methods)) {
        const path = template.replace(/\{[^}]+\}/g, 'x');
        await call(method.toUpperCase(), template, path, method === 'get' || method === 'delete' ? undefined : {}, null);
      }
    }
  });
  afterAll(() => simulator.close());

  async function linkedApplicant(nur: string): Promise<string> {
    const started = (await rawCall(simulator, 'POST', '/alin/v1/links/challenges', { nur })).body as { challengeId: string };
    const code = await codeFromOutbox(simulator, started.challengeId);
    return ((await rawCall(simulator, 'POST', `/alin/v1/links/challenges/${started.challengeId}/verify`, { code })).body as { applicantId: string })
      .applicantId;
  }

  test('every answer has a documented status and a body of the documented shape', () => {
    const problems: string[] = [];
    for (const answer of recorded) {
      const [method = '', template = ''] = answer.operation.split(' ');
      const documented = resolveResponse(contract, contract.paths[template]?.[method.toLowerCase()]?.responses[String(answer.status)]);
      if (!documented) {
        problems.push(`${answer.operation} answered ${answer.status}, which is not documented`);
        continue;
      }
      const schema = documented.content?.['application/json']?.schema;
      if (!schema) {
        if (answer.body !== undefined) problems.push(`${answer.operation} ${answer.status} has a body the contract does not describe`);
        continue;
      }
      const validate = validatorFor(schema);
      if (!validate(answer.body)) {
        problems.push(`${answer.operation} ${answer.status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      }
    }
    expect(problems).toEqual([]);
    expect(recorded.length).toBeGreaterThan(60);
  });

  test('every documented status of every route was exercised', () => {
    const seen = new Set(recorded.map((answer) => `${answer.operation} ${answer.status}`));
    const missing: string[] = [];
    for (const [template, methods] of Object.entries(contract.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        for (const status of Object.keys(operation.responses)) {
          const key = `${method.toUpperCase()} ${template} ${status}`;
          if (!seen.has(key)) missing.push(key);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  test('every answer echoes X-Request-Id', () => {
    expect(recorded.filter((answer) => !answer.requestIdEchoed).map((answer) => answer.operation)).toEqual([]);
  });
});

describe('the zod schemas agree with docs/portal-api.yaml', () => {
  // Component of the contract ↔ the zod schema the clients (or the simulator) validate with.
  const PAIRS: [string, z.ZodType][] = [
    ['Offer', OfferSchema],
    ['OfferPage', OfferPageSchema],
    ['Commune', CommuneSchema],
    ['LinkChallenge', LinkChallengeSchema],
    ['LinkVerification', LinkVerificationSchema],
    ['Employer', EmployerSchema],
    ['Applicant', ApplicantSchema],
    ['AttributionDecision', AttributionDecisionSchema],
    ['Candidature', CandidatureSchema],
    ['CandidatureList', CandidatureListSchema],
    ['HousingRequest', HousingRequestSchema],
    ['Household', HouseholdSchema],
    ['RequestDocument', RequestDocumentSchema],
    ['NewTicket', NewTicketSchema],
    ['TicketCreated', TicketCreatedSchema],
    ['Ticket', TicketSchema],
    ['TicketList', TicketListSchema],
    ['TicketPatch', TicketPatchSchema],
    ['FaultSpec', FaultSpecSchema],
  ];

  test.each(PAIRS)('%s has the same fields, required fields, types and enums', (name, schema) => {
    const documented = contract.components.schemas[name];
    expect(documented).toBeDefined();
    expect(differences(name, resolve(documented), z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject)).toEqual([]);
  });
});

/** Follows `$ref`s and unwraps OpenAPI's `nullable` and zod's `anyOf [X, null]`, to compare like with like. */
function resolve(node: unknown): JsonObject {
  let current = (node ?? {}) as JsonObject;
  for (;;) {
    if (typeof current.$ref === 'string') {
      current = contract.components.schemas[current.$ref.replace('#/components/schemas/', '')] ?? {};
    } else if (Array.isArray(current.allOf) && current.allOf.length === 1) {
      current = current.allOf[0] as JsonObject;
    } else if (Array.isArray(current.anyOf) && current.anyOf.length === 2 && (current.anyOf[1] as JsonObject).type === 'null') {
      current = current.anyOf[0] as JsonObject;
    } else {
      return current;
    }
  }
}

function differences(where: string, yamlNode: JsonObject, zodNode: JsonObject): string[] {
  const found: string[] = [];
  const yamlType = yamlNode.type;
  const zodType = zodNode.type;
  if (yamlType !== undefined && zodType !== undefined && yamlType !== zodType) found.push(`${where}: type ${String(yamlType)} ≠ ${String(zodType)}`);
  if (Array.isArray(yamlNode.enum) || Array.isArray(zodNode.enum)) {
    const a = JSON.stringify([...((yamlNode.enum as unknown[]) ?? [])].sort());
    const b = JSON.stringify([...((zodNode.enum as unknown[]) ?? [])].sort());
    if (a !== b) found.push(`${where}: enum ${a} ≠ ${b}`);
  }
  if (yamlNode.format !== undefined && zodNode.format !== undefined && yamlNode.format !== zodNode.format) {
    found.push(`${where}: format ${String(yamlNode.format)} ≠ ${String(zodNode.format)}`);
  }
  if (yamlType === 'object' || zodType === 'object') {
    const yamlProperties = (yamlNode.properties ?? {}) as Record<string, unknown>;
    const zodProperties = (zodNode.properties ?? {}) as Record<string, unknown>;
    const names = new Set([...Object.keys(yamlProperties), ...Object.keys(zodProperties)]);
    for (const name of names) {
      if (!(name in yamlProperties)) found.push(`${where}.${name}: in zod, not in the contract`);
      else if (!(name in zodProperties)) found.push(`${where}.${name}: in the contract, not in zod`);
      else found.push(...differences(`${where}.${name}`, resolve(yamlProperties[name]), resolve(zodProperties[name])));
    }
    const required = (node: JsonObject) => JSON.stringify([...((node.required as string[]) ?? [])].sort());
    if (required(yamlNode) !== required(zodNode)) found.push(`${where}: required ${required(yamlNode)} ≠ ${required(zodNode)}`);
  }
  if (yamlType === 'array' && zodType === 'array') {
    found.push(...differences(`${where}[]`, resolve(yamlNode.items), resolve(zodNode.items)));
  }
  return found;
}
