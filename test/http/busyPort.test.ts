import { createServer, type Server } from 'node:net';
import { exitOfBotProcess } from '../support/botProcess';

/** Holds a free port on every interface, as another process would. */
async function holdAPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('npm start on a port already in use', () => {
  it('says PORT is taken in one sentence and exits with an error, without a stack', async () => {
    const held = await holdAPort();
    try {
      const { code, stdout, stderr } = await exitOfBotProcess({ PORT: String(held.port), SIMULATOR_PORT: '0' });
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(`Port ${held.port} is already in use: another assistant is running, or set PORT to a free port.`);
      expect(stdout + stderr).not.toContain('EADDRINUSE');
      expect(stdout).not.toContain('AL-in Assistant listening');
    } finally {
      await held.release();
    }
  });

  it("says SIMULATOR_PORT is taken when the embedded simulator's port is", async () => {
    const held = await holdAPort();
    try {
      const { code, stdout, stderr } = await exitOfBotProcess({ PORT: '0', SIMULATOR_PORT: String(held.port) });
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(`Port ${held.port} is already in use: another assistant or portal simulator is running, or set SIMULATOR_PORT to a free port.`);
      expect(stdout + stderr).not.toContain('EADDRINUSE');
      expect(stdout).not.toContain('portal simulator listening');
    } finally {
      await held.release();
    }
  });
});
