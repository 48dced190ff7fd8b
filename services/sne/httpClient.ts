import { CircuitStatus } from '../http/circuitBreaker';
import { BadRequestError } from '../http/errors';
import { CallOptions, HttpClientSettings, createJsonClient } from '../http/jsonClient';
import { requestIdOrNew } from '../http/requestId';
import { normaliseNur } from './uniqueNumber';
import { HousingRequestSchema } from './schemas';
import { SneApi } from './sneApi';

export interface SneHttpClient extends SneApi {
  circuitStatus(): CircuitStatus;
}

/** The national request file client over HTTP (`{baseUrl}/sne/v1`). */
export function createSneHttpClient(settings: HttpClientSettings): SneHttpClient {
  const client = createJsonClient({ name: 'sne', prefix: '/sne/v1' }, settings);
  return {
    async getRequest(nur: string, options?: CallOptions) {
      const canonical = normaliseNur(nur);
      if (!canonical) {
        // Refused here rather than sent: a malformed number must not travel in a URL to any log.
        throw new BadRequestError({ api: 'sne', operation: 'getRequest', requestId: requestIdOrNew(options?.requestId), code: 'INVALID_NUR' });
      }
      return client.send(
        { operation: 'getRequest', method: 'GET', path: `/demandes/${canonical}`, responseSchema: HousingRequestSchema },
        options,
      );
    },
    circuitStatus: () => client.circuitStatus(),
  };
}
