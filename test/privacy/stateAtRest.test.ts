import type Redis from 'ioredis';
import { channelActivity, LocalChannel, postActivity } from '../../bot/channels/localChannel';
import { allText } from '../../bot/channels/visibleText';
import { findPersonalData, type PersonalDataKind } from '../../services/privacy/personalData';
import { findUniqueNumberLikes } from '../../services/sne/uniqueNumber';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { PORTAL_TOKEN, simulatorWithClock } from '../support/simulatorClock';
import { TEST_REDIS_URL, testRedis } from '../support/testRedis';
import { coreOf } from '../support/uniqueNumberSpellings';

/**
 * Issue 21, item 5, "no personal data at rest": a conversation full of personal data, played over HTTP
 * against a bot process on Redis; after every turn, every value the bot keeps under its prefix (state
 * documents, coordination, BullMQ queues: strings, hashes, lists, sets, sorted sets, streams) is read raw
 * and searched for what the user typed.
 */

// Amina, a demo account (README "Demo accounts"), and what she tells the assistant about herself.
const AMINA = { canonical: '0941025000808GDPUB', spellings: ['094 1025 000808 gdpub', '0941025000808GDPUB', '094-1025-000808-GD PUB'] };
const EMAIL = 'amina.benali@exemple.fr';
const PHONE = { typed: '06 12 34 56 78', significant: '612345678' };
/** A social security number with its key, and the same mistyped (a wrong key is not cut out by the screening). */
const SSN = { valid: '2 85 05 78 006 084 41', wrongKey: '2 85 05 78 006 084 12', body: '2850578006084' };
const STREET = { typed: '12 rue des Lilas, 94000 Créteil', name: 'rue des lilas' };

/** The bound on one conversation's state document, whatever the length of the conversation. */
const CONVERSATION_DOCUMENT_BOUND = 32 * 1024;

interface Leak {
  key: string;
  kind: PersonalDataKind;
  /** Where in the value: the field, hash field, list index or stream entry, and the JSON path. */
  at: string;
}

/** Every string a raw value holds: itself, and when it is JSON (after the eTag line of a state document), every key and leaf. */
function stringsIn(raw: string): { path: string; text: string }[] {
  const found = [{ path: '', text: raw }];
  const json = [raw, raw.slice(raw.indexOf('\n') + 1)];
  for (const candidate of json) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(candidate);
    } catch {
      continue;
    }
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'string') found.push({ path, text: value });
      else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
      else if (value && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) {
          found.push({ path: `${path}.${key}(key)`, text: key });
          walk(item, `${path}.${key}`);
        }
      }
    };
    walk(parsed, '$');
    break;
  }
  return found;
}

/** The personal data of this conversation found in clear in one string, in any spelling. */
function personalDataIn(text: string): PersonalDataKind[] {
  const kinds = new Set<PersonalDataKind>();
  const digits = text.replace(/\D/g, '');
  // The number in any spelling the privacy module reads (separators, case, glued to words), or its
  // digits whatever separates them.
  if (findUniqueNumberLikes(text).some((match) => match.value === AMINA.canonical) || coreOf(text).includes(AMINA.canonical.slice(0, 13))) kinds.add('NUR');
  if (text.toLowerCase().includes(EMAIL) || text.toLowerCase().includes(EMAIL.split('@')[0]!)) kinds.add('EMAIL');
  if (digits.includes(PHONE.significant)) kinds.add('PHONE');
  if (digits.includes(SSN.body)) kinds.add('SSN');
  if (text.toLowerCase().replace(/\s+/g, ' ').includes(STREET.name)) kinds.add('ADDRESS');
  // Any e-mail address at all: the assistant has no reason to keep one.
  if (findPersonalData(text).some(({ kind }) => kind === 'EMAIL')) kinds.add('EMAIL');
  return [...kinds];
}

/** Every value under the prefix, raw, whatever its type, with where it sits. */
async function rawValues(redis: Redis, prefix: string): Promise<{ key: string; type: string; at: string; raw: string }[]> {
  const values: { key: string; type: string; at: string; raw: string }[] = [];
  let cursor = '0';
  const keys: string[] = [];
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  for (const key of keys) {
    const type = await redis.type(key);
    switch (type) {
      case 'string':
        values.push({ key, type, at: 'value', raw: (await redis.get(key)) ?? '' });
        break;
      case 'hash':
        for (const [field, raw] of Object.entries(await redis.hgetall(key))) values.push({ key, type, at: `field ${field}`, raw }, { key, type, at: 'field name', raw: field });
        break;
      case 'list':
        (await redis.lrange(key, 0, -1)).forEach((raw, index) => values.push({ key, type, at: `[${index}]`, raw }));
        break;
      case 'set':
        for (const raw of await redis.smembers(key)) values.push({ key, type, at: 'member', raw });
        break;
      case 'zset':
        for (const raw of await redis.zrange(key, 0, -1)) values.push({ key, type, at: 'member', raw });
        break;
      case 'stream':
        for (const [id, fields] of await redis.xrange(key, '-', '+')) {
          for (let index = 0; index < fields.length; index += 2) values.push({ key, type, at: `${id} ${fields[index]}`, raw: fields[index + 1] ?? '' });
        }
        break;
      case 'none':
        break; // expired or deleted between SCAN and TYPE
      default:
        throw new Error(`${key}: a Redis type this audit does not read (${type})`);
    }
    // The key itself must not name a person either.
    values.push({ key, type, at: 'key', raw: key.slice(prefix.length) });
  }
  return values;
}

describe('personal data at rest in Redis', () => {
  const { redis, prefix, cleanup } = testRedis('at-rest');
  const channel = new LocalChannel();
  let simulator: Awaited<ReturnType<typeof simulatorWithClock>>;
  let bot: BotProcess;
  const environment = () => ({ REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, PORTAL_BASE_URL: simulator.url, PORTAL_TOKEN, LINK_ATTEMPTS_PER_HOUR: '100' });
  const leaks = new Map<string, Leak & { afterTurn: string }>();
  /** What the audit read: a Redis type and the key's first segment (`string conversation`, `hash bull`…). */
  const seen = new Set<string>();
  /** The largest each conversation's state document has been, between any two turns. */
  const largest = new Map<string, { bytes: number; afterTurn: string }>();

  beforeAll(async () => {
    simulator = await simulatorWithClock();
    await channel.start();
    bot = await startBotProcess(environment());
  });
  afterAll(async () => {
    await bot.stop();
    await channel.stop();
    await simulator.close();
    await cleanup();
  });

  /** Reads every value under the prefix and remembers each personal datum found in clear. */
  const audit = async (afterTurn: string) => {
    for (const { key, type, at, raw } of await rawValues(redis, prefix)) {
      const document = key.slice(prefix.length);
      seen.add(`${type} ${document.split(':')[0]}`);
      const bytes = Buffer.byteLength(raw);
      if (at === 'value' && document.startsWith('conversation:') && bytes > (largest.get(document)?.bytes ?? 0)) largest.set(document, { bytes, afterTurn });
      for (const { path, text } of stringsIn(raw)) {
        for (const kind of personalDataIn(text)) {
          const leak = { key: document, kind, at: `${at} ${path}`.trim(), afterTurn };
          const id = `${leak.key} ${leak.kind} ${leak.at}`;
          if (!leaks.has(id)) leaks.set(id, leak);
        }
      }
    }
  };

  /** One turn on the given replica, then the audit of what is at rest between this turn and the next. */
  const sayTo = async (replica: BotProcess, conversation: string, text: string, fields: Record<string, unknown> = {}) => {
    const before = channel.activities(conversation).length;
    expect(await postActivity(replica.url, channelActivity(channel.serviceUrl, conversation, { type: 'message', text, ...fields }))).toBe(200);
    const messages = channel.activities(conversation).slice(before).filter((activity) => activity.type === 'message');
    await audit(`${conversation}: ${text.slice(0, 60)}`);
    return allText(messages);
  };
  const say = (conversation: string, text: string, fields: Record<string, unknown> = {}) => sayTo(bot, conversation, text, fields);
  const ticketOf = (text: string) => /ticket n°\u00a0(\S+)\./.exec(text)?.[1];

  it('keeps no unique number, e-mail, phone, social security number or street address in clear, between any two turns', async () => {
    // Linking: the number in a sentence, then the one-time code; notifications on (BullMQ jobs).
    expect(await say('amina', 'bonjour')).not.toBe('');
    expect(await say('amina', `mon numéro c'est ${AMINA.spellings[0]}`)).toContain('code à 6 chiffres');
    expect(await say('amina', await simulator.outboxCode())).toContain('est liée');
    await say('amina', '', { value: { intent: 'notifications', choice: 'on' } });

    // Eligibility from the request, then with another household and income.
    expect(await say('amina', 'suis-je éligible ?')).toContain('Dans quelle commune');
    expect(await say('amina', 'Créteil')).toContain('Catégorie de ménage');
    await say('amina', 'et si on était 3 avec 31 000 € de revenu fiscal ?');
    await say('amina', 'Créteil');

    // A handoff to a person, with every detail in the subject, then more details while it is open.
    expect(await say('amina', 'je voudrais parler à un conseiller')).toContain('quel sujet');
    const subject = `mon dossier ${AMINA.spellings[1]} n'avance pas, rappelez-moi au ${PHONE.typed} ou écrivez à ${EMAIL}, j'habite ${STREET.typed}`;
    expect(await say('amina', subject)).toContain('Je transmets votre demande');
    expect(ticketOf(await say('amina', 'oui'))).toBeDefined();
    await say('amina', `mon mail est ${EMAIL} et mon téléphone ${PHONE.typed}`);

    // The number given in the middle of an eligibility question, the code prompt left waiting, the code
    // expired, a new one sent.
    expect(await say('pending', 'suis-je éligible ?')).toContain('Dans quelle commune');
    expect(await say('pending', 'Créteil')).toContain('Combien de personnes');
    expect(await say('pending', '2')).toContain('revenu fiscal');
    expect(await say('pending', '27 000 €')).toContain('Qui compose votre foyer');
    expect(await say('pending', 'Un adulte seul avec des personnes à charge')).toContain('Catégorie de ménage');
    expect(await say('pending', `suis-je éligible ? mon numéro est ${AMINA.spellings[2]}`)).toContain('code à 6 chiffres');
    await say('pending', 'attends je cherche le code');
    simulator.advance(11 * 60 * 1000);
    expect(await say('pending', '123456')).toContain('Ce code a expiré');
    expect(await say('pending', 'oui')).toContain('code à 6 chiffres');

    // The number at the number prompt, the code prompt left waiting.
    expect(await say('prompted', 'lier mon numéro')).toContain('Quel est votre numéro unique');
    expect(await say('prompted', `c'est le ${AMINA.spellings[1]}`)).toContain('code à 6 chiffres');

    // Data the assistant never needs, told in passing, with its key and mistyped.
    expect(await say('careless', `mon numéro de sécu est ${SSN.valid}`)).toContain("Je n'ai pas besoin");
    await say('careless', 'non');
    await say('careless', `ou plutôt ${SSN.wrongKey} je crois`);

    // A question that stays open, asked with an address.
    await say('address', `suis-je éligible ? j'habite au ${STREET.typed} et mon mail est ${EMAIL}`);

    // A search with an address and a phone number, the number and an e-mail, an urgent story.
    await say('search', `je cherche un T3 près du ${STREET.typed}, appelez-moi au ${PHONE.typed}`);
    await say('search', `mon numéro ${AMINA.spellings[0]} et mon mail ${EMAIL}`);
    await say('search', "on doit quitter l'appartement lundi, l'huissier est passé");

    // The audit read state documents, handoffs and BullMQ's hashes and event streams: it could have failed.
    expect([...seen]).toEqual(expect.arrayContaining(['string conversation', 'string user', 'string handoff', 'hash bull', 'stream bull']));
    expect([...leaks.values()]).toEqual([]);
  });

  it(`keeps each conversation's state under ${CONVERSATION_DOCUMENT_BOUND / 1024} KB, however long the conversation`, async () => {
    // Messages at the longest the assistant reads (2 000 characters), naming many places (each with its
    // homonyms) and amounts, in the middle of dialogs that keep what started them.
    const places = 'Saint-Denis, Villeneuve, Saint-Ouen, Montreuil, Sainte-Marie, Saint-Pierre, Lyon, Paris 11e, ';
    const long = (start: string, index: number) => `${start} ${places.repeat(40)}`.slice(0, 1990 - String(index).length) + index;
    for (let index = 0; index < 12; index++) {
      await say('long', long('je cherche un T3 avec 900 € de loyer à', index));
      await say('long', long('xyzzy plugh', index));
      await say('long', 'annuler');
      await say('long', long('suis-je éligible ? on est 4 avec 31 000 € de revenu fiscal à', index));
      await say('long', 'annuler');
    }
    // The deepest stack: an eligibility question that links first, the code awaited.
    await say('long', long(`suis-je éligible ? mon numéro est ${AMINA.spellings[0]}, on est 4 avec 31 000 € de revenu fiscal à`, 98));
    await say('long', long('attends', 99));
    await say('long', 'annuler');
    await say('long', long('suis-je éligible ? à', 100));
    await say('long', long('je voudrais parler à un conseiller, voici mon histoire', 101));
    expect(largest.get('conversation:emulator:long')?.bytes).toBeGreaterThan(0);
    for (const [key, { bytes, afterTurn }] of largest) expect({ key, bytes, afterTurn, under: bytes < CONVERSATION_DOCUMENT_BOUND }).toEqual({ key, bytes, afterTurn, under: true });
    expect([...leaks.values()]).toEqual([]);
  });

  it('asks for the number again when the code expired and another replica sends the new one', async () => {
    const other = await startBotProcess(environment());
    try {
      expect(await say('replicas', `mon numéro c'est ${AMINA.spellings[0]}`)).toContain('code à 6 chiffres');
      simulator.advance(11 * 60 * 1000);
      expect(await say('replicas', '000000')).toContain('Ce code a expiré');
      // The number was sealed with the first replica's key, which the other one never had.
      expect(await sayTo(other, 'replicas', 'oui')).toContain('je ne garde pas votre numéro unique');
      expect(await sayTo(other, 'replicas', AMINA.spellings[2])).toContain('code à 6 chiffres');
      expect(await sayTo(other, 'replicas', await simulator.outboxCode())).toContain('est liée');
    } finally {
      await other.stop();
    }
    expect([...leaks.values()]).toEqual([]);
  });

  it('sends the new code from any replica when the replicas share STATE_SEAL_SECRET', async () => {
    const shared = { ...environment(), STATE_SEAL_SECRET: 'a-state-seal-secret-of-32-characters-or-more' };
    const [one, other] = await Promise.all([startBotProcess(shared), startBotProcess(shared)]);
    try {
      expect(await sayTo(one, 'shared-secret', `mon numéro c'est ${AMINA.spellings[0]}`)).toContain('code à 6 chiffres');
      simulator.advance(11 * 60 * 1000);
      expect(await sayTo(one, 'shared-secret', '000000')).toContain('Ce code a expiré');
      const afterYes = await sayTo(other, 'shared-secret', 'oui');
      expect(afterYes).not.toContain('je ne garde pas votre numéro unique');
      expect(afterYes).toContain('code à 6 chiffres');
      expect(await sayTo(other, 'shared-secret', await simulator.outboxCode())).toContain('est liée');
    } finally {
      await Promise.all([one.stop(), other.stop()]);
    }
    expect([...leaks.values()]).toEqual([]);
  });
});
