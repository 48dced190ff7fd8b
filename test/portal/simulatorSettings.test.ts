import { readSimulatorSettings, SimulatorSettingsError } from '../../simulator/simulatorSettings';
import { startSimulator } from '../../simulator/startSimulator';
import { TEST_TOKEN } from './simulatorHarness';

describe('the standalone simulator’s settings', () => {
  test('defaults to port 3979, the development token and 5 active applications', () => {
    expect(readSimulatorSettings({})).toEqual({ port: 3979, token: 'dev-portal-token', maxActiveApplications: 5 });
    expect(readSimulatorSettings({ SIMULATOR_PORT: '', PORTAL_TOKEN: ' ' })).toMatchObject({ port: 3979, token: 'dev-portal-token' });
  });

  test('reads SIMULATOR_PORT, PORTAL_TOKEN and MAX_ACTIVE_APPLICATIONS', () => {
    expect(readSimulatorSettings({ SIMULATOR_PORT: '4100', PORTAL_TOKEN: 'secret', MAX_ACTIVE_APPLICATIONS: '3', NODE_ENV: 'development' })).toEqual({
      port: 4100,
      token: 'secret',
      maxActiveApplications: 3,
    });
  });

  test.each([
    [{ SIMULATOR_PORT: 'eighty' }, 'SIMULATOR_PORT must be a port number'],
    [{ SIMULATOR_PORT: '70000' }, 'SIMULATOR_PORT must be a port number'],
    [{ MAX_ACTIVE_APPLICATIONS: '0' }, 'MAX_ACTIVE_APPLICATIONS must be at least 1'],
    [{ NODE_ENV: 'production' }, 'does not run when NODE_ENV=production'],
  ])('refuses %j with a sentence naming the problem', (environment, sentence) => {
    expect(() => readSimulatorSettings(environment)).toThrow(SimulatorSettingsError);
    expect(() => readSimulatorSettings(environment)).toThrow(sentence);
  });

  test('startSimulator itself refuses to run when NODE_ENV=production', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(startSimulator({ port: 0, token: TEST_TOKEN, maxActiveApplications: 5 })).rejects.toThrow('NODE_ENV=production');
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
