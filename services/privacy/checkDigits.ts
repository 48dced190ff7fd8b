/**
 * Check-digit rules of the identifiers people paste by mistake. A value that passes is almost surely
 * the real thing (worth telling the user); one that fails is still masked in logs, but not reported.
 */

/**
 * French social security number (NIR): 13 characters then a 2-digit key = 97 − (number mod 97). Corsica
 * writes its department 2A / 2B; for the key they count as 19 / 18 (INSEE, décret 82-103).
 */
export function isValidSocialSecurityNumber(typed: string): boolean {
  const compact = typed.replace(/[\s.-]/g, '').toUpperCase();
  const match = /^([12378]\d{4}(?:\d{2}|2A|2B)\d{6})(\d{2})$/.exec(compact);
  if (!match) return false;
  const body = (match[1] ?? '').replace('2A', '19').replace('2B', '18');
  const key = Number(match[2]);
  return 97 - Number(BigInt(body) % 97n) === key;
}

/** IBAN (ISO 13616): moved the country and check digits to the end, letters as 10–35, mod 97 is 1. */
export function isValidIban(typed: string): boolean {
  const compact = typed.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  const digits = [...rearranged].map((character) => (/\d/.test(character) ? character : String(character.charCodeAt(0) - 55))).join('');
  return BigInt(digits) % 97n === 1n;
}

/** Payment card numbers (ISO/IEC 7812): 12 to 19 digits passing the Luhn check. */
export function isValidCardNumber(typed: string): boolean {
  const digits = typed.replace(/[\s.-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
