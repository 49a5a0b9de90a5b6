import { Table, VisuallyHidden } from '@mantine/core';

/**
 * A column header that shows nothing (the column holds buttons or a tick box) but still names the
 * column for screen readers, which read an empty header as a blank.
 */
export function HiddenHeader({ label, w }: { label: string; w?: number }) {
  return (
    <Table.Th w={w}>
      <VisuallyHidden>{label}</VisuallyHidden>
    </Table.Th>
  );
}
