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

/**
 * The zone most of a country's people and businesses keep, for countries with more than one
 * (CLDR lists a country's zones alphabetically, which made America/Adak, the Aleutian Islands,
 * the default for the US). Where IANA renamed a zone, both names are listed because the
 * runtime's ICU may know only the old one (Europe/Kiev). Source: the capital's or the largest
 * city's zone, from the IANA tz database's zone.tab comments.
 */
const MAIN_ZONES: Readonly<Record<string, readonly string[]>> = {
  US: ['America/New_York'], CA: ['America/Toronto'], AU: ['Australia/Sydney'], ES: ['Europe/Madrid'],
  PT: ['Europe/Lisbon'], DE: ['Europe/Berlin'], RU: ['Europe/Moscow'], BR: ['America/Sao_Paulo'],
  MX: ['America/Mexico_City'], AR: ['America/Argentina/Buenos_Aires', 'America/Buenos_Aires'],
  CL: ['America/Santiago'], EC: ['America/Guayaquil'], ID: ['Asia/Jakarta'], KZ: ['Asia/Almaty'],
  CN: ['Asia/Shanghai'], NZ: ['Pacific/Auckland'], UA: ['Europe/Kyiv', 'Europe/Kiev'], MN: ['Asia/Ulaanbaatar'],
  CD: ['Africa/Kinshasa'], MY: ['Asia/Kuala_Lumpur'], GL: ['America/Nuuk', 'America/Godthab'],
  KI: ['Pacific/Tarawa'], PF: ['Pacific/Tahiti'], FM: ['Pacific/Pohnpei', 'Pacific/Ponape'], CY: ['Asia/Nicosia'],
  UZ: ['Asia/Tashkent'], PG: ['Pacific/Port_Moresby'], MH: ['Pacific/Majuro'], PS: ['Asia/Gaza'],
};

/** The zones CLDR associates with a country, its main zone first (MAIN_ZONES), the rest alphabetical. */
export function timeZonesForCountry(country: string): string[] {
  let zones: string[];
  try {
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & {
      getTimeZones?: () => string[] | undefined;
      timeZones?: string[];
    };
    zones = locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
  const main = (MAIN_ZONES[country] ?? []).find((zone) => zones.includes(zone));
  return main ? [main, ...zones.filter((zone) => zone !== main)] : zones;
}

/** A new client's zone for `country` (ISO 3166 alpha-2): its main one, or null when CLDR knows none. */
export function defaultTimeZone(country: string): string | null {
  return timeZonesForCountry(country)[0] ?? null;
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
