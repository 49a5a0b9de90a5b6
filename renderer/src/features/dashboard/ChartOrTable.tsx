import { SegmentedControl } from '@mantine/core';

export type ChartView = 'chart' | 'table';

/** The switch every dashboard chart has between the chart and its table (the accessible view). */
export function ChartOrTable({ label, value, onChange }: { label: string; value: ChartView; onChange(view: ChartView): void }) {
  return (
    <SegmentedControl
      size="xs"
      aria-label={label}
      value={value}
      onChange={(v) => onChange(v === 'table' ? 'table' : 'chart')}
      data={[
        { value: 'chart', label: 'Chart' },
        { value: 'table', label: 'Table' },
      ]}
    />
  );
}
