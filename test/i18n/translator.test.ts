import { translatorFor } from '../../dialogs/i18n';

// The translator remembers sentences it built: the same key and values must still give the right
// sentence, and other values must never get a remembered one.
describe('translatorFor', () => {
  const fr = translatorFor('fr');
  const en = translatorFor('en');

  it('gives the sentence of the values it is given, time after time', () => {
    const once = fr('eligibility:card.persons', { count: 1 });
    const three = fr('eligibility:card.persons', { count: 3 });
    expect(once).toBe('1 personne');
    expect(three).toBe('3 personnes');
    expect(fr('eligibility:card.persons', { count: 1 })).toBe(once);
    expect(fr('eligibility:card.persons', { count: 3 })).toBe(three);
  });

  it('keeps the two languages apart', () => {
    expect(fr('eligibility:card.persons', { count: 2 })).toBe('2 personnes');
    expect(en('eligibility:card.persons', { count: 2 })).toBe('2 people');
  });

  it('puts each call its own values', () => {
    expect(fr('eligibility:card.titleFromRequest', { maskedNur: '••••0101' })).toBe("Votre éligibilité, d'après votre demande n°\u00a0••••0101");
    expect(fr('eligibility:card.titleFromRequest', { maskedNur: '••••0202' })).toBe("Votre éligibilité, d'après votre demande n°\u00a0••••0202");
    expect(fr('link:wrongCode', { count: 2 })).not.toBe(fr('link:wrongCode', { count: 1 }));
  });

  it('translates long values every time, with the value given', () => {
    const long = (word: string) => `${word} `.repeat(20).trim();
    expect(fr('eligibility:card.titleFromRequest', { maskedNur: long('alpha') })).toBe(`Votre éligibilité, d'après votre demande n°\u00a0${long('alpha')}`);
    expect(fr('eligibility:card.titleFromRequest', { maskedNur: long('beta') })).toBe(`Votre éligibilité, d'après votre demande n°\u00a0${long('beta')}`);
  });

  it('still answers after remembering more sentences than it keeps', () => {
    for (let count = 0; count < 4500; count++) fr('eligibility:card.persons', { count });
    expect(fr('eligibility:card.persons', { count: 4499 })).toBe('4499 personnes');
    expect(fr('eligibility:card.persons', { count: 1 })).toBe('1 personne');
  });
});
