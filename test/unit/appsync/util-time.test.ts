import { describe, expect, it } from 'vitest';
import { timeUtils as time } from '../../../local/appsync/util-time.ts';

// Expected values: the examples of "Time helpers in util.time" (2018-02-06T19:01:35.750Z = 1517943695750).

const INSTANT = 1517943695750;

describe('given an epoch-milliseconds instant', () => {
  it('when converting to seconds and ISO 8601, then it matches the reference', () => {
    expect(time.epochMilliSecondsToSeconds(INSTANT)).toBe(1517943695);
    expect(time.epochMilliSecondsToISO8601(INSTANT)).toBe('2018-02-06T19:01:35.750Z');
  });

  it('when formatting with yyyy-MM-dd HH:mm:ssZ, then UTC and +08:00 match the reference', () => {
    expect(time.epochMilliSecondsToFormatted(INSTANT, 'yyyy-MM-dd HH:mm:ssZ')).toBe('2018-02-06 19:01:35+0000');
    expect(time.epochMilliSecondsToFormatted(INSTANT, 'yyyy-MM-dd HH:mm:ssZ', '+08:00')).toBe('2018-02-07 03:01:35+0800');
  });

  it('when formatting in a zone id, then the zone offset applies', () => {
    expect(time.epochMilliSecondsToFormatted(INSTANT, 'yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth')).toBe('2018-02-07 03:01:35+0800');
    expect(time.epochMilliSecondsToFormatted(INSTANT, 'yyyy-MM-dd HH:mm', 'America/New_York')).toBe('2018-02-06 14:01');
  });

  it('when the pattern has milliseconds, quoted literals and XXX, then they render', () => {
    expect(time.epochMilliSecondsToFormatted(INSTANT, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe('2018-02-06T19:01:35.750Z');
    expect(time.epochMilliSecondsToFormatted(INSTANT, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", '-05:00')).toBe('2018-02-06T14:01:35.750-05:00');
    expect(time.epochMilliSecondsToFormatted(INSTANT, "dd/MM/yy 'at' h:mm a, EEE MMM")).toBe('06/02/18 at 7:01 PM, Tue Feb');
    expect(time.epochMilliSecondsToFormatted(INSTANT, "'It''s' yyyy")).toBe("It's 2018");
    expect(time.epochMilliSecondsToFormatted(INSTANT, 'HH:mm ZZZZ', '+05:30')).toBe('00:31 GMT+05:30');
    expect(time.epochMilliSecondsToFormatted(INSTANT, 'HH:mm ZZZZZ')).toBe('19:01 Z');
  });
});

describe('given formatted timestamps to parse', () => {
  it('when the text carries its zone, then the reference result comes back', () => {
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-01 17:21:05.000+0000', 'yyyy-MM-dd HH:mm:ss.SSSZ')).toBe(1517505665000);
  });

  it('when the zone is given separately, then the wall-clock time is read in that zone', () => {
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-01 17:21:05', 'yyyy-MM-dd HH:mm:ss', '+08:00')).toBe(1517476865000);
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-01 17:21:05', 'yyyy-MM-dd HH:mm:ss', 'Australia/Perth')).toBe(1517476865000);
  });

  it('when parsing ISO 8601 with an offset, then the reference result comes back', () => {
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05.000+08:00')).toBe(1517476865000);
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05.000+0800')).toBe(1517476865000);
  });

  it('when the text does not fit the pattern, then it fails', () => {
    expect(() => time.parseFormattedToEpochMilliSeconds('2018/02/01', 'yyyy-MM-dd')).toThrow(/could not be parsed/);
  });

  it('when formatting then parsing, then the instant round-trips', () => {
    const pattern = "yyyyMMdd'T'HHmmss.SSSZ";
    expect(time.parseFormattedToEpochMilliSeconds(time.epochMilliSecondsToFormatted(INSTANT, pattern, 'Asia/Kolkata'), pattern)).toBe(INSTANT);
  });
});

describe('given the now* helpers', () => {
  it('when called, then they agree with the clock and each other', () => {
    const before = Date.now();
    const millis = time.nowEpochMilliSeconds();
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(Math.abs(time.nowEpochSeconds() - Math.floor(millis / 1000))).toBeLessThanOrEqual(1);
    expect(time.nowISO8601()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(time.nowFormatted('yyyy-MM-dd HH:mm:ssZ', '+08:00')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+0800$/);
  });
});

describe('given the java.time pattern letters and zones AppSync accepts beyond the basics', () => {
  // Sunday 2024-12-29 10:00 UTC: its Sunday-first week holds 2025-01-01, so its week-based year is 2025.
  const SUNDAY = Date.UTC(2024, 11, 29, 10, 0, 0);

  it('when formatting YYYY next to yyyy at the turn of the year, then the week-based year and the calendar year differ', () => {
    expect(time.epochMilliSecondsToFormatted(SUNDAY, 'YYYY yyyy')).toBe('2025 2024');
    expect(time.epochMilliSecondsToFormatted(Date.UTC(2024, 11, 28), 'YYYY yyyy')).toBe('2024 2024');
  });

  it('when formatting and parsing D, then it is the day of the year', () => {
    expect(time.epochMilliSecondsToFormatted(SUNDAY, 'D DDD')).toBe('364 364');
    expect(time.epochMilliSecondsToFormatted(Date.UTC(2024, 0, 5), 'D DDD')).toBe('5 005');
    expect(time.parseFormattedToEpochMilliSeconds('2024 364', 'yyyy D')).toBe(Date.UTC(2024, 11, 29));
  });

  it('when a pattern has an [optional section], then formatting prints it and parsing accepts text with or without it', () => {
    const pattern = "yyyy-MM-dd['T'HH:mm]";
    expect(time.epochMilliSecondsToFormatted(SUNDAY, pattern)).toBe('2024-12-29T10:00');
    expect(time.parseFormattedToEpochMilliSeconds('2024-12-29T10:00', pattern)).toBe(SUNDAY);
    expect(time.parseFormattedToEpochMilliSeconds('2024-12-29', pattern)).toBe(Date.UTC(2024, 11, 29));
    expect(() => time.parseFormattedToEpochMilliSeconds('2024-12-29T1', pattern)).toThrow(/could not be parsed/);
  });

  it('when the zone is an offset with seconds (-07:00:30), then formatting and parsing keep the seconds', () => {
    expect(time.epochMilliSecondsToFormatted(SUNDAY, "yyyy-MM-dd'T'HH:mm:ssXXXXX", '-07:00:30')).toBe('2024-12-29T02:59:30-07:00:30');
    expect(time.epochMilliSecondsToFormatted(SUNDAY, 'XXX XXXX ZZZZ', '-07:00:30')).toBe('-07:00 -070030 GMT-07:00:30');
    expect(time.parseFormattedToEpochMilliSeconds('2024-12-29T02:59:30-07:00:30', "yyyy-MM-dd'T'HH:mm:ssXXXXX")).toBe(SUNDAY);
    expect(time.parseFormattedToEpochMilliSeconds('2024-12-29 02:59:30', 'yyyy-MM-dd HH:mm:ss', '-07:00:30')).toBe(SUNDAY);
  });
});
