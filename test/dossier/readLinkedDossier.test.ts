import { isServiceError, type ServiceError } from '../../services/http/errors';
import { readLinkedDossier, type LinkedDossierApis } from '../../services/dossier/readLinkedDossier';
import { createPortalHttpClient } from '../../services/portal/httpClient';
import { createSneHttpClient } from '../../services/sne/httpClient';
import type { RunningSimulator } from '../../simulator/startSimulator';
import { clearFaults, DEMO, failureOf, injectFault, linkDemoAccount, startTestSimulator, testClientSettings } from '../portal/simulatorHarness';

// Realistic timeouts: a busy CI machine must not turn a slow answer into a failure.
const FUNCTIONAL_TIMEOUTS = { attemptTimeoutMs: 5000, callTimeoutMs: 10000 };

function asServiceError(value: unknown): ServiceError {
  if (!isServiceError(value)) throw new Error(`expected a ServiceError, got ${String(value)}`);
  return value;
}

describe('reading the linked dossier from the portal simulator', () => {
  let simulator: RunningSimulator;
  let apis: LinkedDossierApis;
  let julie: string;

  beforeAll(async () => {
    simulator = await startTestSimulator();
    apis = { portal: createPortalHttpClient(testClientSettings(simulator, FUNCTIONAL_TIMEOUTS)), sne: createSneHttpClient(testClientSettings(simulator, FUNCTIONAL_TIMEOUTS)) };
    julie = await linkDemoAccount(simulator, apis.portal, DEMO.lyonUnderReview);
  });
  afterAll(() => simulator.close());
  afterEach(() => clearFaults(simulator));

  test('reads a demo applicant and the request on the national file their profile points to', async () => {
    const { applicant, request } = await readLinkedDossier(apis, julie);
    expect(applicant).toMatchObject({ id: julie, firstName: 'Julie', linkedRequest: { nur: DEMO.lyonUnderReview, department: '69' } });
    expect(request).toMatchObject({ nur: DEMO.lyonUnderReview, department: '69', state: 'active', household: { persons: 3, dependants: 1 } });
  });

  test('hands back what was read alongside the request: her two applications', async () => {
    const { request, alongside } = await readLinkedDossier(apis, julie, () => apis.portal.listCandidatures(julie));
    expect(request.nur).toBe(DEMO.lyonUnderReview);
    expect(alongside.map((candidature) => candidature.status).sort()).toEqual(['refused', 'under_review']);
  });

  test('says NotFound for an unknown applicant, without reading anything alongside', async () => {
    let startedAlongside = false;
    const alongside = async () => {
      startedAlongside = true;
      return [];
    };
    expect(asServiceError(await failureOf(readLinkedDossier(apis, 'AL-NOBODY')))).toMatchObject({ kind: 'NotFound', api: 'alin', operation: 'getApplicant' });
    expect(asServiceError(await failureOf(readLinkedDossier(apis, 'AL-NOBODY', alongside)))).toMatchObject({ kind: 'NotFound', api: 'alin' });
    expect(startedAlongside).toBe(false);
  });

  test('passes on the national file being down as its typed error', async () => {
    await injectFault(simulator, { route: '/sne/v1/demandes/*', kind: 'error', status: 503 });
    expect(asServiceError(await failureOf(readLinkedDossier(apis, julie)))).toMatchObject({ kind: 'Unavailable', api: 'sne' });
  });
});
