import dayjs from 'dayjs';
import 'dayjs/locale/de';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/fr';

/** The dayjs locales the calendar pop-up's month and weekday names come in; "en" is built into dayjs. */
const PICKER_LOCALES = new Set(['en', 'en-gb', 'de', 'fr']);

/** The calendar's dayjs locale for a display locale: "en-gb" for en-GB, "de" for de-AT, "en" (US English) when none fits. */
export function pickerLocale(locale: string): string {
  const tag = locale.toLowerCase();
  if (PICKER_LOCALES.has(tag)) return tag;
  const language = tag.split('-')[0]!;
  return language !== 'en' && PICKER_LOCALES.has(language) ? language : 'en';
}

/** The week info Intl gives a locale: a method in current engines, a getter in older ones. */
type WeekInfoLocale = Intl.Locale & { getWeekInfo?(): { firstDay: number }; weekInfo?: { firstDay: number } };

/**
 * The day the calendar's weeks start on in `locale`, as Mantine counts (0 Sunday … 6 Saturday):
 * Monday in Britain and Germany, Sunday in the US, from CLDR through Intl, so a locale with no
 * dayjs names still starts its week on the right day (the dayjs locale's own start where Intl has none).
 */
export function firstDayOfWeek(locale: string): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  const intl = new Intl.Locale(locale) as WeekInfoLocale;
  const firstDay = intl.getWeekInfo?.().firstDay ?? intl.weekInfo?.firstDay ?? (dayjs.Ls[pickerLocale(locale)]?.weekStart || 7);
  return (firstDay % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}
