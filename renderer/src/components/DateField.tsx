import { ActionIcon } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { datePattern, formatTypedDate, readTypedDate } from '../../../shared/dates/typed-date';
import { displayLocale } from '../app/locale';
import { firstDayOfWeek, pickerLocale } from '../app/picker-locale';

interface Props extends Omit<DateInputProps, 'value' | 'defaultValue' | 'onChange' | 'placeholder' | 'valueFormat' | 'dateParser' | 'locale' | 'firstDayOfWeek' | 'fixOnBlur'> {
  /** An ISO date, '' for none, or text that is not a date yet (so the form's schema can refuse it). */
  value?: string;
  onChange(value: string): void;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Names for the calendar's arrows, which are bare icons to a screen reader; its headings read as they show. */
const CALENDAR_LABELS = {
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  previousYear: 'Previous year',
  nextYear: 'Next year',
  previousDecade: 'Previous decade',
  nextDecade: 'Next decade',
};

/**
 * A date typed in the display locale's order ("20/11/2026" in en-GB, "11/20/2026" in en-US,
 * "20.11.2026" in de-DE), its placeholder saying which, or picked from a calendar that pops up
 * from the button at its end, its months, weekdays and first day of the week the locale's. The
 * calendar waits for the button rather than opening on focus, so it never covers the fields and
 * buttons below while a date is typed. The form holds the ISO date once the text is a whole, real
 * date, and the text as typed until then, so a half-typed date is refused rather than guessed. An
 * ISO date typed or pasted is read in every locale.
 */
export function DateField({ value = '', onChange, onKeyDown, ...props }: Props) {
  const locale = displayLocale();
  const isDate = ISO_DATE.test(value);
  const [picking, setPicking] = useState(false);
  const closeOnEscape = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && picking) {
      event.stopPropagation();
      setPicking(false);
    }
  };
  return (
    <DateInput
      {...props}
      inputMode="numeric"
      placeholder={datePattern(locale).placeholder}
      rightSection={
        // Named apart from the field's label, so the label still finds the one date input.
        <ActionIcon variant="subtle" color="gray" aria-label="Open calendar" aria-expanded={picking} disabled={props.disabled || props.readOnly} onClick={() => setPicking(true)} onKeyDown={closeOnEscape}>
          <IconCalendar size={16} aria-hidden />
        </ActionIcon>
      }
      rightSectionPointerEvents="all"
      popoverProps={{ opened: picking, onChange: setPicking }}
      onKeyDown={(event) => {
        closeOnEscape(event);
        onKeyDown?.(event);
      }}
      ariaLabels={CALENDAR_LABELS}
      // The neighbouring months' days would be faint grey (2.1:1) and weekends light red (3.3:1), below AA; the arrows reach those days.
      hideOutsideDates
      weekendDays={[]}
      locale={pickerLocale(locale)}
      firstDayOfWeek={firstDayOfWeek(locale)}
      valueFormat={(iso) => formatTypedDate(iso, locale)}
      dateParser={(text) => readTypedDate(text, locale)}
      value={isDate ? value : null}
      // The picker reports only real dates; the form also needs a blank or half-typed date, to refuse it by name.
      onInput={(event) => {
        const typed = event.currentTarget.value;
        onChange(typed.trim() === '' ? '' : (readTypedDate(typed, locale) ?? typed));
      }}
      onChange={(iso) => {
        onChange(iso ?? '');
        setPicking(false);
      }}
      // A real date is written back in the locale's own form on leaving; text that is no date stays for the user to fix.
      fixOnBlur={isDate}
    />
  );
}
