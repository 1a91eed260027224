import { describe, expect, it } from 'vitest';
import { counterDeltas, migratedFigures } from '../../../migration/counters.ts';
import { legacyUlid, legacyUserId } from '../../../migration/ids.ts';
import { parseBudget } from '../../../migration/map/applicants.ts';
import { documentContentType } from '../../../migration/map/documents.ts';
import { parsePythonRepr, PythonReprError } from '../../../migration/python-repr.ts';
import { replaceUserId, keyNames } from '../../../functions/identity/legacy-claim-entries.ts';

// The pure parts of the migration's decisions; the whole run is test/integration/migration/migration.test.ts.

describe("the old audit log's Python repr", () => {
  it('given str(dict) with quotes, True/None, nesting and escapes, then it reads as the same JSON value', () => {
    expect(parsePythonRepr(`{'a': 'it\\'s', "b": True, 'c': None, 'd': [1, 2.5, (3, 'x')], 'e': {'f': False}, 'g': 'line\\nnext'}`)).toEqual({
      a: "it's",
      b: true,
      c: null,
      d: [1, 2.5, [3, 'x']],
      e: { f: false },
      g: 'line\nnext',
    });
  });

  it('given text cut short, then it fails naming where', () => {
    expect(() => parsePythonRepr("{'broken': ")).toThrow(PythonReprError);
    expect(() => parsePythonRepr("{'broken': ")).toThrow(/at character \d+ of extra_data/);
  });
});

describe('free-text budgets', () => {
  it.each([
    ['20000', 20000],
    ['$20,000', 20000],
    ['20k', 20000],
    ['12.5k', 12500],
    [' 1,500 USD ', 1500],
  ])('given %j, then %d whole dollars', (raw, dollars) => {
    expect(parseBudget(raw)).toBe(dollars);
  });

  it.each(['not sure', '20-30k', '', 'about $5000'])('given %j, then no budget', (raw) => {
    expect(parseBudget(raw)).toBeNull();
  });
});

describe('document types', () => {
  it('given the browser type or, failing that, the file name, then the new type; none for other files', () => {
    expect(documentContentType('application/pdf', 'x.bin')).toBe('PDF');
    expect(documentContentType('application/octet-stream', 'photo.PNG')).toBe('PNG');
    expect(documentContentType('text/plain', 'notes.txt')).toBeNull();
  });
});

describe('deterministic ids', () => {
  it('given the same row, then the same ids; given another, others; the time part is created_at', () => {
    const at = new Date('2024-03-05T09:00:00Z');
    expect(legacyUlid('applicant', 3, at)).toBe(legacyUlid('applicant', 3, at));
    expect(legacyUlid('applicant', 3, at)).not.toBe(legacyUlid('applicant', 4, at));
    expect(legacyUlid('task', 3, at)).not.toBe(legacyUlid('applicant', 3, at));
    expect(legacyUlid('applicant', 3, at) < legacyUlid('applicant', 3, new Date('2024-03-06T00:00:00Z'))).toBe(true);
    expect(legacyUserId(3)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('the claim rewrite', () => {
  it('given an item naming the legacy id in its key and attributes, then every mention becomes the sub and the item moves', () => {
    const legacy = legacyUserId(9);
    const item = { pk: `USER#${legacy}`, sk: 'PROFILE', id: legacy, gsi4sk: `Maria#${legacy}`, fullName: 'Maria' };
    expect(keyNames(item, legacy)).toBe(true);
    expect(replaceUserId(item, legacy, 'sub-1')).toEqual({ pk: 'USER#sub-1', sk: 'PROFILE', id: 'sub-1', gsi4sk: 'Maria#sub-1', fullName: 'Maria' });
  });
});

describe('migrated counters', () => {
  const items = [
    { pk: 'a', sk: 'a', type: 'APPLICANT', id: '01HR0000000000000000000000', status: 'DRAFT' },
    { pk: 'b', sk: 'b', type: 'TASK', id: '01HR0000000000000000000001', status: 'PENDING' },
    { pk: 'c', sk: 'c', type: 'TASK', id: '01HR0000000000000000000002', status: 'COMPLETED' },
    { pk: 'd', sk: 'd', type: 'PAYMENT', id: 'p', applicantId: '01HR0000000000000000000000', status: 'SUCCEEDED', amountCents: 500 },
    { pk: 'e', sk: 'e', type: 'PAYMENT', id: 'q', applicantId: '01HR0000000000000000000000', status: 'EXPIRED', amountCents: 900 },
  ];

  it('given migrated items, then each figure lands on the shard the resolvers would use', () => {
    expect(migratedFigures(items)).toEqual({ '0': { applicants_DRAFT: 1, revenueCents: 500 }, '1': { pendingTasks: 1 } });
  });

  it('given the figures a previous run added, then only the difference is added, and nothing when they are equal', () => {
    const figures = migratedFigures(items);
    expect(counterDeltas(figures, figures)).toEqual({});
    expect(counterDeltas({ '0': { applicants_DRAFT: 3 } }, figures)).toEqual({ '0': { applicants_DRAFT: -2, revenueCents: 500 }, '1': { pendingTasks: 1 } });
  });
});
