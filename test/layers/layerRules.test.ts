import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../services/shared/projectRoot';

const run = promisify(execFile);
const DEPCRUISE = join(projectRoot(), 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const FOLDERS = ['bot', 'dialogs', 'services', 'simulator', 'scripts'];

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Runs the project's rule set (.dependency-cruiser.cjs) on `root` and returns the violations found. */
async function violationsIn(root: string): Promise<Violation[]> {
  const folders = FOLDERS.filter((folder) => existsSync(join(root, folder)));
  const result = await run(process.execPath, [DEPCRUISE, ...folders, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }));
  const report = JSON.parse(result.stdout) as { summary: { violations: Violation[] } };
  return report.summary.violations;
}

/** A small tree with the layers' folders, to break the rules on purpose. */
function fixtureTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  copyFileSync(join(projectRoot(), '.dependency-cruiser.cjs'), join(root, '.dependency-cruiser.cjs'));
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true } }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the layer rules', () => {
  it('hold on the project: services/ and dialogs/ never import upwards, and nothing imports in a circle', async () => {
    expect(await violationsIn(projectRoot())).toEqual([]);
  });

  it('catch an upward import from dialogs/ or services/, the simulator importing the bot, and a circle', async () => {
    const root = fixtureTree({
      'bot/host.ts': "import { greet } from '../dialogs/greeting';\nexport const host = greet;\n",
      'bot/config.ts': 'export const port = 3978;\n',
      'dialogs/greeting.ts': "import { port } from '../bot/config';\nimport { rule } from '../services/rule';\nexport const greet = () => `${rule} ${port}`;\n",
      'services/rule.ts': "import { greet } from '../dialogs/greeting';\nexport const rule = 'r';\nexport const again = greet;\n",
      'simulator/portal.ts': "import { host } from '../bot/host';\nexport const portal = host;\n",
    });
    try {
      const found = (await violationsIn(root)).map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);
      expect(found).toEqual(
        expect.arrayContaining([
          'dialogs-do-not-import-the-host: dialogs/greeting.ts → bot/config.ts',
          'services-look-down-only: services/rule.ts → dialogs/greeting.ts',
          'simulator-shares-the-domain-only: simulator/portal.ts → bot/host.ts',
          expect.stringMatching(/^no-circle: (dialogs\/greeting\.ts → services\/rule\.ts|services\/rule\.ts → dialogs\/greeting\.ts)$/),
        ]),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
