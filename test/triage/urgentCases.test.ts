import { z } from 'zod';
import { EMERGENCY_NUMBERS, situationsTold, triage } from '../../services/triage/triage';
import casesData from './urgentCases.json';

const CaseSchema = z.union([
  z.object({ class: z.string().min(1), text: z.string().min(1), numbers: z.array(z.enum(EMERGENCY_NUMBERS)) }),
  z.object({ class: z.string().min(1), text: z.string().min(1), urgent: z.literal(false) }),
]);
const SET = z.object({ source: z.string().min(1), cases: z.array(CaseSchema).min(200) }).parse(casesData);

const urgentCases = SET.cases.flatMap((entry) => ('numbers' in entry ? [entry] : []));
const ordinaryCases = SET.cases.flatMap((entry) => ('urgent' in entry ? [entry] : []));

describe('urgent situations, written apart from the evaluation sets', () => {
  it('covers every class, in both languages, with as many ordinary traps as it needs', () => {
    const classes = new Set(SET.cases.map((entry) => entry.class));
    for (const expected of ['eviction under way', 'hosted and told to leave', 'nowhere to sleep', 'violence', 'forced marriage', 'danger now', 'child in danger', 'children living through the violence', 'unfit or dangerous housing', 'disability', 'overcrowding', 'negated', 'past', 'general question', 'someone else', 'figurative']) {
      expect(classes).toContain(expected);
    }
    expect(ordinaryCases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SET.cases.map((entry) => entry.text)).size).toBe(SET.cases.length);
  });

  it.each(urgentCases.map((entry) => [entry.class, entry.text, entry.numbers] as const))('%s: "%s" is urgent with %j', (_class, text, numbers) => {
    const result = triage({ messages: [text], topics: [] });
    expect({ urgency: result.urgency, emergencyNumbers: [...result.emergencyNumbers].sort() }).toEqual({ urgency: 'urgent', emergencyNumbers: [...numbers].sort() });
  });

  it.each(ordinaryCases.map((entry) => [entry.class, entry.text] as const))('%s: "%s" is not urgent', (_class, text) => {
    const result = triage({ messages: [text], topics: [] });
    expect({ urgency: result.urgency, emergencyNumbers: result.emergencyNumbers }).toEqual({ urgency: 'normal', emergencyNumbers: [] });
  });
});

describe('the lexicon on its own: the words, their scope and their context', () => {
  it.each`
    text                                                                  | situation
    ${"pas de solution on dort dans la voiture depuis lundi"}             | ${'nowhere to sleep, now or tonight (115)'}
    ${"le juge nous a donné jusqu'au 3 pour libérer l'appartement"}       | ${'a court or the police behind a departure (115)'}
    ${"ma copine m'héberge mais elle veut que je parte avant samedi"}     | ${'hosted and asked to leave (115)'}
    ${"il m'a poussée contre le frigo, j'ai des bleus"}                   | ${'violence by a partner or the family, a forced marriage (3919)'}
    ${"il est devant ma porte et il tape dessus"}                         | ${'danger now: he is at the door (17 and 3919)'}
    ${"mes enfants l'entendent me frapper"}                               | ${'children living through the violence at home (119 and 3919)'}
  `('finds "$situation" in "$text"', ({ text, situation }: { text: string; situation: string }) => {
    expect(situationsTold(text)).toContain(situation);
  });

  it.each`
    text                                                                       | why
    ${"je dors pas dans ma voiture, je dors chez mes parents"}                 | ${'a negation inside the words a cue skips over'}
    ${"l'huissier n'est jamais venu"}                                          | ${'a negation after the cue'}
    ${"il ne me frappe pas, on se sépare calmement"}                           | ${'a French "ne … pas" around the cue'}
    ${"en 2017 on a été expulsés, on loue un T3 depuis"}                       | ${'a clause in the past'}
    ${"que se passe-t-il quand un locataire est expulsé ?"}                    | ${'a general question'}
    ${"mon ancien collègue a dormi dans sa voiture"}                           | ${'someone else'}
    ${"mon frère va me tuer si je rate son mariage mdr"}                       | ${'a joke'}
    ${"ma belle-mère menace de me mettre dehors"}                              | ${'a threat, not an eviction (the words just before the cue)'}
    ${"je travaille à l'hôpital Necker"}                                       | ${'the hospital is a workplace'}
  `('finds nothing urgent in "$text": $why', ({ text }: { text: string }) => {
    expect(situationsTold(text).filter((name) => !name.startsWith('the request'))).toEqual([]);
  });

  it('keeps a past situation that the message says goes on', () => {
    expect(triage({ messages: ["reconnue prioritaire DALO l'an dernier et toujours rien"], topics: [] }).urgency).toBe('urgent');
  });

  it('tells a danger now from a danger told in the past', () => {
    expect(triage({ messages: ["il m'a menacée avec un couteau la semaine dernière"], topics: [] }).emergencyNumbers).toEqual(['3919']);
    expect(triage({ messages: ["il m'a menacée avec un couteau la semaine dernière et il revient ce soir"], topics: [] }).emergencyNumbers).toEqual(['3919', '17']);
  });
});
