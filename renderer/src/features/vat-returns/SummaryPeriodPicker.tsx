import { Button, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { vatSummaryQuery } from '../../../../shared/api/vat-summary';
import { addDays } from '../../../../shared/dates/calendar';
import { returnPeriodOf, type ReturnFrequency, type ReturnPeriod } from '../../../../shared/vat-return/periods';
import { formatDate, formatMonth } from '../../components/dates';
import { zodValidate } from '../../forms/zod-form';

export interface SummaryRange {
  from: string;
  to: string;
}

type Mode = 'quarter' | 'month' | 'custom';

/** Calendar quarters, as EU recapitulative statements use; stagger 1 ends them in March, June, September and December. */
const FREQUENCIES: Record<Exclude<Mode, 'custom'>, ReturnFrequency> = { quarter: { kind: 'quarterly', stagger: 1 }, month: { kind: 'monthly' } };
const HOW_MANY = { quarter: 8, month: 12 } as const;

/** The period containing `today` and the ones before it, newest first. */
function recentPeriods(mode: Exclude<Mode, 'custom'>, today: string): ReturnPeriod[] {
  const periods = [returnPeriodOf(today, FREQUENCIES[mode])];
  while (periods.length < HOW_MANY[mode]) periods.push(returnPeriodOf(addDays(periods.at(-1)!.start, -1), FREQUENCIES[mode]));
  return periods;
}

/** The calendar quarter containing `today`, which the picker starts on. */
export function defaultRange(today: string): SummaryRange {
  const quarter = recentPeriods('quarter', today)[0]!;
  return { from: quarter.start, to: quarter.end };
}

const periodLabel = (mode: Exclude<Mode, 'custom'>, p: ReturnPeriod) => (mode === 'month' ? formatMonth(p.start) : `${formatDate(p.start)} – ${formatDate(p.end)}`);

/**
 * Chooses the period a summary covers: one of the recent calendar quarters or months, or a range
 * the user types, checked with the API's own schema (a range that ends before it starts is refused
 * on "To"). Calls `onChange` with each valid choice.
 */
export function SummaryPeriodPicker({ today, onChange }: { today: string; onChange(range: SummaryRange): void }) {
  const [mode, setMode] = useState<Mode>('quarter');
  const [start, setStart] = useState(() => defaultRange(today).from);
  const form = useForm<SummaryRange>({ initialValues: defaultRange(today), validate: zodValidate(vatSummaryQuery) });

  const choose = (next: Exclude<Mode, 'custom'>, periodStart: string) => {
    const period = recentPeriods(next, today).find((p) => p.start === periodStart)!;
    setStart(periodStart);
    onChange({ from: period.start, to: period.end });
  };
  const switchTo = (next: Mode) => {
    setMode(next);
    if (next !== 'custom') choose(next, recentPeriods(next, today)[0]!.start);
  };

  return (
    <Group align="flex-end" gap="md" mb="md">
      <SegmentedControl
        aria-label="Period"
        value={mode}
        onChange={(value) => switchTo(value as Mode)}
        data={[
          { value: 'quarter', label: 'Quarter' },
          { value: 'month', label: 'Month' },
          { value: 'custom', label: 'Custom range' },
        ]}
      />
      {mode === 'custom' ? (
        <form onSubmit={form.onSubmit(onChange)} noValidate aria-label="Custom range">
          <Group align="flex-start" gap="sm">
            <TextInput type="date" label="From" withAsterisk {...form.getInputProps('from')} />
            <TextInput type="date" label="To" withAsterisk {...form.getInputProps('to')} />
            <Button type="submit" mt={25} variant="default">
              Show
            </Button>
          </Group>
        </form>
      ) : (
        <Select
          label={mode === 'quarter' ? 'Quarter' : 'Month'}
          w={280}
          allowDeselect={false}
          value={start}
          onChange={(value) => value && choose(mode, value)}
          data={recentPeriods(mode, today).map((p) => ({ value: p.start, label: periodLabel(mode, p) }))}
        />
      )}
    </Group>
  );
}
