// What counts as an e-mail address where one is needed whole (a receipt's recipient, a bounced
// recipient): something before one @, a domain with a dot after it, no spaces.
const ADDRESS = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function isMailAddress(text: string): boolean {
  return ADDRESS.test(text);
}
