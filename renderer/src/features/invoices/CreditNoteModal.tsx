import { Checkbox, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { creditNoteInput, creditNotePreviewInput, type Invoice } from '../../../../shared/api/invoices';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../components/dates';
import { ModalFooter } from '../../components/ModalFooter';
import { serverFieldErrors } from '../../forms/zod-form';
import { HiddenHeader } from '../../components/HiddenHeader';
import { fieldErrorsFromZod } from '../../../../shared/api/errors';
import { fieldMaxLength } from '../../forms/max-length';
import { formatDecimal, formatMoney } from '../../components/format';
import { DateField } from '../../components/DateField';

/** A full or partial credit: starts from what is still creditable per line; the API checks nothing is over-credited. */
export function CreditNoteModal({ invoice, onClose }: { invoice: Invoice; onClose(): void }) {
  const navigate = useNavigate();
  const issue = useApiMutation('creditNotes.issue');
  const [reason, setReason] = useState('');
  const today = useToday();
  const [issueDate, setIssueDate] = useState(today);
  const left = new Map(invoice.creditable.map((c) => [c.lineId, c]));
  const creditable = (lineId: number) => left.get(lineId)?.quantity ?? '0';
  const [chosen, setChosen] = useState<Record<number, { on: boolean; quantity: string }>>(
    // Nothing is ticked at first, so a credit note credits only what the user chose.
    Object.fromEntries(invoice.lines.map((l) => [l.id, { on: false, quantity: creditable(l.id) }])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const lines = invoice.lines.filter((l) => chosen[l.id]?.on).map((l) => ({ lineId: l.id, quantity: chosen[l.id]!.quantity }));
  // Map lines.N.* (position among chosen lines) back to the row it came from.
  const byRow = (fieldErrors: Record<string, string>) =>
    Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k.replace(/^lines\.(\d+)/, (_, i: string) => `line-${lines[Number(i)]?.lineId}`), v]));
  const [request] = useDebouncedValue({ invoiceId: invoice.id, issueDate, lines }, 150);
  const previewable = creditNotePreviewInput.safeParse(request);
  const preview = useApiQuery('creditNotes.preview', previewable.data, { enabled: previewable.success, retry: false, placeholderData: (last) => last });
  const shown = { ...(preview.error ? byRow(preview.error.fieldErrors) : {}), ...errors };

  const submit = async () => {
    // Every problem the schema finds (no line ticked, a bad quantity, no reason) is shown at once, before asking main.
    const checked = creditNoteInput.safeParse({ invoiceId: invoice.id, reason, issueDate, lines });
    if (!checked.success) {
      setErrors(byRow(fieldErrorsFromZod(checked.error)));
      return;
    }
    setErrors({});
    try {
      const credit = await issue.mutateAsync({ invoiceId: invoice.id, reason, issueDate, lines });
      onClose();
      navigate(`/invoices/${credit.id}`);
    } catch (error) {
      setErrors(byRow(serverFieldErrors(error)));
    }
  };
  const money = (amount: number) => formatMoney({ amount, currency: invoice.currency });

  return (
    <Modal opened onClose={onClose} title={<Text fw={650} size="lg">Credit note for {invoice.number}</Text>} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          The credit note gets its own number and uses this invoice's VAT treatment and exchange rate. Tick the lines you are crediting, and lower the quantity to credit part of one.
        </Text>
        <Table verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <HiddenHeader label="Credit" w={40} />
              <Table.Th>Line</Table.Th>
              <Table.Th w={140}>Quantity to credit</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoice.lines.map((line) => (
              <Table.Tr key={line.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Credit ${line.description}`}
                    disabled={creditable(line.id) === '0'}
                    checked={chosen[line.id]?.on ?? false}
                    onChange={(e) => setChosen({ ...chosen, [line.id]: { ...chosen[line.id]!, on: e.currentTarget.checked } })}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{line.description}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDecimal(line.quantity)} × {formatDecimal(line.unitPrice)} ·{' '}
                    {creditable(line.id) === '0'
                      ? 'fully credited'
                      : `${creditable(line.id)} left to credit, ${money(left.get(line.id)?.amount ?? 0)} before ${invoice.discountPercent ? 'the discount and ' : ''}VAT`}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Quantity to credit for ${line.description}`}
                    disabled={!chosen[line.id]?.on || creditable(line.id) === '0'}
                    maxLength={fieldMaxLength(creditNoteInput, 'lines.0.quantity')}
                    value={chosen[line.id]?.quantity ?? ''}
                    onChange={(e) => setChosen({ ...chosen, [line.id]: { ...chosen[line.id]!, quantity: e.currentTarget.value } })}
                    error={shown[`line-${line.id}.quantity`]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group grow>
          <TextInput label="Reason" withAsterisk maxLength={fieldMaxLength(creditNoteInput, 'reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={shown.reason} data-autofocus />
          <DateField label="Date" value={issueDate} onChange={(value) => setIssueDate(value)} error={shown.issueDate} />
        </Group>
        {lines.length > 0 && previewable.success && preview.data && !preview.error && (
          <Group justify="flex-end" gap="xl" data-testid="credit-preview" aria-live="polite">
            <Text size="sm">
              Net <b>{money(preview.data.net)}</b>
            </Text>
            <Text size="sm">
              VAT <b>{money(preview.data.vat)}</b>
            </Text>
            <Text size="sm">
              This credit note <b data-testid="credit-preview-gross">{money(preview.data.gross)}</b>
            </Text>
          </Group>
        )}
        {(shown.lines ?? (issue.error && Object.keys(issue.error.fieldErrors).length === 0 ? issue.error.message : null)) && (
          <Text c="red" size="sm" role="alert">
            {shown.lines ?? issue.error?.message}
          </Text>
        )}
        <ModalFooter action="Issue credit note" color="grape" onCancel={onClose} onAction={() => void submit()} loading={issue.isPending} />
      </Stack>
    </Modal>
  );
}
