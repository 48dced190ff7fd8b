import fc from 'fast-check';
import { extractEntities } from '../../dialogs/recognizer/entities/extractEntities';
import { localPiiEntities } from '../../services/language/localPii';
import { HOUSING_REQUEST_NUMBER } from '../../services/language/piiCategories';
import { redactText } from '../../services/privacy/redact';
import { findUniqueNumbers } from '../../services/sne/uniqueNumber';
import { capturingLogger } from '../support/silentLogger';
import { coreOf, sentenceAround, TYPED_SPELLINGS, typedUniqueNumber } from '../support/uniqueNumberSpellings';

/**
 * The recognizer, the screening and the redaction read the unique number through one module: whatever
 * spelling the recognizer accepts, the redaction removes and the screening reports.
 */

const RUNS = { numRuns: 400 };
const TODAY = new Date(2026, 2, 4, 12);

function expectRedacted(text: string, canonical: string): void {
  const redacted = redactText(text);
  expect(redacted).toContain('[NUR]');
  expect(coreOf(redacted)).not.toContain(canonical.slice(0, 13));
  expect(findUniqueNumbers(redacted)).toEqual([]);
}

describe('every spelling of a unique number', () => {
  it.each(TYPED_SPELLINGS)('"$typed" is read by the recognizer and removed by the redaction', ({ typed, canonical }) => {
    const message = `mon numéro c'est ${typed} merci`;
    expect(extractEntities(message, TODAY).entities.uniqueNumber).toBe(canonical);
    expectRedacted(message, canonical);
  });

  it('is read as its canonical form by the recognizer (property)', () => {
    fc.assert(
      fc.property(typedUniqueNumber, sentenceAround, ({ typed, canonical }, { before, after }) => {
        expect(extractEntities(`${before}${typed}${after}`, TODAY).entities.uniqueNumber).toBe(canonical);
      }),
      RUNS,
    );
  });

  it('that the recognizer accepts is removed by the redaction, the words around kept (property)', () => {
    fc.assert(
      fc.property(typedUniqueNumber, sentenceAround, ({ typed, canonical }, { before, after }) => {
        const text = `${before}${typed}${after}`;
        expectRedacted(text, canonical);
        expect(redactText(text)).toBe(`${before}[NUR]${after}`);
      }),
      RUNS,
    );
  });

  it('that the recognizer accepts is reported by the local screening as a housing request number (property)', () => {
    fc.assert(
      fc.property(typedUniqueNumber, sentenceAround, ({ typed }, { before, after }) => {
        const text = `${before}${typed}${after}`;
        expect(localPiiEntities(text)).toEqual([{ category: HOUSING_REQUEST_NUMBER, offset: before.length, length: typed.length, confidence: expect.any(Number) }]);
      }),
      RUNS,
    );
  });

  it('found anywhere in any text by the recognizer, is gone from that text once redacted (property)', () => {
    const noise = fc.string({ unit: fc.constantFrom(...'0123456789 -./_\nABCDgdpub'.split('')), maxLength: 60 });
    fc.assert(
      fc.property(noise, typedUniqueNumber, noise, (left, { typed }, right) => {
        const text = `${left}${typed}${right}`;
        const redacted = redactText(text);
        for (const { value } of findUniqueNumbers(text)) expect(coreOf(redacted)).not.toContain(value);
      }),
      RUNS,
    );
  });

  it('never reaches a log line, as a message, an argument or a field (property; the end-of-run scan reads these lines too)', () => {
    const { logger, lines } = capturingLogger();
    fc.assert(
      fc.property(typedUniqueNumber, ({ typed, canonical }) => {
        const before = lines().length;
        logger.info({ said: `c'est ${typed}` }, 'user typed %s', typed);
        for (const line of lines().slice(before)) expect(coreOf(line)).not.toContain(canonical.slice(0, 13));
      }),
      { numRuns: 100 },
    );
  });
});
