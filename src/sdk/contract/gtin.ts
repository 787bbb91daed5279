/**
 * GTIN (EAN/UPC) check-digit arithmetic, shared by the schemas, the server's
 * feed import and the demo data generator so that all three agree.
 */

/** Check digit for the first n-1 digits of a GTIN-8/12/13/14 (GS1 mod-10). */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  // Weights alternate 3,1,3,… starting from the rightmost digit of the body.
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (body.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True for an 8, 12, 13 or 14 digit string whose last digit is a valid check digit. */
export function isValidGtin(value: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(value)) return false;
  return gtinCheckDigit(value.slice(0, -1)) === value.charCodeAt(value.length - 1) - 48;
}

/** Completes a body of 7, 11, 12 or 13 digits with its check digit. */
export function withCheckDigit(body: string): string {
  return body + String(gtinCheckDigit(body));
}
