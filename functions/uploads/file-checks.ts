// What a landed file must be: the type its document declares, as its first bytes prove, no larger than 20 MB.
// There is no malware scanner in this project: a file that passes these checks keeps scanStatus PENDING.
import { maxDocumentBytes } from '../../resolvers/lib/uploads.ts';

export type DocumentContentType = 'PDF' | 'DOC' | 'DOCX' | 'JPEG' | 'PNG' | 'HEIC';

/** How many leading bytes the checks read (HEIC's brand ends at byte 12). */
export const signatureLength = 16;

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function startsWith(data: Uint8Array, prefix: Uint8Array, offset = 0): boolean {
  if (data.length < offset + prefix.length) return false;
  return prefix.every((value, i) => data[offset + i] === value);
}

/** ISO base media brands of HEIF/HEIC images (ISO/IEC 23008-12): `ftyp` at byte 4, the major brand at byte 8. */
const heifBrands = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1'];

const signatures: Record<DocumentContentType, (data: Uint8Array) => boolean> = {
  PDF: (data) => startsWith(data, ascii('%PDF-')),
  // OLE2 compound file, the container of Word 97-2003 documents.
  DOC: (data) => startsWith(data, bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)),
  // A ZIP archive (local file header), the container of Office Open XML; the ZIP's contents are not inspected.
  DOCX: (data) => startsWith(data, bytes(0x50, 0x4b, 0x03, 0x04)),
  JPEG: (data) => startsWith(data, bytes(0xff, 0xd8, 0xff)),
  PNG: (data) => startsWith(data, bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)),
  HEIC: (data) => startsWith(data, ascii('ftyp'), 4) && heifBrands.some((brand) => startsWith(data, ascii(brand), 8)),
};

export function matchesSignature(type: DocumentContentType, data: Uint8Array): boolean {
  return signatures[type](data);
}

export type FileVerdict = { accepted: true } | { accepted: false; reason: string };

/**
 * The verdict on a landed file: its size and first bytes, against the type the document declares (from the upload's
 * staging key, which the form's policy signs), never against the Content-Type the form or S3 reports. Reasons are
 * shown to the applicant.
 */
export function checkLandedFile(file: { declared: DocumentContentType; sizeBytes: number; head: Uint8Array }): FileVerdict {
  const type = file.declared;
  if (file.sizeBytes <= 0) return { accepted: false, reason: 'The file is empty' };
  if (file.sizeBytes > maxDocumentBytes) {
    return { accepted: false, reason: `The file is ${file.sizeBytes} bytes; at most ${maxDocumentBytes} bytes (20 MB) are allowed` };
  }
  if (!matchesSignature(type, file.head)) {
    return { accepted: false, reason: `The file's content is not a ${type} file, as its declared type says it should be` };
  }
  return { accepted: true };
}
