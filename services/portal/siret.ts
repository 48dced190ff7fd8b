/**
 * A SIRET identifies an establishment: 14 digits, valid under the Luhn algorithm. La Poste's
 * establishments (SIREN 356 000 000) are the known exception INSEE publishes: too many for Luhn over
 * five digits, so for them digits adding up to a multiple of 5 also pass.
 */

const LA_POSTE_SIREN = '356000000';

export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (luhnSum(value) % 10 === 0) return true;
  if (!value.startsWith(LA_POSTE_SIREN)) return false;
  const digitSum = [...value].reduce((sum, digit) => sum + Number(digit), 0);
  return digitSum % 5 === 0;
}

/** Spaces and dots people type between groups are dropped. */
export function normaliseSiret(input: string): string {
  return input.replace(/[\s.]/g, '');
}

function luhnSum(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    // From the right, every second digit is doubled; for 14 digits those are the even indexes.
    let digit = Number(digits[index]);
    if ((digits.length - index) % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum;
}
