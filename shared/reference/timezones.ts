/** IANA time zones as known to the runtime's ICU data, plus UTC. */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

let zoneSet: ReadonlySet<string> | undefined;

export function isTimeZone(value: string): boolean {
  zoneSet ??= new Set(timeZones());
  return zoneSet.has(value);
}

/** The zones CLDR associates with a country, most populous first, for a sensible default. */
export function timeZonesForCountry(country: string): string[] {
  try {
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & {
      getTimeZones?: () => string[] | undefined;
      timeZones?: string[];
    };
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

/** "14:05" (with weekday when it differs from the viewer's day) for a person in `zone`. */
export function localTimeIn(zone: string, at: Date, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** Offset like "UTC+05:30" for `zone` at the given instant. */
export function utcOffsetLabel(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  const value = part?.value ?? 'GMT';
  return value === 'GMT' ? 'UTC' : value.replace('GMT', 'UTC');
}
