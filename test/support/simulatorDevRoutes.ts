import type { FaultSpec } from '../../simulator/faults';

/** The simulator's development routes (`/dev/*`), called as a test would call them over HTTP. */

export const PORTAL_TOKEN = 'test-portal-token';

const devCall = (simulatorUrl: string, method: string, path: string, body?: unknown) =>
  fetch(`${simulatorUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${PORTAL_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** The newest one-time code the simulator "sent" (GET /dev/outbox). */
export async function newestOutboxCode(simulatorUrl: string): Promise<string> {
  const { items } = (await (await devCall(simulatorUrl, 'GET', '/dev/outbox')).json()) as { items: { code: string }[] };
  if (!items[0]) throw new Error('no code in the simulator outbox');
  return items[0].code;
}

/** Makes the portal misbehave on the matching routes (POST /dev/faults). */
export async function injectPortalFault(simulatorUrl: string, fault: FaultSpec): Promise<void> {
  const response = await devCall(simulatorUrl, 'POST', '/dev/faults', fault);
  if (!response.ok) throw new Error(`the simulator refused the fault: ${response.status} ${await response.text()}`);
}

export async function clearPortalFaults(simulatorUrl: string): Promise<void> {
  await (await devCall(simulatorUrl, 'DELETE', '/dev/faults')).text();
}
