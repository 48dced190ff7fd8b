import fc from 'fast-check';

/**
 * How people type a unique number: the canonical 13 digits and 5-character desk code, split anywhere by
 * separators (spaces of every kind, line breaks, dashes, dots, slashes, underscores, " - "), in any case.
 */

/** Spellings seen in real messages and in the privacy leak found before the number had one owner. */
export const TYPED_SPELLINGS: { typed: string; canonical: string }[] = [
  { typed: '0691124000101GDPUB', canonical: '0691124000101GDPUB' },
  { typed: '069 1124 000101 gdpub', canonical: '0691124000101GDPUB' },
  { typed: '069-1124-000101-GDPUB', canonical: '0691124000101GDPUB' },
  { typed: '069/1124/000101/GDPUB', canonical: '0691124000101GDPUB' },
  { typed: '0691124000101_GDPUB', canonical: '0691124000101GDPUB' },
  { typed: '069.1124.000101.GD PUB', canonical: '0691124000101GDPUB' },
  { typed: '069 1124\n000101\nGDPUB', canonical: '0691124000101GDPUB' },
  { typed: '069\u00a01124\u202f000101 - gdpub', canonical: '0691124000101GDPUB' },
  { typed: '111 - 10 - 23 - 517879 - GDPUB', canonical: '1111023517879GDPUB' },
];

const SEPARATORS = [' ', '  ', '\u00a0', '\u202f', '\t', '\n', '\r\n', '-', '.', '/', '_', ' - ', ' / '];
const DESK_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');

export const canonicalUniqueNumber: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }), fc.array(fc.constantFrom(...DESK_CHARACTERS), { minLength: 5, maxLength: 5 }))
  .map(([digits, desk]) => `${digits.join('')}${desk.join('')}`);

const maybeSeparator = fc.option(fc.constantFrom(...SEPARATORS), { nil: '', freq: 2 });

/** A canonical number and one way of typing it. */
export const typedUniqueNumber: fc.Arbitrary<{ typed: string; canonical: string }> = canonicalUniqueNumber.chain((canonical) => {
  const digits = canonical.slice(0, 13).split('');
  const desk = canonical.slice(13);
  const deskIsLetters = /^[A-Z]{5}$/.test(desk);
  return fc
    .record({
      gaps: fc.array(maybeSeparator, { minLength: 12, maxLength: 12 }),
      beforeDesk: maybeSeparator,
      // Letters only may be split once ("GD PUB"); a desk code with digits is typed in one block.
      deskSplit: deskIsLetters ? fc.record({ at: fc.integer({ min: 1, max: 4 }), separator: maybeSeparator }) : fc.constant({ at: 5, separator: '' }),
      lowerCase: fc.boolean(),
    })
    .map(({ gaps, beforeDesk, deskSplit, lowerCase }) => {
      const digitPart = digits.map((digit, index) => (index === 0 ? digit : `${gaps[index - 1]}${digit}`)).join('');
      const deskTyped = `${desk.slice(0, deskSplit.at)}${deskSplit.separator}${desk.slice(deskSplit.at)}`;
      return { typed: `${digitPart}${beforeDesk}${lowerCase ? deskTyped.toLowerCase() : deskTyped}`, canonical };
    });
});

/** Words around the number, as in a chat message. */
export const sentenceAround: fc.Arbitrary<{ before: string; after: string }> = fc.record({
  before: fc.constantFrom('', 'mon numéro c’est ', "NUR: ", 'voici mon numéro unique\n', 'my number is ', '(', 'n° '),
  after: fc.constantFrom('', ' merci', '.', ', je cherche un T3', ' !', ')', '\nmerci beaucoup'),
});

/** The number's digits and desk code, whatever separates them: what must never survive a redaction. */
export function coreOf(text: string): string {
  return text.replace(/[^0-9a-z]/gi, '').toUpperCase();
}
