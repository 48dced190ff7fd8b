/** A route table small enough to read at a glance: method, path pattern with `:params`, handler. */

export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SimulatorRequest {
  method: RouteMethod;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
}

export interface SimulatorResponse {
  status: number;
  /** Omitted for 204. */
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (request: SimulatorRequest) => SimulatorResponse;

export interface Route {
  method: RouteMethod;
  /** `/alin/v1/offers/:offerId` */
  pattern: string;
  handler: RouteHandler;
}

export type RouteMatch =
  | { found: true; route: Route; params: Record<string, string> }
  | { found: false; pathKnown: boolean };

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  let pathKnown = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (!params) continue;
    pathKnown = true;
    if (route.method === method) return { found: true, route, params };
  }
  return { found: false, pathKnown };
}

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const expected = pattern.split('/');
  const actual = path.split('/');
  if (expected.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < expected.length; index++) {
    const part = expected[index] ?? '';
    const value = actual[index] ?? '';
    if (part.startsWith(':')) {
      if (value === '') return undefined;
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return undefined;
      }
    } else if (part !== value) {
      return undefined;
    }
  }
  return params;
}
