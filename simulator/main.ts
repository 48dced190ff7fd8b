import { readSimulatorSettings, SimulatorSettingsError } from './simulatorSettings';
import { startSimulator } from './startSimulator';

/**
 * `npm run simulator`: the portal simulator alone. Prints one JSON line with its URL (never the token);
 * stops cleanly on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const settings = readSimulatorSettings(process.env);
  const simulator = await startSimulator(settings);
  process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'portal simulator listening', url: simulator.url, maxActiveApplications: settings.maxActiveApplications })}\n`);
  const stop = () => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof SimulatorSettingsError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`${JSON.stringify({ level: 'fatal', msg: `portal simulator not started: ${message}` })}\n`);
  process.exit(1);
});
