import { Badge, Card, Group, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { setCellInput, type Week, type WeekCell } from '../../../../shared/api/time';
import { formatDuration } from '../../../../shared/time/duration';
import { durationHint, typedDuration } from '../../forms/numbers';
import type { ApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { fieldMaxLength } from '../../forms/max-length';
import { dateFormat } from '../../components/dates';

const dayName = dateFormat({ weekday: 'short', timeZone: 'UTC' });
const dayNumber = dateFormat({ day: 'numeric', month: 'short', timeZone: 'UTC' });
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

const cellText = (cell: WeekCell) => (cell.seconds ? formatDuration(cell.seconds) : '');
const key = (row: number, col: number) => `${row}:${col}`;

/** Why a cell can't be typed into, for its tooltip. */
function lockedReason(cell: WeekCell, open: boolean): string {
  if (!open) return 'This contract no longer takes time';
  if (cell.entries > 1) return `${cell.entries} entries: open them in the list below`;
  return 'Timed or invoiced: open it in the list below';
}

/**
 * The timesheet: a row per contract, a column per day (Monday to Sunday), with totals per day,
 * per contract and for the week and the billable split. A cell takes `1:30`, `1.5` (`1,5` where
 * the display locale writes a decimal comma), `90m`, `1h30m` or `1h` (shared/time/duration.ts, the
 * rule main applies again, read through the display locale by typedDuration), saved on Enter or on leaving
 * it; a blank clears it; anything else is refused here with the message and nothing is saved.
 * Arrow keys move between cells (left and right at the ends of the text), Tab as usual, Escape
 * puts the saved value back. A cell holding several or timed entries opens them in the list.
 */
export function WeekGrid({ week, onOpenCell }: { week: Week; onOpenCell(contractId: number, date: string): void }) {
  const setCell = useApiMutation('time.setCell');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ key: string; message: string } | null>(null);
  const inputs = useRef(new Map<string, HTMLInputElement>());

  const focus = (row: number, col: number) => {
    const input = inputs.current.get(key(row, col));
    if (input) {
      input.focus();
      input.select();
    }
  };

  const commit = (row: number, col: number) => {
    const k = key(row, col);
    const text = drafts[k];
    const r = week.rows[row]!;
    const cell = r.cells[col]!;
    if (text === undefined || text.trim() === cellText(cell)) {
      setDrafts(({ [k]: _, ...rest }) => rest);
      if (problem?.key === k) setProblem(null);
      return;
    }
    let duration = '';
    if (text.trim() !== '') {
      const typed = typedDuration(text);
      if (!typed.ok) {
        setProblem({ key: k, message: typed.message });
        return;
      }
      duration = typed.text;
    }
    setProblem(null);
    setCell.mutate(
      { contractId: r.contractId, date: week.days[col]!, duration },
      {
        onSuccess: () => setDrafts(({ [k]: _, ...rest }) => rest),
        onError: (error: ApiCallError) => setProblem({ key: k, message: error.fieldErrors.duration ?? error.message }),
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const input = event.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    const move: Record<string, [number, number] | null> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      ArrowLeft: atStart || whole ? [row, col - 1] : null,
      ArrowRight: atEnd || whole ? [row, col + 1] : null,
    };
    if (event.key === 'Enter') {
      event.preventDefault();
      if (!week.rows[row]!.cells[col]!.editable) onOpenCell(week.rows[row]!.contractId, week.days[col]!);
      else commit(row, col);
    } else if (event.key === 'Escape') {
      setDrafts(({ [key(row, col)]: _, ...rest }) => rest);
      setProblem(null);
    } else if (move[event.key]) {
      const [r, c] = move[event.key]!;
      if (r >= 0 && r < week.rows.length && c >= 0 && c < 7) {
        event.preventDefault();
        focus(r, c);
      }
    }
  };

  const todayCol = week.days.indexOf(week.today);
  const nonBillable = week.seconds - week.billableSeconds;
  return (
    <Card padding={0} data-testid="week-grid">
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing={6} horizontalSpacing="sm" withColumnBorders style={{ tableLayout: 'fixed' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="28%">Contract</Table.Th>
              {week.days.map((day, i) => (
                <Table.Th key={day} ta="center" bg={i === todayCol ? 'var(--mantine-primary-color-light)' : undefined} aria-current={i === todayCol ? 'date' : undefined}>
                  <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                    {dayName.format(utc(day))}
                  </Text>
                  <Text size="sm" fw={600}>
                    {dayNumber.format(utc(day))}
                  </Text>
                </Table.Th>
              ))}
              <Table.Th ta="right">Total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {week.rows.map((r, row) => (
              <Table.Tr key={r.contractId}>
                <Table.Td>
                  <Text size="sm" fw={600} truncate="end" title={r.contractTitle}>
                    {r.contractTitle}
                  </Text>
                  <Text size="xs" c="dimmed" truncate="end">
                    {r.contractReference} · {r.clientName}
                    {!r.open && ' · closed'}
                  </Text>
                </Table.Td>
                {r.cells.map((cell, col) => {
                  const k = key(row, col);
                  const label = `${r.contractTitle}, ${dayName.format(utc(week.days[col]!))} ${dayNumber.format(utc(week.days[col]!))}`;
                  const invalid = problem?.key === k;
                  const input = (
                    <TextInput
                      ref={(el) => {
                        if (el) inputs.current.set(k, el);
                        else inputs.current.delete(k);
                      }}
                      aria-label={label}
                      aria-invalid={invalid || undefined}
                      aria-describedby={invalid ? 'week-grid-problem' : undefined}
                      error={invalid}
                      readOnly={!cell.editable}
                      maxLength={fieldMaxLength(setCellInput, 'duration')}
                      value={drafts[k] ?? cellText(cell)}
                      placeholder={cell.editable && r.open ? '–' : ''}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setDrafts((d) => ({ ...d, [k]: value }));
                      }}
                      onFocus={(e) => e.currentTarget.select()}
                      onBlur={() => cell.editable && commit(row, col)}
                      onKeyDown={(e) => onKeyDown(e, row, col)}
                      onDoubleClick={() => !cell.editable && onOpenCell(r.contractId, week.days[col]!)}
                      size="sm"
                      variant={cell.editable ? 'default' : 'filled'}
                      styles={{ input: { textAlign: 'center', fontVariantNumeric: 'tabular-nums', cursor: cell.editable ? undefined : 'pointer' } }}
                      data-cell={k}
                    />
                  );
                  return (
                    <Table.Td key={col} px={4} bg={col === todayCol ? 'var(--mantine-primary-color-light)' : undefined}>
                      {cell.editable ? input : <Tooltip label={lockedReason(cell, r.open)} openDelay={300}>{input}</Tooltip>}
                    </Table.Td>
                  );
                })}
                <Table.Td ta="right">
                  <Text size="sm" fw={600} className="tabular">
                    {formatDuration(r.seconds)}
                  </Text>
                  {r.seconds !== r.billableSeconds && (
                    <Text size="xs" c="dimmed" className="tabular">
                      {formatDuration(r.billableSeconds)} billable
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-testid="week-day-totals">
              <Table.Th>Total</Table.Th>
              {week.dayTotals.map((d, i) => (
                <Table.Td key={i} ta="center" className="tabular" fw={600}>
                  {d.seconds ? formatDuration(d.seconds) : '–'}
                </Table.Td>
              ))}
              <Table.Td ta="right" className="tabular" fw={700} data-testid="week-total">
                {formatDuration(week.seconds)}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>
                <Text size="sm" c="dimmed">
                  Billable
                </Text>
              </Table.Th>
              {week.dayTotals.map((d, i) => (
                <Table.Td key={i} ta="center" className="tabular">
                  <Text size="sm" c="dimmed">
                    {d.billableSeconds ? formatDuration(d.billableSeconds) : '–'}
                  </Text>
                </Table.Td>
              ))}
              <Table.Td ta="right" className="tabular" data-testid="week-billable">
                <Text size="sm" c="dimmed">
                  {formatDuration(week.billableSeconds)}
                </Text>
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" px="md" py="sm" gap="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        <Text id="week-grid-problem" size="sm" c={problem ? 'red' : 'dimmed'} role={problem ? 'alert' : undefined}>
          {problem ? problem.message : `Type ${durationHint()} into a day; Enter saves, Escape undoes, arrow keys move.`}
        </Text>
        <Group gap="xs">
          <Badge variant="light" size="lg" className="tabular">
            Billable {formatDuration(week.billableSeconds)}
          </Badge>
          <Badge variant="light" color="gray" size="lg" className="tabular">
            Non-billable {formatDuration(nonBillable)}
          </Badge>
        </Group>
      </Group>
    </Card>
  );
}
