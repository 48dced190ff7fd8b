import { redactText } from '../../services/privacy/redact';
import { localPiiEntities } from '../../services/language/localPii';

/** An income is personal data: masked in logs, transcripts and tickets, like a phone number. */
describe('incomes in free text', () => {
  it.each([
    ['on est 3 à Lyon avec 32 000 € de revenu fiscal', 'on est 3 à Lyon avec [INCOME] € de revenu fiscal'],
    ['mon RFR c 28500', 'mon RFR c [INCOME]'],
    ['le rfr c’est 19 000 je crois', 'le rfr c’est [INCOME] je crois'],
    ['RFR 2024 : 19 000', 'RFR 2024 : [INCOME]'],
    ['on gagne 2 100 net par mois', 'on gagne [INCOME] net par mois'],
    ['2000 euros de salaire', '[INCOME] euros de salaire'],
    ['we earn 40k a year', 'we earn [INCOME] a year'],
    ['my income is 38 500 euros', 'my income is [INCOME] euros'],
  ])('%s', (text, redacted) => {
    expect(redactText(text)).toBe(redacted);
  });

  it.each(['je cherche un T3 à Lyon max 700 €', 'un T2 à 600 euros', 'je touche le RSA depuis 2021', 'on est 4 dans un 45 m2'])('leaves %s alone (a rent, a year, a surface)', (text) => {
    expect(redactText(text)).toBe(text);
  });

  it('is masked, never reported to the language service as personal data to cut out', () => {
    expect(localPiiEntities('32 000 € de revenu fiscal')).toEqual([]);
  });
});
