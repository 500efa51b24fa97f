// A number of bytes in words, for each reader in their own terms: a sender reads "1,5 MB" in the
// receipt (in their language), a caseworker "25 MB" in why an attachment was not read, an operator
// "12.0 KiB" in `innspill status`.

/** For a receipt: "512 byte", "12 kB", "1,5 MB" (English: "512 bytes", "1.5 MB"). */
export function sizeForSender(bytes: number, lang: 'nb' | 'nn' | 'en'): string {
  const comma = (n: number) => (lang === 'en' ? n.toFixed(1) : n.toFixed(1).replace('.', ','));
  if (bytes < 1024) return `${bytes} ${lang === 'en' ? 'bytes' : 'byte'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${comma(bytes / 1024 / 1024)} MB`;
}

/** In megabytes, Norwegian style, for a problem text: "25 MB", "1,5 MB". */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('nb-NO', { maximumFractionDigits: 1 })} MB`;
}

/** For an operator (English, binary units): "512 bytes", "12.0 KiB", "3.4 MiB", "1.25 GiB". */
export function sizeForOperator(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
