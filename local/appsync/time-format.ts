import { localToUtc, zoneOffsetSeconds } from './time-zone.ts';

// The subset of java.time.format.DateTimeFormatter patterns that util.time needs (the reference defers to
// DateTimeFormatter: https://docs.oracle.com/javase/8/docs/api/java/time/format/DateTimeFormatter.html):
// y/u (year), Y (week-based year, weeks from Sunday as in the en-US locale AppSync formats with), M (month,
// MMM/MMMM names), d, D (day of year), H, h, a, m, s, S (fraction), E (day names), Z / X / x (offsets, seconds
// included when not zero: -07:00:30), [optional sections], and 'quoted literals' with '' for a single quote.

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'field'; letter: string; count: number }
  | { kind: 'optionalStart' }
  | { kind: 'optionalEnd' };

const SUPPORTED = new Set(['y', 'u', 'Y', 'M', 'd', 'D', 'H', 'h', 'a', 'm', 's', 'S', 'E', 'Z', 'X', 'x']);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const tokenCache = new Map<string, Token[]>();

export function tokenize(pattern: string): Token[] {
  const cached = tokenCache.get(pattern);
  if (cached) return cached;
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ kind: 'literal', text: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i += 1;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          break;
        } else {
          text += pattern[i];
          i += 1;
        }
      }
      if (i >= pattern.length) throw new Error(`Pattern ends with an incomplete string literal: ${pattern}`);
      tokens.push({ kind: 'literal', text });
      i += 1;
    } else if (ch === '[' || ch === ']') {
      tokens.push({ kind: ch === '[' ? 'optionalStart' : 'optionalEnd' });
      i += 1;
    } else if (/[A-Za-z]/.test(ch)) {
      if (!SUPPORTED.has(ch)) throw new Error(`Unsupported pattern letter '${ch}' in ${pattern}`);
      let count = 1;
      while (pattern[i + count] === ch) count += 1;
      tokens.push({ kind: 'field', letter: ch, count });
      i += count;
    } else {
      tokens.push({ kind: 'literal', text: ch });
      i += 1;
    }
  }
  tokenCache.set(pattern, tokens);
  return tokens;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** An offset as DateTimeFormatter prints it; seconds only where the pattern allows them (XXXX, XXXXX, ZZZZ, ZZZZZ). */
function formatOffset(offsetSeconds: number, letter: string, count: number): string {
  if (offsetSeconds === 0 && (letter === 'X' || (letter === 'Z' && count === 5))) return 'Z';
  if (offsetSeconds === 0 && letter === 'Z' && count === 4) return 'GMT';
  const sign = offsetSeconds < 0 ? '-' : '+';
  const total = Math.abs(offsetSeconds);
  const hours = pad(Math.floor(total / 3600), 2);
  const mins = pad(Math.floor(total / 60) % 60, 2);
  const secs = total % 60;
  const withSeconds = (colon: boolean) => (secs === 0 ? '' : `${colon ? ':' : ''}${pad(secs, 2)}`);
  if (letter === 'Z' && count === 4) return `GMT${sign}${hours}:${mins}${withSeconds(true)}`;
  if (letter === 'Z') return count === 5 ? `${sign}${hours}:${mins}${withSeconds(true)}` : `${sign}${hours}${mins}`;
  if (count === 1) return mins === '00' ? `${sign}${hours}` : `${sign}${hours}${mins}`;
  if (count === 2) return `${sign}${hours}${mins}`;
  if (count === 3) return `${sign}${hours}:${mins}`;
  return count === 4 ? `${sign}${hours}${mins}${withSeconds(false)}` : `${sign}${hours}:${mins}${withSeconds(true)}`;
}

/** The week-based year under Sunday-first weeks with week 1 holding January 1: the year of the week's Saturday. */
function weekBasedYear(local: Date): number {
  const saturday = new Date(local.getTime() + (6 - local.getUTCDay()) * 86_400_000);
  return saturday.getUTCFullYear();
}

function dayOfYear(local: Date): number {
  return Math.floor((local.getTime() - Date.UTC(local.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

function formatYear(year: number, count: number): string {
  return count === 2 ? pad(year % 100, 2) : pad(year, count);
}

export function formatEpochMillis(utcMs: number, pattern: string, zone = 'UTC'): string {
  const offset = zoneOffsetSeconds(zone, utcMs);
  const local = new Date(utcMs + offset * 1000);
  return tokenize(pattern)
    .map((token) => {
      // An optional section prints in full when formatting: every field is known.
      if (token.kind === 'optionalStart' || token.kind === 'optionalEnd') return '';
      if (token.kind === 'literal') return token.text;
      const { letter, count } = token;
      switch (letter) {
        case 'y':
        case 'u':
          return formatYear(local.getUTCFullYear(), count);
        case 'Y':
          return formatYear(weekBasedYear(local), count);
        case 'D':
          return pad(dayOfYear(local), count);
        case 'M':
          if (count >= 4) return MONTHS[local.getUTCMonth()]!;
          if (count === 3) return MONTHS[local.getUTCMonth()]!.slice(0, 3);
          return pad(local.getUTCMonth() + 1, count);
        case 'd':
          return pad(local.getUTCDate(), count);
        case 'H':
          return pad(local.getUTCHours(), count);
        case 'h':
          return pad(local.getUTCHours() % 12 || 12, count);
        case 'a':
          return local.getUTCHours() < 12 ? 'AM' : 'PM';
        case 'm':
          return pad(local.getUTCMinutes(), count);
        case 's':
          return pad(local.getUTCSeconds(), count);
        case 'S':
          return pad(local.getUTCMilliseconds(), 3).padEnd(count, '0').slice(0, count);
        case 'E':
          return count >= 4 ? DAYS[local.getUTCDay()]! : DAYS[local.getUTCDay()]!.slice(0, 3);
        default:
          return formatOffset(offset, letter, count);
      }
    })
    .join('');
}

interface ParsedFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  pm?: boolean;
  offsetSeconds?: number;
  dayOfYear?: number;
}

function parseError(text: string, pattern: string): Error {
  return new Error(`Text '${text}' could not be parsed with pattern '${pattern}'`);
}

/** Parses `text` laid out as `pattern`; a zone in the text wins, then `zone`, then UTC. */
export function parseToEpochMillis(text: string, pattern: string, zone?: string): number {
  const fields: ParsedFields = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millis: 0 };
  let pos = 0;
  const readDigits = (min: number, max: number): number => {
    const match = new RegExp(`^\\d{${min},${max}}`).exec(text.slice(pos));
    if (!match) throw parseError(text, pattern);
    pos += match[0].length;
    return Number(match[0]);
  };
  const readName = (names: string[], length?: number): number => {
    const rest = text.slice(pos).toLowerCase();
    const index = names.findIndex((name) => rest.startsWith((length ? name.slice(0, length) : name).toLowerCase()));
    if (index < 0) throw parseError(text, pattern);
    pos += length ?? names[index]!.length;
    return index;
  };
  const tokens = tokenize(pattern);
  const sectionEnd = (start: number): number => {
    let depth = 0;
    for (let j = start; j < tokens.length; j += 1) {
      if (tokens[j]!.kind === 'optionalStart') depth += 1;
      if (tokens[j]!.kind === 'optionalEnd' && --depth === 0) return j;
    }
    return tokens.length;
  };
  // An optional section that does not match is skipped: position and fields go back to where it started.
  const sections: { end: number; pos: number; fields: ParsedFields }[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.kind === 'optionalStart') {
      sections.push({ end: sectionEnd(index), pos, fields: { ...fields } });
      continue;
    }
    if (token.kind === 'optionalEnd') {
      sections.pop();
      continue;
    }
    try {
      readToken(token);
    } catch (error) {
      const section = sections.pop();
      if (!section) throw error;
      pos = section.pos;
      Object.assign(fields, section.fields);
      index = section.end;
    }
  }
  function readToken(token: Extract<Token, { kind: 'literal' | 'field' }>): void {
    if (token.kind === 'literal') {
      if (!text.startsWith(token.text, pos)) throw parseError(text, pattern);
      pos += token.text.length;
      return;
    }
    const { letter, count } = token;
    const width: [number, number] = count >= 2 ? [count, count] : [1, 9];
    switch (letter) {
      case 'y':
      case 'u':
      case 'Y':
        fields.year = count === 2 ? 2000 + readDigits(2, 2) : readDigits(...width);
        break;
      case 'D':
        fields.dayOfYear = readDigits(count >= 2 ? count : 1, 3);
        break;
      case 'M':
        fields.month = count >= 3 ? readName(MONTHS, count === 3 ? 3 : undefined) + 1 : readDigits(...width);
        break;
      case 'd':
        fields.day = readDigits(...width);
        break;
      case 'H':
      case 'h':
        fields.hour = readDigits(...width);
        break;
      case 'a':
        fields.pm = readName(['AM', 'PM']) === 1;
        break;
      case 'm':
        fields.minute = readDigits(...width);
        break;
      case 's':
        fields.second = readDigits(...width);
        break;
      case 'S': {
        const digits = text.slice(pos, pos + count);
        if (!/^\d+$/.test(digits) || digits.length !== count) throw parseError(text, pattern);
        pos += count;
        fields.millis = Math.floor(Number(`0.${digits}`) * 1000 + 1e-6);
        break;
      }
      case 'E':
        readName(DAYS, count >= 4 ? undefined : 3);
        break;
      default: {
        const match = /^(?:Z|([+-])(\d{2}):?(\d{2})?(?::?(\d{2}))?)/.exec(text.slice(pos));
        if (!match) throw parseError(text, pattern);
        pos += match[0].length;
        const seconds = match[0] === 'Z' ? 0 : Number(match[2]) * 3600 + Number(match[3] ?? '0') * 60 + Number(match[4] ?? '0');
        fields.offsetSeconds = match[1] === '-' ? -seconds : seconds;
      }
    }
  }
  if (pos !== text.length) throw parseError(text, pattern);
  if (fields.pm !== undefined) fields.hour = (fields.hour % 12) + (fields.pm ? 12 : 0);
  const [month, day] = fields.dayOfYear === undefined ? [fields.month - 1, fields.day] : [0, fields.dayOfYear];
  const wallClock = Date.UTC(fields.year, month, day, fields.hour, fields.minute, fields.second, fields.millis);
  if (fields.offsetSeconds !== undefined) return wallClock - fields.offsetSeconds * 1000;
  return zone ? localToUtc(wallClock, zone) : wallClock;
}
