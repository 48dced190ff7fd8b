import { normaliseNur } from '../../services/sne/uniqueNumber';
import { ok, problem } from '../http/problems';
import { Route } from '../http/router';
import { requestView } from '../views';
import { SimulatorWorld } from '../world';

/** The national request file API (`/sne/v1`), as docs/portal-api.yaml describes it. */
export function sneRoutes(world: SimulatorWorld, now: () => Date): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/sne/v1/demandes/:nur',
      handler: ({ params }) => {
        const nur = normaliseNur(params.nur ?? '');
        if (!nur) return problem(400, 'INVALID_NUR', 'expected 13 digits then 5 letters or digits');
        const request = world.requests.get(nur);
        return request ? ok(requestView(request, now())) : problem(404, 'REQUEST_NOT_FOUND', 'no request with this number');
      },
    },
  ];
}
