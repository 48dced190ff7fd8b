// Fails the run when any log line written during it holds a unique number, an e-mail address, a
// French phone number, an IBAN or a social security number in clear: logs must carry no personal data.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const PERSONAL_DATA = [
  ['unique number', /\b\d{13}[A-Z0-9]{5}\b/i],
  ['e-mail', /[A-Za-z0-9._%+-]+@(?!thread\.)[A-Za-z0-9.-]+\.[A-Za-z]{2,}/],
  ['phone', /(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/],
  ['IBAN', /\bFR\d{2}(?:\s?\d{4}){5}\s?\d{3}\b/i],
  ['social security number', /\b[12]\s?\d{2}\s?(?:0[1-9]|1[0-2])\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}\s?\d{2}\b/],
];

module.exports = async () => {
  const folder = process.env.ALIN_TEST_LOG_DIR;
  if (!folder) return;
  const leaks = [];
  let lines = 0;
  for (const file of readdirSync(folder)) {
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      if (!line) continue;
      lines++;
      // The bot's own masked forms (069********01GDPUB, j***@e***.fr) are fine; only clear values count.
      for (const [kind, pattern] of PERSONAL_DATA) if (pattern.test(line)) leaks.push(`${kind} in ${file}: ${line.slice(0, 300)}`);
    }
  }
  if (leaks.length > 0) throw new Error(`Personal data found in the logs of this test run:\n${leaks.slice(0, 20).join('\n')}`);
  console.log(`\nLog scan: ${lines} log lines of this run checked, no personal data in clear.`);
};
