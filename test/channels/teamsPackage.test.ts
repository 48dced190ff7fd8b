import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { buildManifest, buildTeamsPackage, validateTeamsPackage } from '../../scripts/packageTeams';
import { colorIcon, outlineIcon } from '../../scripts/teamsIcons';

const OPTIONS = {
  botId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  teamsAppId: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
  botDomain: 'alin-assistant.azurewebsites.net',
  version: '1.2.3',
};

describe('the Teams app package', () => {
  it('zips a manifest, its English localization and two icons that the bundled Teams schema accepts', () => {
    const zipPath = buildTeamsPackage({ ...OPTIONS, outputDir: mkdtempSync(join(tmpdir(), 'teams-')) });
    const zip = new AdmZip(zipPath);
    expect(zip.getEntries().map((entry) => entry.entryName).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json')) as Record<string, unknown> & {
      bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    };
    const localization = JSON.parse(zip.readAsText('en-us.json')) as Record<string, unknown>;
    expect(validateTeamsPackage(manifest, localization, { color: zip.readFile('color.png')!, outline: zip.readFile('outline.png')! })).toEqual([]);

    expect(manifest).toMatchObject({ id: OPTIONS.teamsAppId, version: '1.2.3', validDomains: [OPTIONS.botDomain], localizationInfo: { defaultLanguageTag: 'fr-fr' } });
    expect(manifest.bots[0]!.botId).toBe(OPTIONS.botId);
    expect(manifest.bots[0]!.scopes).toContain('personal');
    const titles = manifest.bots[0]!.commandLists[0]!.commands.map((command) => command.title);
    expect(titles).toEqual(expect.arrayContaining(['lier mon numéro', 'mon dossier', 'chercher un logement', 'conseiller']));
    expect(localization['bots[0].commandLists[0].commands[1].title']).toBe('link my number');
  });

  it('installs in a team, the helpdesk’s, with the agents’ commands there, and the schema accepts it', () => {
    const { manifest, localization } = buildManifest(OPTIONS) as {
      manifest: { bots: { scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[] };
      localization: Record<string, unknown>;
    };
    expect(validateTeamsPackage(manifest, localization, { color: colorIcon(), outline: outlineIcon() })).toEqual([]);
    const bot = manifest.bots[0]!;
    expect(bot.scopes).toEqual(expect.arrayContaining(['personal', 'groupChat', 'team']));
    const teamCommands = bot.commandLists.find((list) => list.scopes.includes('team'))!;
    expect(teamCommands.commands.map((command) => command.title)).toEqual(['queue', 'take', 'reply', 'close']);
    expect(bot.commandLists[0]!.scopes).not.toContain('team');
    expect(String(localization['bots[0].commandLists[1].commands[0].description'])).toContain('open tickets');

    // The schema is what stops a scope Teams does not know.
    const wrong = { ...manifest, bots: [{ ...bot, scopes: [...bot.scopes, 'channel'] }] };
    expect(validateTeamsPackage(wrong, localization, { color: colorIcon(), outline: outlineIcon() }).join('\n')).toMatch(/scopes/);
  });

  it('reports what the schema refuses, so a broken manifest never ships', () => {
    const { manifest, localization } = buildManifest({ ...OPTIONS, botId: 'not-a-guid' });
    const problems = validateTeamsPackage(manifest, localization, { color: colorIcon(), outline: outlineIcon() });
    expect(problems.join('\n')).toMatch(/botId/);
    expect(validateTeamsPackage(buildManifest(OPTIONS).manifest, localization, { color: outlineIcon(), outline: outlineIcon() })).toContain('color.png must be 192x192');
  });
});
