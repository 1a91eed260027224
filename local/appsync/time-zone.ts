// Time zones for util.time: fixed offsets ("+08:00", "-0500", "-07:00:30", "UTC", "Z") and IANA ids ("Australia/Perth").

const FIXED_OFFSET = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2})(?::?(\d{2}))?)?$/;
const UTC_NAMES = new Set(['UTC', 'Z', 'GMT', 'UT']);
const formatters = new Map<string, Intl.DateTimeFormat>();

function ianaFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Offset of `zone` from UTC, in seconds (java.time offsets may have seconds), at the instant `utcMs`. */
export function zoneOffsetSeconds(zone: string, utcMs: number): number {
  if (UTC_NAMES.has(zone)) return 0;
  const fixed = FIXED_OFFSET.exec(zone);
  if (fixed) {
    const seconds = Number(fixed[2]) * 3600 + Number(fixed[3] ?? '0') * 60 + Number(fixed[4] ?? '0');
    if (seconds > 18 * 3600) throw new Error(`Zone offset not in valid range: -18:00 to +18:00: ${zone}`);
    return fixed[1] === '-' ? -seconds : seconds;
  }
  const parts = Object.fromEntries(
    ianaFormatter(zone)
      .formatToParts(utcMs)
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000))) / 1000);
}

/** The UTC instant at which the wall clock of `zone` shows `localMs` (wall-clock time encoded as if UTC). */
export function localToUtc(localMs: number, zone: string): number {
  const firstGuess = localMs - zoneOffsetSeconds(zone, localMs) * 1000;
  return localMs - zoneOffsetSeconds(zone, firstGuess) * 1000;
}
