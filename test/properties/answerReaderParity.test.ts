import fc from 'fast-check';
import { asksForAPerson, readChoice, readYesNo, type ChoiceOption } from '../../dialogs/recognizer/answers/answerReader';
import answerWords from '../../dialogs/recognizer/answers/answerWords.json';

/**
 * Properties (issue: "every answer the shared reader accepts in French has its English counterpart"):
 * the answers of `answerWords.json` — yes, no, unsure, none of these, a position, the last one, asking for
 * a person — typed as people type them (capitals, punctuation, accents or none, "euh", "bah", "svp"
 * around) are read as their kind; for each kind (and each position) the English words are read as the
 * same; and noise around an answer does not change how it is read.
 */

// Fixed: the runs are the same at every run.
const RUNS = { seed: 20_260_304, numRuns: 300 };

/**
 * Spellings the reader does not read today (see the report of the property-tests branch): `true` leaves
 * them out of the generators; set to `false` once fixed, and the properties cover them again.
 */
const LEFT_OUT = {
  /**
   * Contractions typed without their apostrophe: "cest bon", "cest ca" (no yes read), "jai un doute"
   * ("oui jai un doute" read as yes), "ni lun ni lautre" (no "none"), "quelquun" (no person); in English
   * "dont", "thats not it", "i dont want to" (no no read), "i dont know" ("yeah i dont know" read as yes,
   * where "ouais je sais pas" is not read). "daccord", "thats right", "im not sure" are read.
   */
  apostropheDropped: false,
};

type Language = 'fr' | 'en';
type Listed = 'yes' | 'no' | 'unsure' | 'none' | 'last' | 'person';
type Words = Record<Listed | 'positionFillers', Record<Language, string[]>> & { ordinals: Record<Language, string[][]> };
const WORDS = answerWords as unknown as Words;
const LANGUAGES: Language[] = ['fr', 'en'];

/** What an answer is: one of the listed kinds, or a position among the choices offered (0 = the first). */
type Kind = { kind: Listed } | { kind: 'position'; index: number };

const KINDS: Kind[] = [
  ...(['yes', 'no', 'unsure', 'none', 'last', 'person'] as const).map((kind): Kind => ({ kind })),
  ...WORDS.ordinals.fr.map((_, index): Kind => ({ kind: 'position', index })),
];

function wordsOf(kind: Kind, language: Language): string[] {
  return kind.kind === 'position' ? (WORDS.ordinals[language][kind.index] ?? []) : WORDS[kind.kind][language];
}

/** Six choices, as many as there are positions, with labels that say none of the answer words. */
const OPTIONS: ChoiceOption[] = WORDS.ordinals.fr.map((_, index) => ({ value: `option-${index}`, says: [`Choix ${'ABCDEFGH'[index]}`] }));

/** Whether the shared reader reads the text as this kind of answer (to a yes-or-no question, or among OPTIONS). */
function readsAs(text: string, kind: Kind): boolean {
  switch (kind.kind) {
    case 'yes':
    case 'no':
      return readYesNo(text) === kind.kind;
    case 'unsure':
      // Unsure wins over a yes or a no said with it ("oui, enfin je sais pas"): not an answer to rely on.
      return readYesNo(text) === undefined && readYesNo(`oui, ${text}`) === undefined && readYesNo(`yes, ${text}`) === undefined;
    case 'none':
      return JSON.stringify(readChoice(text, OPTIONS)) === JSON.stringify({ kind: 'none' });
    case 'last':
    case 'position': {
      const reading = readChoice(text, OPTIONS);
      const index = 'index' in kind ? kind.index : OPTIONS.length - 1;
      return reading?.kind === 'choice' && reading.value === OPTIONS[index]!.value;
    }
    case 'person':
      return asksForAPerson(text);
  }
}

/** Everything the reader says of a text: the property on noise compares these. */
function reading(text: string) {
  return { yesNo: readYesNo(text), choice: readChoice(text, OPTIONS), person: asksForAPerson(text) };
}

// As people type the words -------------------------------------------------------------------------

/** The list writes words without accents or apostrophes; people type them with (or without). */
const WRITTEN: Record<Language, Record<string, string[]>> = {
  fr: {
    'd accord': ["d'accord", 'd’accord'],
    'bien sur': ['bien sûr'],
    carrement: ['carrément'],
    'c est ca': ["c'est ça"],
    'c est bien ca': ["c'est bien ça"],
    'tout a fait': ['tout à fait'],
    'ca marche': ['ça marche'],
    'vas y': ['vas-y'],
    'allez y': ['allez-y'],
    confirme: ['confirmé'],
    'je confirme': ['je confirme'],
    'c est bon': ["c'est bon"],
    'c est correct': ["c'est correct"],
    'c est pas ca': ["c'est pas ça"],
    'ce n est pas ca': ["ce n'est pas ça"],
    'pas ca': ['pas ça'],
    'pas sur': ['pas sûr'],
    'pas sure': ['pas sûre'],
    'peut etre': ['peut-être'],
    'p e': ['p.-ê.', 'p.e.'],
    'j ai un doute': ["j'ai un doute"],
    'aucune idee': ['aucune idée'],
    'je ne suis pas sur': ['je ne suis pas sûr'],
    'je suis pas sur': ['je suis pas sûr'],
    'aucun de ceux la': ['aucun de ceux-là'],
    'ni l un ni l autre': ["ni l'un ni l'autre"],
    'rien de tout ca': ['rien de tout ça'],
    'rien de ca': ['rien de ça'],
    premiere: ['première'],
    '1ere': ['1ère'],
    deuxieme: ['deuxième'],
    '2eme': ['2ème'],
    troisieme: ['troisième'],
    '3eme': ['3ème'],
    quatrieme: ['quatrième'],
    '4eme': ['4ème'],
    cinquieme: ['cinquième'],
    '5eme': ['5ème'],
    sixieme: ['sixième'],
    '6eme': ['6ème'],
    derniere: ['dernière'],
    conseillere: ['conseillère'],
    'une conseillere': ['une conseillère'],
    'quelqu un': ["quelqu'un", 'quelqu’un'],
    'parler a': ['parler à'],
  },
  en: {
    'that s right': ["that's right", 'that’s right'],
    'don t': ["don't"],
    'that s not it': ["that's not it"],
    'i don t want to': ["I don't want to"],
    'i don t know': ["I don't know"],
    'i m not sure': ["I'm not sure", 'im not sure'],
  },
};

/** The same contractions without their apostrophe, as typed on a phone (left out today: see LEFT_OUT). */
const WITHOUT_APOSTROPHE: Record<Language, Record<string, string[]>> = {
  fr: { 'c est bon': ['cest bon'], 'c est ca': ['cest ca'], 'j ai un doute': ['jai un doute'], 'ni l un ni l autre': ['ni lun ni lautre'], 'quelqu un': ['quelquun'] },
  en: { 'don t': ['dont'], 'that s not it': ['thats not it'], 'i don t want to': ['i dont want to'], 'i don t know': ['i dont know'] },
};

/** How a listed word may be written: as listed, or with its accents and apostrophes. */
function spellingsOf(word: string, language: Language): string[] {
  return [word, ...(WRITTEN[language][word] ?? []), ...(LEFT_OUT.apostropheDropped ? [] : (WITHOUT_APOSTROPHE[language][word] ?? []))];
}

/** Fillers people put around a short answer, in each language (none of them an answer). */
const FILLERS: Record<Language, { before: string[]; after: string[] }> = {
  fr: { before: ['euh', 'bah', 'ben', 'alors', 'euh bah', 'ben alors'], after: ['svp', 'stp', 'merci', 'euh'] },
  en: { before: ['uh', 'um', 'well', 'uh well'], after: ['please', 'thanks', 'um'] },
};
const PUNCTUATION = ['', '', '!', ' !', '.', '...', ' ?', ','];

const stripAccents = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const CASINGS: Record<string, (text: string) => string> = {
  asListed: (text) => text,
  upperCase: (text) => text.toUpperCase(),
  capitalised: (text) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`,
  withoutAccents: stripAccents,
};

/** A word of the list as someone types it: written with its accents or not, in any case, punctuated. */
function typedArb(word: string, language: Language): fc.Arbitrary<string> {
  return fc
    .record({ written: fc.constantFrom(...spellingsOf(word, language)), casing: fc.constantFrom(...Object.values(CASINGS)), mark: fc.constantFrom(...PUNCTUATION) })
    .map(({ written, casing, mark }) => `${casing(written)}${mark}`);
}

/** "euh bah, le deuxième svp": fillers before and after, within a short answer (a yes or a no is read in 8 words at most). */
function withFillersArb(typed: string, language: Language): fc.Arbitrary<string> {
  const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
  return fc
    .record({ before: fc.option(fc.constantFrom(...FILLERS[language].before), { nil: undefined }), after: fc.option(fc.constantFrom(...FILLERS[language].after), { nil: undefined }), comma: fc.boolean() })
    .map(({ before, after, comma }) => [before ? `${before}${comma ? ',' : ''} ` : '', typed, after ? ` ${after}` : ''].join(''))
    .filter((text) => words(text) <= 8);
}

const kindArb = fc.constantFrom(...KINDS);
const describeKind = (kind: Kind) => (kind.kind === 'position' ? `position ${kind.index + 1}` : kind.kind);

/** An answer of this kind in this language, as typed, with or without fillers. */
function answerArb(kind: Kind, language: Language): fc.Arbitrary<string> {
  return fc
    .constantFrom(...wordsOf(kind, language))
    .chain((word) => typedArb(word, language))
    .chain((typed) => fc.oneof(fc.constant(typed), withFillersArb(typed, language)));
}

describe('the shared answer reader, French and English alike (properties)', () => {
  it('has, for each kind of answer and each position in French, the same in English', () => {
    for (const kind of KINDS) {
      expect({ kind: describeKind(kind), fr: wordsOf(kind, 'fr').length > 0, en: wordsOf(kind, 'en').length > 0 }).toEqual({ kind: describeKind(kind), fr: true, en: true });
    }
    expect(WORDS.ordinals.en.length).toBe(WORDS.ordinals.fr.length);
    // The spellings above are of listed words: a word renamed in the list is renamed here.
    for (const language of LANGUAGES) {
      const listed = new Set(KINDS.flatMap((kind) => wordsOf(kind, language)));
      expect([...Object.keys(WRITTEN[language]), ...Object.keys(WITHOUT_APOSTROPHE[language])].filter((word) => !listed.has(word))).toEqual([]);
    }
  });

  it('reads every word of either language alone as its kind (all words)', () => {
    const misread = KINDS.flatMap((kind) => LANGUAGES.flatMap((language) => wordsOf(kind, language).filter((word) => !readsAs(word, kind)).map((word) => `${language} "${word}" is not read as ${describeKind(kind)}`)));
    expect(misread).toEqual([]);
  });

  it(`reads a French answer as people type it as its kind, and an English answer of the same kind the same way (${RUNS.numRuns} runs)`, () => {
    const pairArb = kindArb.chain((kind) => fc.record({ kind: fc.constant(kind), fr: answerArb(kind, 'fr'), en: answerArb(kind, 'en') }));
    fc.assert(
      fc.property(pairArb, ({ kind, fr, en }) => {
        expect({ kind: describeKind(kind), fr: readsAs(fr, kind), en: readsAs(en, kind) }).toEqual({ kind: describeKind(kind), fr: true, en: true });
      }),
      RUNS,
    );
  });

  it(`reads an answer the same with fillers and punctuation around it as alone (${RUNS.numRuns} runs)`, () => {
    const noisyArb = fc
      .record({ kind: kindArb, language: fc.constantFrom(...LANGUAGES) })
      .chain(({ kind, language }) =>
        fc.constantFrom(...wordsOf(kind, language)).chain((word) =>
          fc.record({ word: fc.constant(word), noisy: withFillersArb(word, language).chain((text) => fc.constantFrom(...PUNCTUATION).map((mark) => `${text}${mark}`)) }),
        ),
      );
    fc.assert(
      fc.property(noisyArb, ({ word, noisy }) => {
        expect({ noisy, reading: reading(noisy) }).toEqual({ noisy, reading: reading(word) });
      }),
      RUNS,
    );
  });

  it('can fail: a misspelt word or a changed position is not read as the kind', () => {
    expect(readsAs('deuxième', { kind: 'position', index: 1 })).toBe(true);
    expect(readsAs('deuxième', { kind: 'position', index: 2 })).toBe(false);
    expect(readsAs('ouiz', { kind: 'yes' })).toBe(false);
    expect(readsAs("oui, je sais pas", { kind: 'yes' })).toBe(false);
    expect(readsAs('je sais pas', { kind: 'unsure' })).toBe(true);
    expect(readsAs('personne', { kind: 'person' })).toBe(false);
  });
});
