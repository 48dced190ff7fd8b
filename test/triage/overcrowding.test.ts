import { NlpRecognizer } from '../../dialogs/recognizer/nlpRecognizer';
import { triageHints } from '../../dialogs/recognizer/triageHints';
import { isOvercrowded, overcrowdingSurface } from '../../services/triage/overcrowding';
import { triage } from '../../services/triage/triage';

describe('severe overcrowding, from the home the writer says they live in', () => {
  let recognizer: NlpRecognizer;
  beforeAll(async () => {
    recognizer = await NlpRecognizer.create();
  });

  const urgencyOf = async (text: string, language: 'fr' | 'en' = 'fr') => {
    const recognition = await recognizer.recognize({ text, language });
    return triage({ messages: [text], ...triageHints([recognition]) }).urgency;
  };

  it('uses 9 m² for one person, 16 m² for two and 9 m² more for each other person', () => {
    expect([1, 2, 3, 5].map(overcrowdingSurface)).toEqual([9, 16, 25, 43]);
    expect(isOvercrowded({ persons: 5, surface: 38 })).toBe(true);
    expect(isOvercrowded({ persons: 4, surface: 60 })).toBe(false);
    expect(isOvercrowded({ persons: 3, oneRoom: true })).toBe(true);
    expect(isOvercrowded({ persons: 2, oneRoom: true })).toBe(false);
  });

  it.each([
    ['nous sommes quatre adultes et un enfant dans 35 m2, mon beau-père dort dans le couloir', 'fr'],
    ["on vit a 6 dans 40m2 depuis l'arrivée des jumeaux", 'fr'],
    ['we live five of us in a 21 m2 studio since last year', 'en'],
  ] as const)('"%s" is urgent, with no number', async (text, language) => {
    expect(await urgencyOf(text, language)).toBe('urgent');
  });

  it.each([
    ['on est 4 dans un T4 de 80 m2, on voudrait se rapprocher du travail', 'fr'],
    ['on cherche un 30 m2 minimum pour 4 personnes', 'fr'],
    ['mon collègue vit à 5 dans un studio, il peut faire une demande ?', 'fr'],
    ['we are 3 in a 55 m2 flat and would like a garden', 'en'],
  ] as const)('"%s" is not urgent', async (text, language) => {
    expect(await urgencyOf(text, language)).not.toBe('urgent');
  });
});
