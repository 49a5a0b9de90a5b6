import { Select, type SelectProps } from '@mantine/core';
import { useMemo, useState } from 'react';
import { countryOptions } from '../../../shared/reference/countries';
import { currencyOptions } from '../../../shared/reference/currencies';
import { timeZones, utcOffsetLabel } from '../../../shared/reference/timezones';

type Props = Omit<SelectProps, 'data'>;
type Option = { value: string; label: string };

/**
 * A searchable select that never keeps text it can't store: leaving it with words that match no
 * option clears the value, so validation says so instead of silently keeping the old choice.
 */
function StrictSelect({ data, onChange, onBlur, ...props }: Props & { data: Option[] }) {
  const [search, setSearch] = useState<string | null>(null);
  return (
    <Select
      searchable
      allowDeselect={false}
      maxDropdownHeight={280}
      data={data}
      onSearchChange={setSearch}
      onChange={(value, option) => {
        setSearch(null);
        onChange?.(value, option);
      }}
      onBlur={(event) => {
        const typed = search?.trim().toLowerCase();
        if (typed && !data.some((o) => o.label.toLowerCase() === typed || o.value.toLowerCase() === typed)) {
          onChange?.(null, { value: '', label: '' });
        }
        onBlur?.(event);
      }}
      {...props}
    />
  );
}

export function CountrySelect(props: Props) {
  const data = useMemo(() => countryOptions(), []);
  return <StrictSelect data={data} nothingFoundMessage="No country matches" {...props} />;
}

export function CurrencySelect(props: Props) {
  const data = useMemo(() => currencyOptions(), []);
  return <StrictSelect data={data} nothingFoundMessage="No currency matches" {...props} />;
}

export function TimeZoneSelect(props: Props) {
  const data = useMemo(() => {
    const now = new Date();
    return timeZones().map((zone) => ({ value: zone, label: `${zone.replaceAll('_', ' ')} (${utcOffsetLabel(zone, now)})` }));
  }, []);
  return <StrictSelect data={data} nothingFoundMessage="No time zone matches" limit={60} {...props} />;
}
