import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { countryOptions } from '../../../shared/reference/countries';
import { currencyOptions } from '../../../shared/reference/currencies';
import { timeZones, utcOffsetLabel } from '../../../shared/reference/timezones';

type Props = Omit<SelectProps, 'data'>;

export function CountrySelect(props: Props) {
  const data = useMemo(() => countryOptions(), []);
  return <Select searchable data={data} nothingFoundMessage="No country matches" maxDropdownHeight={280} {...props} />;
}

export function CurrencySelect(props: Props) {
  const data = useMemo(() => currencyOptions(), []);
  return <Select searchable data={data} nothingFoundMessage="No currency matches" maxDropdownHeight={280} {...props} />;
}

export function TimeZoneSelect(props: Props) {
  const data = useMemo(() => {
    const now = new Date();
    return timeZones().map((zone) => ({ value: zone, label: `${zone.replaceAll('_', ' ')} (${utcOffsetLabel(zone, now)})` }));
  }, []);
  return <Select searchable data={data} nothingFoundMessage="No time zone matches" maxDropdownHeight={280} limit={60} {...props} />;
}
