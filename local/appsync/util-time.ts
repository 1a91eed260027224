import { formatEpochMillis, parseToEpochMillis } from './time-format.ts';

// Reference: "Time helpers in util.time"
// (https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time-js.html).
// Formats follow java.time DateTimeFormatter; a time zone is an offset ("+08:00") or an id ("Australia/Perth").

function isoWithOffsetColon(timestamp: string): string {
  // Date.parse accepts "+08:00" but not "+0800"; ISO 8601 allows both.
  return timestamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

export const timeUtils = {
  nowISO8601: (): string => new Date().toISOString(),
  nowEpochSeconds: (): number => Math.floor(Date.now() / 1000),
  nowEpochMilliSeconds: (): number => Date.now(),
  nowFormatted: (format: string, timezone?: string): string => formatEpochMillis(Date.now(), format, timezone),
  parseFormattedToEpochMilliSeconds: (timestamp: string, format: string, timezone?: string): number =>
    parseToEpochMillis(timestamp, format, timezone),
  parseISO8601ToEpochMilliSeconds: (timestamp: string): number => {
    const millis = Date.parse(isoWithOffsetColon(timestamp));
    if (Number.isNaN(millis)) throw new Error(`Text '${timestamp}' could not be parsed as ISO8601`);
    return millis;
  },
  epochMilliSecondsToSeconds: (milliseconds: number): number => Math.floor(milliseconds / 1000),
  epochMilliSecondsToISO8601: (milliseconds: number): string => new Date(milliseconds).toISOString(),
  epochMilliSecondsToFormatted: (milliseconds: number, format: string, timezone?: string): string =>
    formatEpochMillis(milliseconds, format, timezone),
};
