// Fails the run when any log line written during it holds a unique number, an e-mail address, a
// French phone number, an IBAN, a card or a social security number in clear. Two readers, so that a
// gap in one is caught by the other: the product's own detectors (services/privacy/personalData.ts,
// as built by `npm test`'s build step — every spelling the recognizer accepts), and independent
// patterns written here.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const SEP = '[\\s\\-._/]{0,3}';
const INDEPENDENT_PATTERNS = [
  ['unique number', new RegExp(`\\d(?:${SEP}\\d){12}${SEP}[A-Z0-9](?:${SEP}[A-Z0-9]){4}`, 'i')],
  ['e-mail', /[A-Za-z0-9._%+-]+@(?!thread\.|unq\.gbl\.spaces)[A-Za-z0-9.-]+\.[A-Za-z]{2,}/],
  ['phone', /(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d){8}\b/],
  ['IBAN', /\bFR\d{2}(?:\s?\d{4}){5}\s?\d{3}\b/i],
  ['social security number', /\b[12]\s?\d{2}\s?(?:0[1-9]|1[0-2])\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}\s?\d{2}\b/],
];

// A SIRET names a company and an address without a person is not scanned for here; a card or IBAN
// shape counts only when its check digits hold (log lines are full of long ids).
const PERSONAL_KINDS = { NUR: 'unique number', EMAIL: 'e-mail', PHONE: 'phone', SSN: 'social security number' };
const CHECKED_KINDS = { IBAN: 'IBAN', CARD: 'card' };

function productDetectors() {
  const built = join(__dirname, '..', '..', 'dist', 'services', 'privacy', 'personalData.js');
  if (!existsSync(built)) return undefined;
  const { findPersonalData } = require(built);
  return (line) =>
    findPersonalData(line).flatMap((match) => {
      const kind = PERSONAL_KINDS[match.kind] ?? (match.checked ? CHECKED_KINDS[match.kind] : undefined);
      return kind ? [kind] : [];
    });
}

module.exports = async () => {
  const folder = process.env.ALIN_TEST_LOG_DIR;
  if (!folder) return;
  const detect = productDetectors();
  const leaks = [];
  let lines = 0;
  for (const file of readdirSync(folder)) {
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      if (!line) continue;
      lines++;
      // The bot's own masked forms (069********01GDPUB, j***@e***.fr) are fine; only clear values count.
      const kinds = new Set(detect ? detect(line) : []);
      for (const [kind, pattern] of INDEPENDENT_PATTERNS) if (pattern.test(line)) kinds.add(kind);
      for (const kind of kinds) leaks.push(`${kind} in ${file}: ${line.slice(0, 300)}`);
    }
  }
  if (leaks.length > 0) throw new Error(`Personal data found in the logs of this test run:\n${leaks.slice(0, 20).join('\n')}`);
  const readers = detect ? "the product's detectors and independent patterns" : 'independent patterns only (dist/ not built)';
  console.log(`\nLog scan: ${lines} log lines of this run checked with ${readers}, no personal data in clear.`);
};
