import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { datePattern, formatTypedDate, readTypedDate } from '../../../shared/dates/typed-date';
import { displayLocale } from '../app/locale';

interface Props extends Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'placeholder'> {
  /** An ISO date, '' for none, or text that is not a date yet (so the form's schema can refuse it). */
  value?: string;
  onChange(value: string): void;
}

/**
 * A date typed in the display locale's order ("20/11/2026" in en-GB, "11/20/2026" in en-US,
 * "20.11.2026" in de-DE), its placeholder saying which. The form holds the ISO date once the text
 * is a whole, real date, and the text as typed until then, so a half-typed date is refused rather
 * than guessed. An ISO date typed or pasted is read in every locale.
 */
export function DateField({ value = '', onChange, onBlur, ...props }: Props) {
  const locale = displayLocale();
  const [text, setText] = useState(() => formatTypedDate(value, locale));
  const [shownValue, setShownValue] = useState(value);
  // A value set from outside (a reset, a pre-filled rate date) replaces what is shown; one typed here does not.
  if (value !== shownValue) {
    setShownValue(value);
    if (readTypedDate(text, locale) !== value && text !== value) setText(formatTypedDate(value, locale));
  }
  return (
    <TextInput
      {...props}
      inputMode="numeric"
      placeholder={datePattern(locale).placeholder}
      value={text}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setText(typed);
        onChange(typed.trim() === '' ? '' : (readTypedDate(typed, locale) ?? typed));
      }}
      onBlur={(event) => {
        const iso = readTypedDate(text, locale);
        if (iso) setText(formatTypedDate(iso, locale));
        onBlur?.(event);
      }}
    />
  );
}
