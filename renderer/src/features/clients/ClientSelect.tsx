import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { ClientStatusFilter } from '../../stores/client-list';
import { useApiQuery } from '../../api/hooks';

/** Clients offered at once; typing searches them all, so a book of thousands stays quick to pick from. */
const OPTIONS_SHOWN = 50;

interface ClientSelectProps extends Omit<SelectProps, 'data' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter' | 'value' | 'onChange'> {
  /** The chosen client's id as text (Mantine's Select values), or null. */
  value: string | null;
  onChange(value: string | null): void;
  /** Which clients may be chosen; a client already chosen stays shown even when archived. */
  status: ClientStatusFilter;
}

/**
 * A client picker that searches in the main process (clients.list's folded search: name, legal
 * name, tax number, city, tag, contact), rather than loading every client into the dropdown.
 */
export function ClientSelect({ value, onChange, status, ...props }: ClientSelectProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const chosen = useApiQuery('clients.get', { id: Number(value) }, { enabled: value !== null && Number(value) > 0 });
  // The box shows the chosen client's name; that text is not a search.
  const query = chosen.data && debounced === chosen.data.name ? '' : debounced;
  const matches = useApiQuery('clients.list', { search: query, status, limit: OPTIONS_SHOWN }, { placeholderData: keepPreviousData });
  const options = (matches.data ?? []).map((client) => ({ value: String(client.id), label: client.name }));
  if (chosen.data && !options.some((option) => option.value === value)) options.unshift({ value: String(chosen.data.id), label: chosen.data.name });
  return (
    <Select
      {...props}
      searchable
      data={options}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: shown }) => shown}
      nothingFoundMessage={matches.isFetching ? 'Searching…' : 'No client matches'}
    />
  );
}
