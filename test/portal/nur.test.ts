import { maskNur, normaliseNur } from '../../services/sne/uniqueNumber';
import { isValidSiret, normaliseSiret } from '../../services/portal/siret';

describe('normaliseNur', () => {
  test.each`
    typed                            | canonical
    ${'0691124000101GDPUB'}          | ${'0691124000101GDPUB'}
    ${'069 1124 000101 gdpub'}       | ${'0691124000101GDPUB'}
    ${'069-11-24-000101-GDPUB'}      | ${'0691124000101GDPUB'}
    ${' 1111023517879gdpub '}        | ${'1111023517879GDPUB'}
    ${'111.10.23.517879/GD PUB'}     | ${'1111023517879GDPUB'}
    ${'111\u00a010\u00a023517879GDPUB'} | ${'1111023517879GDPUB'}
  `('"$typed" → $canonical', ({ typed, canonical }) => {
    expect(normaliseNur(typed)).toBe(canonical);
  });

  test.each([
    ['too short', '069112400010GDPUB'],
    ['too long', '06911240001011GDPUB'],
    ['letters among the 13 digits', '069112400010AGDPUB'],
    ['a symbol in the desk code', '0691124000101GDPU!'],
    ['empty', ''],
  ])('refuses %s', (_why, typed) => {
    expect(normaliseNur(typed)).toBeUndefined();
  });

  test('masks the filing date and most of the sequence', () => {
    expect(maskNur('0691124000101GDPUB')).toBe('069********01GDPUB');
  });
});

describe('isValidSiret', () => {
  test.each`
    siret                 | valid    | why
    ${'84215930300010'}   | ${true}  | ${'Luhn-valid'}
    ${'84215930300011'}   | ${false} | ${'Luhn check fails'}
    ${'35600000000048'}   | ${true}  | ${'La Poste head office: an ordinary Luhn number'}
    ${'35600000049837'}   | ${true}  | ${'La Poste: Luhn fails but the digits add up to a multiple of 5'}
    ${'35600000049838'}   | ${false} | ${'La Poste: neither'}
    ${'8421593030001'}    | ${false} | ${'13 digits'}
  `('$siret: $why', ({ siret, valid }) => {
    expect(isValidSiret(siret)).toBe(valid);
  });

  test('drops the spaces people type', () => {
    expect(normaliseSiret('842 159 303 00010')).toBe('84215930300010');
  });
});
