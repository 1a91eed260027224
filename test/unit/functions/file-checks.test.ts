import { describe, expect, it } from 'vitest';
import { checkLandedFile, matchesSignature, type DocumentContentType } from '../../../functions/uploads/file-checks.ts';
import { maxDocumentBytes } from '../../../resolvers/lib/uploads.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

/** The first bytes of a real file of each type. */
const samples: Record<DocumentContentType, Uint8Array> = {
  PDF: ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3'),
  DOC: bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0),
  DOCX: concat(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00), ascii('\0\0\0\0\0\0\0\0')),
  JPEG: bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01),
  PNG: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52),
  HEIC: concat(bytes(0x00, 0x00, 0x00, 0x18), ascii('ftypheic'), bytes(0, 0, 0, 0)),
};

const types = Object.keys(samples) as DocumentContentType[];

describe('magic bytes', () => {
  it.each(types)('given the first bytes of a real %s file, when checked as that type, then they match', (type) => {
    expect(matchesSignature(type, samples[type])).toBe(true);
  });

  it.each(types.flatMap((claimed) => types.filter((actual) => actual !== claimed).map((actual) => [claimed, actual] as const)))(
    'given a %s claim, when the bytes are those of a %s file, then they do not match',
    (claimed, actual) => {
      expect(matchesSignature(claimed, samples[actual])).toBe(false);
    },
  );

  it.each(['mif1', 'heix', 'msf1'])('given an HEIF image with major brand %s, when checked as HEIC, then it matches', (brand) => {
    expect(matchesSignature('HEIC', concat(bytes(0, 0, 0, 0x1c), ascii(`ftyp${brand}`)))).toBe(true);
  });

  it('given an ISO media file of another brand (an MP4 video), when checked as HEIC, then it does not match', () => {
    expect(matchesSignature('HEIC', concat(bytes(0, 0, 0, 0x20), ascii('ftypisom')))).toBe(false);
  });

  it('given fewer bytes than the signature, when checked, then they do not match', () => {
    expect(matchesSignature('PNG', bytes(0x89, 0x50))).toBe(false);
  });
});

describe('the landed file verdict', () => {
  it.each(types)('given a file declared %s whose bytes are one, within 20 MB, then it is accepted', (type) => {
    expect(checkLandedFile({ declared: type, sizeBytes: 1234, head: samples[type] })).toEqual({ accepted: true });
  });

  it('given a file declared as PDF whose bytes are a PNG, then it is rejected saying it is not a PDF file', () => {
    expect(checkLandedFile({ declared: 'PDF', sizeBytes: 2048, head: samples.PNG })).toEqual({
      accepted: false,
      reason: "The file's content is not a PDF file, as its declared type says it should be",
    });
  });

  it('given a file one byte over 20 MB, then it is rejected naming its size and the limit', () => {
    const verdict = checkLandedFile({ declared: 'PDF', sizeBytes: maxDocumentBytes + 1, head: samples.PDF });
    expect(verdict).toEqual({ accepted: false, reason: `The file is ${maxDocumentBytes + 1} bytes; at most ${maxDocumentBytes} bytes (20 MB) are allowed` });
  });

  it('given a file of exactly 20 MB, then it is accepted', () => {
    expect(checkLandedFile({ declared: 'PDF', sizeBytes: maxDocumentBytes, head: samples.PDF }).accepted).toBe(true);
  });

  it('given an empty file, then it is rejected as empty', () => {
    expect(checkLandedFile({ declared: 'PNG', sizeBytes: 0, head: new Uint8Array() })).toEqual({ accepted: false, reason: 'The file is empty' });
  });
});
