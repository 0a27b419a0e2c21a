/** GTINs: the GS1 check digit, and the 14-digit form that GS1 Digital Link URIs carry. */

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
  if (Number(gtin.at(-1)) !== expected)
    return `the check digit (the last digit) should be ${expected}, not ${gtin.at(-1)}`;
  return null;
}

/**
 * A GTIN of any length written with 14 digits (leading zeros), as GS1 Digital Link requires.
 * Throws on an invalid GTIN: content is validated before it gets here.
 */
export function gtin14(gtin: string): string {
  const problem = gtinProblem(gtin);
  if (problem) throw new Error(`"${gtin}" is not a valid GTIN: ${problem}`);
  return gtin.padStart(14, '0');
}
