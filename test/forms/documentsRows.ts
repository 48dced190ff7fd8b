import type { Step } from '../support/formTestClient';

/**
 * The documents form's rows (played by forms.test.ts): its answers (family situation, income, reason) as
 * people type them, one short conversation a row.
 */

const ASK = {
  family: 'Quelle est votre situation familiale ?',
  work: "D'où viennent vos revenus ?",
  reason: "Votre demande a-t-elle l'un de ces motifs ?",
};
const FAMILY_BUTTONS = ['Célibataire', 'En couple, ni mariés ni pacsés', 'Marié ou mariée', 'Pacsé ou pacsée', 'Divorce ou séparation en cours'];
const WORK_BUTTONS = ['Salaire', 'Activité indépendante', 'Allocations, pension ou indemnités', 'Plusieurs de ces sources'];
const REASON_BUTTONS = ['Aucun de ces motifs', 'Handicap', 'Sans domicile', 'Logement indigne ou dangereux', 'Congé donné par le bailleur', "Procédure d'expulsion", 'Violences conjugales'];

// The checklist's items that depend on the answers.
const ITEM = {
  checklist: 'Les pièces justificatives de votre demande',
  salary: 'Salarié : vos 3 derniers bulletins de salaire',
  selfEmployed: 'Indépendant : le dernier bilan de votre activité.',
  benefits: "Allocations, pensions ou indemnités : l'attestation de l'organisme qui les verse",
  married: '• Livret de famille, pour le foyer',
  pacs: '• Attestation de PACS, pour le foyer',
  divorce: '• Justificatif de divorce ou de séparation, pour vous',
  reasonHeading: 'Selon le motif de votre demande',
  eviction: "• Justificatif de procédure d'expulsion, pour le foyer",
  violence: '• Ordonnance de protection ou décision du juge, pour vous',
  disabilityCard: '• Carte mobilité inclusion mention invalidité, pour la personne concernée',
};

const ASKED: Step[] = [['quels papiers pour ma demande ?', ASK.family, { buttons: FAMILY_BUTTONS }]];

export const DOCUMENTS_ROWS: [string, Step[]][] = [
  // The button's own title, typed back by the channel, is the answer — never a new request.
  ['"Marié ou mariée", "Salaire", "Aucun de ces motifs" (the buttons)', [
    ...ASKED,
    ['Marié ou mariée', ASK.work, { buttons: WORK_BUTTONS }],
    ['Salaire', ASK.reason, { buttons: REASON_BUTTONS }],
    ['Aucun de ces motifs', [ITEM.checklist, ITEM.married, ITEM.salary], { not: [ITEM.reasonHeading] }],
  ]],
  ['"mariés", "salariée en cdi", "aucun"', [
    ...ASKED,
    ['mariés', ASK.work, { buttons: WORK_BUTTONS }],
    ['salariée en cdi', ASK.reason, { buttons: REASON_BUTTONS }],
    ['aucun', [ITEM.checklist, ITEM.married, ITEM.salary], { not: [ITEM.pacs, ITEM.selfEmployed, ITEM.benefits, ITEM.reasonHeading] }],
  ]],
  ['"mariée", "cdd", "rien de tout ça"', [
    ...ASKED,
    ['mariée', ASK.work],
    ['cdd', ASK.reason],
    ['rien de tout ça', [ITEM.married, ITEM.salary], { not: [ITEM.benefits, ITEM.reasonHeading] }],
  ]],
  ['"koi comme papiers pr ma demande", "pacsé", "au chomage", "expulsion"', [
    ['koi comme papiers pr ma demande', ASK.family, { buttons: FAMILY_BUTTONS }],
    ['pacsé', ASK.work],
    ['au chomage', ASK.reason],
    ['expulsion', [ITEM.pacs, ITEM.benefits, ITEM.eviction], { not: [ITEM.married, ITEM.salary] }],
  ]],
  ['"le premier", "indépendant", "non aucun"', [
    ...ASKED,
    ['le premier', ASK.work],
    ['indépendant', ASK.reason],
    ['non aucun', [ITEM.checklist, ITEM.selfEmployed], { not: [ITEM.salary, ITEM.married, ITEM.pacs, ITEM.reasonHeading] }],
  ]],
  ['"en couple", "salarié", "aucun": no family document for a couple neither married nor in a PACS', [
    ...ASKED,
    ['en couple', ASK.work],
    ['salarié', ASK.reason],
    ['aucun', [ITEM.checklist, ITEM.salary], { not: [ITEM.married, ITEM.pacs, ITEM.divorce] }],
  ]],
  ['"célibataire", "plusieurs", "violences conjugales"', [
    ...ASKED,
    ['célibataire', ASK.work],
    ['plusieurs', ASK.reason],
    ['violences conjugales', [ITEM.salary, ITEM.selfEmployed, ITEM.benefits, ITEM.violence], { not: [ITEM.married, ITEM.pacs] }],
  ]],
  // A disability is a priority motif, not an emergency (issue 17: urgent when the home does not suit it): no adviser offered.
  ['"divorcée", "retraité", "handicap": the list with the disability card', [
    ...ASKED,
    ['divorcée', ASK.work],
    ['retraité', ASK.reason],
    ['handicap', [ITEM.divorce, ITEM.benefits, ITEM.disabilityCard], { not: [ITEM.salary, 'Votre situation peut être prioritaire'] }],
  ]],
  ['in English: "married", "employee", "none"', [
    ['what documents do I need?', 'What is your family situation?'],
    ['married', 'Where does your income come from?'],
    ['employee', 'Is your request made for one of these reasons?'],
    ['none', ['Family record book (livret de famille), for the household', 'Employee: your last 3 payslips'], { not: ['Depending on the reason for your request'] }],
  ]],
];
