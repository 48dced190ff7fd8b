import { z } from 'zod';

/** The standalone simulator's settings, from the environment (`npm run simulator`). */

export interface SimulatorSettings {
  port: number;
  token: string;
  maxActiveApplications: number;
}

export const DEFAULT_SIMULATOR_PORT = 3979;
/** Development only: the simulator never runs in production, and a real portal has its own token. */
export const DEVELOPMENT_PORTAL_TOKEN = 'dev-portal-token';

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const SettingsSchema = z.object({
  NODE_ENV: z.string().optional(),
  SIMULATOR_PORT: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: 'SIMULATOR_PORT must be a port number' }).int({ error: 'SIMULATOR_PORT must be a port number' }).min(0, { error: 'SIMULATOR_PORT must be a port number' }).max(65535, { error: 'SIMULATOR_PORT must be a port number' }).default(DEFAULT_SIMULATOR_PORT),
  ),
  PORTAL_TOKEN: z.preprocess(blankAsUndefined, z.string().default(DEVELOPMENT_PORTAL_TOKEN)),
  MAX_ACTIVE_APPLICATIONS: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: 'MAX_ACTIVE_APPLICATIONS must be a whole number' }).int({ error: 'MAX_ACTIVE_APPLICATIONS must be a whole number' }).min(1, { error: 'MAX_ACTIVE_APPLICATIONS must be at least 1' }).default(5),
  ),
});

export class SimulatorSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'SimulatorSettingsError';
  }
}

/** Throws a `SimulatorSettingsError` naming each problem; refuses NODE_ENV=production. */
export function readSimulatorSettings(environment: NodeJS.ProcessEnv): SimulatorSettings {
  if (environment.NODE_ENV === 'production') {
    throw new SimulatorSettingsError(['the portal simulator does not run when NODE_ENV=production (set PORTAL_BASE_URL to the real portal)']);
  }
  const parsed = SettingsSchema.safeParse(environment);
  if (!parsed.success) throw new SimulatorSettingsError(parsed.error.issues.map((issue) => issue.message));
  return { port: parsed.data.SIMULATOR_PORT, token: parsed.data.PORTAL_TOKEN, maxActiveApplications: parsed.data.MAX_ACTIVE_APPLICATIONS };
}
