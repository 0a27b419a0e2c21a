/** GS1 identifiers: GTIN check digits and the 14-digit form used in GS1 Digital Link URIs. */

/** The GS1 mod-10 check digit for the digits before it. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** Why a string is not a valid GTIN-8/12/13/14, or null when it is one. */
export function gtinProblem(gtin: string): string | null {
  if (!/^\d+$/.test(gtin)) return 'must contain digits only';
  if (![8, 12, 13, 14].includes(gtin.length)) return 'must have 8, 12, 13 or 14 digits';
  const expected = gs1CheckDigit(gtin.slice(0, -1));
  if (Number(gtin.at(-1)) !== expected) return `check digit should be ${expected}`;
  return null;
}

/** GTIN padded to 14 digits, as GS1 Digital Link requires. */
export function gtin14(gtin: string): string {
  return gtin.padStart(14, '0');
}
