import { followUpKindOf, type FollowUpKind } from '../../dialogs/recognizer/followUpQuestion';

/** Each kind of follow-up, as people type it in French and in English. */
const FOLLOW_UPS: [FollowUpKind, string[], string[]][] = [
  ['why', ['pk ?', 'pourquoi ?', 'pk vous enlevez le PLAI ?', 'mais pourquoi', 'comment ça se fait ?'], ['why?', 'how come?', 'why did you leave out the PLAI?']],
  ['whatIfNot', ['et si je le fais pas ?', 'et si je ne renouvelle pas ?', 'et sinon ?', "et si j'oublie ?", 'et si je dis rien ?', 'si je réponds pas ?'], ["what if I don't?", 'what if we forget?', "and if I don't?", 'and if I say nothing?']],
  ['another', ['je peux en faire une autre ?', 'je peux en envoyer une autre ?', 'je peux encore candidater ?'], ['can I send another one?', 'can I apply to another?', 'one more?']],
  ['agreed', ['oui c ca', 'ok parfait', "oui c'est bien ça", 'ouais c bon'], ["yes that's it", 'ok great', 'perfect thanks']],
  ['which', ["c'est quoi les 2 papiers demandés ?", 'lesquels ?', 'quels documents ?', 'c koi ces papiers'], ['which ones?', 'what documents?', 'which documents?']],
  ['when', ['avant quand ?', "jusqu'à quand ?", "c'est quand la commission ?", 'quand ?', 'pour quand ?'], ['by when?', 'until when?', 'when exactly?']],
  ['thatOne', ['et celle de lyon alors ?', 'et celle a villeurbanne ?', 'la candidature de Créteil ?'], ['what about the one in Lyon?', 'and the one in Vitry?']],
  ['how', ['je fais comment ?', "ok et je le depose ou exactement l'avis ?", 'on fait quoi maintenant', 'comment faire'], ['how do I do that?', 'where do I upload it?', 'what do we do now?']],
];

describe('a question that follows an answer', () => {
  it.each(FOLLOW_UPS.flatMap(([kind, french, english]) => [...french, ...english].map((text) => [text, kind] as const)))('reads "%s" as %s', (text, kind) => {
    expect(followUpKindOf(text)).toBe(kind);
  });

  it.each([
    'oui ?',
    'oui je veux un T3',
    'je cherche un T3 à Lyon',
    "c'est quoi la différence entre un T2 et un T3 ?",
    "pourquoi mon dossier n'avance pas alors que j'ai tout envoyé il y a six mois à la mairie et au bailleur ?",
    'merci',
  ])('does not read "%s" as a follow-up', (text) => {
    expect(followUpKindOf(text)).toBeUndefined();
  });
});
