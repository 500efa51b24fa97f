// Reads a zip file's central directory without unpacking anything: the entry names and the
// sizes they claim. Enough to tell DOCX from ODT from a plain zip, and to refuse a zip bomb
// before any decompression starts.

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** The entries of a zip file, or null when the bytes have no readable central directory. */
export function readZipDirectory(buf: Buffer, maxEntries = 20_000): ZipEntry[] | null {
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  const stop = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count && n < maxEntries; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL) return entries.length > 0 ? entries : null;
    const flags = buf.readUInt16LE(offset + 8);
    const compressedSize = buf.readUInt32LE(offset + 20);
    const uncompressedSize = buf.readUInt32LE(offset + 24);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const name = buf.toString('utf8', offset + 46, Math.min(buf.length, offset + 46 + nameLength));
    entries.push({ name, compressedSize, uncompressedSize, encrypted: (flags & 1) === 1 });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The content of a STORED (uncompressed) entry found by its local header, e.g. ODF's "mimetype". */
export function storedEntryText(buf: Buffer, wanted: string): string | null {
  let offset = 0;
  for (let n = 0; n < 8 && offset + 30 <= buf.length; n++) {
    if (buf.readUInt32LE(offset) !== 0x04034b50) return null;
    const method = buf.readUInt16LE(offset + 8);
    const size = buf.readUInt32LE(offset + 18);
    const nameLength = buf.readUInt16LE(offset + 26);
    const extraLength = buf.readUInt16LE(offset + 28);
    const name = buf.toString('utf8', offset + 30, offset + 30 + nameLength);
    const start = offset + 30 + nameLength + extraLength;
    if (name === wanted) return method === 0 ? buf.toString('utf8', start, Math.min(buf.length, start + Math.min(size, 200))) : null;
    offset = start + size;
  }
  return null;
}
