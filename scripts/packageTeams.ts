import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { z } from 'zod';
import { projectRoot } from '../services/shared/projectRoot';
import { colorIcon, outlineIcon, pngSize } from './teamsIcons';

/**
 * `npm run package:teams`: builds appPackage/build/alin-assistant-teams.zip — the manifest (French by
 * default, English localization), the two icons — and validates it against the Teams manifest schema
 * bundled in @microsoft/app-manifest (offline).
 */
const MANIFEST_VERSION = '1.30';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Development placeholders: schema-valid, but a real upload needs the ids of the Azure Bot and the Teams app.
const DEVELOPMENT_BOT_ID = '00000000-0000-0000-0000-00000000a11f';
const DEVELOPMENT_TEAMS_APP_ID = '00000000-0000-0000-0000-00000000a11e';

const PackageSettingsSchema = z.object({
  MicrosoftAppId: z.string().regex(GUID, { error: 'MicrosoftAppId must be the Azure Bot app id (a GUID)' }).optional(),
  TEAMS_APP_ID: z.string().regex(GUID, { error: 'TEAMS_APP_ID must be a GUID' }).optional(),
  BOT_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, { error: 'BOT_DOMAIN must be a host name such as alin-assistant.azurewebsites.net' })
    .optional(),
});

export interface TeamsPackageOptions {
  botId: string;
  teamsAppId: string;
  botDomain: string;
  version: string;
  outputDir: string;
}

const TeamsTextsSchema = z.object({
  name: z.object({ short: z.string().max(30), full: z.string().max(100) }),
  description: z.object({ short: z.string().max(80), full: z.string().max(4000) }),
  commands: z.record(z.string(), z.object({ title: z.string().max(32), description: z.string().max(128) })),
  /** The helpdesk agents' commands, in the helpdesk team (scope `team`). */
  agentCommands: z.record(z.string(), z.object({ title: z.string().max(32), description: z.string().max(128) })),
});
type TeamsTexts = z.infer<typeof TeamsTextsSchema>;

function textsFor(language: 'fr' | 'en'): TeamsTexts {
  return TeamsTextsSchema.parse(JSON.parse(readFileSync(join(projectRoot(), 'locales', language, 'teams.json'), 'utf8')));
}

export function buildManifest(options: Omit<TeamsPackageOptions, 'outputDir'>): { manifest: Record<string, unknown>; localization: Record<string, unknown> } {
  const fr = textsFor('fr');
  const en = textsFor('en');
  const template = readFileSync(join(projectRoot(), 'appPackage', 'manifest.json'), 'utf8');
  const values: Record<string, string> = {
    APP_VERSION: options.version,
    TEAMS_APP_ID: options.teamsAppId,
    MicrosoftAppId: options.botId,
    BOT_DOMAIN: options.botDomain,
    'name.short': fr.name.short,
    'name.full': fr.name.full,
    'description.short': fr.description.short,
    'description.full': fr.description.full,
  };
  const manifest = JSON.parse(template, (_key, value: unknown) => {
    if (value === '{{commands}}') return Object.values(fr.commands);
    if (value === '{{agentCommands}}') return Object.values(fr.agentCommands);
    return typeof value === 'string' ? value.replace(/\{\{([\w.]+)\}\}/g, (_all, name: string) => values[name] ?? `{{${name}}}`) : value;
  }) as Record<string, unknown>;

  const localization: Record<string, unknown> = {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`,
    'name.short': en.name.short,
    'name.full': en.name.full,
    'description.short': en.description.short,
    'description.full': en.description.full,
  };
  Object.values(en.commands).forEach((command, index) => {
    localization[`bots[0].commandLists[0].commands[${index}].title`] = command.title;
    localization[`bots[0].commandLists[0].commands[${index}].description`] = command.description;
  });
  Object.values(en.agentCommands).forEach((command, index) => {
    localization[`bots[0].commandLists[1].commands[${index}].title`] = command.title;
    localization[`bots[0].commandLists[1].commands[${index}].description`] = command.description;
  });
  return { manifest, localization };
}

/** Problems found by the bundled Teams schemas (empty when valid). */
export function validateTeamsPackage(manifest: unknown, localization: unknown, icons: { color: Buffer; outline: Buffer }): string[] {
  const schemas = join(projectRoot(), 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', `v${MANIFEST_VERSION}`);
  // The Teams schemas hold patterns that are valid only without the u flag ("\b]"), as browsers read them.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const problems: string[] = [];
  for (const [name, schemaFile, document] of [
    ['manifest.json', 'MicrosoftTeams.schema.json', manifest],
    ['en-us.json', 'MicrosoftTeams.Localization.schema.json', localization],
  ] as const) {
    const validate = ajv.compile(JSON.parse(readFileSync(join(schemas, schemaFile), 'utf8')));
    if (!validate(document)) problems.push(...(validate.errors ?? []).map((error) => `${name}${error.instancePath} ${error.message}`));
  }
  const color = pngSize(icons.color);
  const outline = pngSize(icons.outline);
  if (color.width !== 192 || color.height !== 192) problems.push('color.png must be 192x192');
  if (outline.width !== 32 || outline.height !== 32) problems.push('outline.png must be 32x32');
  return problems;
}

export function buildTeamsPackage(options: TeamsPackageOptions): string {
  const { manifest, localization } = buildManifest(options);
  const icons = { color: colorIcon(), outline: outlineIcon() };
  const problems = validateTeamsPackage(manifest, localization, icons);
  if (problems.length > 0) throw new Error(`The Teams package is not valid:\n- ${problems.join('\n- ')}`);

  mkdirSync(options.outputDir, { recursive: true });
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  zip.addFile('en-us.json', Buffer.from(JSON.stringify(localization, null, 2)));
  zip.addFile('color.png', icons.color);
  zip.addFile('outline.png', icons.outline);
  const zipPath = join(options.outputDir, 'alin-assistant-teams.zip');
  zip.writeZip(zipPath);
  // The icons also live beside the template, where a person editing the package looks for them.
  writeFileSync(join(projectRoot(), 'appPackage', 'color.png'), icons.color);
  writeFileSync(join(projectRoot(), 'appPackage', 'outline.png'), icons.outline);
  return zipPath;
}

function main(): void {
  const settings = PackageSettingsSchema.safeParse({
    MicrosoftAppId: process.env.MicrosoftAppId || undefined,
    TEAMS_APP_ID: process.env.TEAMS_APP_ID || undefined,
    BOT_DOMAIN: process.env.BOT_DOMAIN || undefined,
  });
  if (!settings.success) {
    process.stderr.write(`${settings.error.issues.map((issue) => issue.message).join('\n')}\n`);
    process.exit(1);
  }
  const { MicrosoftAppId, TEAMS_APP_ID, BOT_DOMAIN } = settings.data;
  if (!MicrosoftAppId || !TEAMS_APP_ID || !BOT_DOMAIN) {
    process.stdout.write('Note: MicrosoftAppId, TEAMS_APP_ID and BOT_DOMAIN are not all set; development placeholders are used (fine to validate, not to upload).\n');
  }
  const version = (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  const zipPath = buildTeamsPackage({
    botId: MicrosoftAppId ?? DEVELOPMENT_BOT_ID,
    teamsAppId: TEAMS_APP_ID ?? DEVELOPMENT_TEAMS_APP_ID,
    botDomain: BOT_DOMAIN ?? 'alin-assistant.example.org',
    version,
    outputDir: join(projectRoot(), 'appPackage', 'build'),
  });
  process.stdout.write(`Teams package written to ${zipPath} (manifest ${MANIFEST_VERSION}, validated against the bundled schema)\n`);
}

if (require.main === module) main();
