import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import i18next, { type Resource, type ResourceLanguage, type TFunction } from 'i18next';
import { BoundedMemory } from '../services/shared/boundedMemory';
import { projectRoot } from '../services/shared/projectRoot';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

export type Translate = TFunction;

const translator = i18next.createInstance();
const NOT_TRANSLATIONS = ['nlu.json'];

/** Loads every `locales/<language>/<namespace>.json` once; call before the first turn. */
export function initI18n(): void {
  if (translator.isInitialized) return;
  const resources: Resource = {};
  for (const language of LANGUAGES) {
    const folder = join(projectRoot(), 'locales', language);
    const namespaces: ResourceLanguage = {};
    // nlu.json holds training examples, not sentences the user sees.
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json') && !NOT_TRANSLATIONS.includes(name))) {
      namespaces[basename(file, '.json')] = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    }
    resources[language] = namespaces;
  }
  void translator.init({
    initAsync: false,
    resources,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    defaultNS: 'common',
    ns: Object.keys(resources[DEFAULT_LANGUAGE] ?? {}),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

// One translator per language, built once: every sentence of every turn goes through it.
const fixedTranslators = new Map<Language, Translate>();

export function translatorFor(language: Language): Translate {
  initI18n();
  let translate = fixedTranslators.get(language);
  if (!translate) {
    translate = rememberingSentences(translator.getFixedT(language));
    fixedTranslators.set(language, translate);
  }
  return translate;
}

/** Sentences remembered per language; past this, the memory starts afresh (values vary without end). */
const REMEMBERED_SENTENCES = 4000;
/** A longer value may be something the user wrote: it is translated every time, never kept. */
const LONGEST_REMEMBERED_VALUE = 40;

/**
 * The same key with the same values always gives the same sentence (the resources never change once
 * loaded), and i18next's lookup, options merging and interpolation cost more than a map lookup: a turn
 * builds dozens of sentences. Calls whose options are not plain short values go straight through.
 */
function rememberingSentences(translate: Translate): Translate {
  const call = translate as unknown as (...args: unknown[]) => unknown;
  const sentences = new BoundedMemory<unknown>(REMEMBERED_SENTENCES);
  const remembering = (key: unknown, options?: unknown, ...rest: unknown[]) => {
    const memoryKey = rest.length === 0 ? sentenceKey(key, options) : undefined;
    if (memoryKey === undefined) return call(key, options, ...rest);
    return sentences.remember(memoryKey, () => call(key, options));
  };
  return remembering as unknown as Translate;
}

function sentenceKey(key: unknown, options: unknown): string | undefined {
  if (typeof key !== 'string') return undefined;
  if (options === undefined) return key;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return undefined;
  let memoryKey = key;
  for (const [name, value] of Object.entries(options)) {
    const plain = typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && value.length <= LONGEST_REMEMBERED_VALUE);
    if (!plain) return undefined;
    memoryKey += `\u0000${name}\u0001${typeof value}\u0001${String(value)}`;
  }
  return memoryKey;
}

/** `fr-FR`, `en_US`, `EN` → a supported language, or undefined. */
export function supportedLanguage(locale: string | undefined | null): Language | undefined {
  const code = locale?.trim().slice(0, 2).toLowerCase();
  return LANGUAGES.find((language) => language === code);
}

/**
 * The language of a turn. A choice the user made in the conversation ("english", the language switch)
 * wins, because the channel's locale is only the device's default; then the activity's locale when it
 * names a supported language; then French.
 */
export function languageOfTurn(activityLocale: string | undefined, savedChoice: Language | undefined): Language {
  return savedChoice ?? supportedLanguage(activityLocale) ?? DEFAULT_LANGUAGE;
}

/** Reads a list (an array in the locale file) in the given language. */
export function listFor(language: Language, key: string, namespace = 'common'): string[] {
  initI18n();
  const value = translator.getResource(language, namespace, key);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
