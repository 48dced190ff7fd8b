// Every log line of the run (in-process bots and spawned bot processes) goes to one folder, which the
// global teardown scans for personal data.
const { mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

module.exports = async () => {
  const folder = join(__dirname, '..', 'artifacts', 'logs');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  process.env.ALIN_TEST_LOG_DIR = folder;
};
