/** The variables that choose a port `npm start` listens on, and who else is likely to hold that port. */
const LIKELY_HOLDER = {
  PORT: 'another assistant',
  // By default the embedded simulator takes PORT + 1, so another assistant holds it as often as a simulator.
  SIMULATOR_PORT: 'another assistant or portal simulator',
} as const;

export type PortVariable = keyof typeof LIKELY_HOLDER;

/**
 * A port `npm start` was told to use is taken. An operator's mistake, not a bug: the process says it in
 * one sentence naming the variable to change, and exits, instead of printing Node's EADDRINUSE stack.
 */
export class BusyPortError extends Error {
  constructor(
    readonly variable: PortVariable,
    readonly port: number,
  ) {
    super(`Port ${port} is already in use: ${LIKELY_HOLDER[variable]} is running, or set ${variable} to a free port.`);
    this.name = 'BusyPortError';
  }
}

/** The error of a failed `listen`, as a BusyPortError when the port was taken; any other error as it was. */
export function busyPortOr(error: unknown, variable: PortVariable, port: number): unknown {
  const inUse = error instanceof Error && (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  return inUse ? new BusyPortError(variable, port) : error;
}
