import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { CallInput } from '../../../../shared/api/contract';
import type { Invoice, Payment } from '../../../../shared/api/invoices';
import { toMajorString } from '../../../../shared/money/money';
import { useApiMutation } from '../../api/hooks';
import { formatDate } from '../../components/dates';
import { formatMoney } from '../../components/format';

/** The payment as `payments.record` takes it, so Undo records exactly what was removed. */
function recordInputOf(invoice: Invoice, payment: Payment): CallInput<'payments.record'> {
  const home = invoice.homeValue?.currency;
  return {
    invoiceId: invoice.id,
    date: payment.date,
    amount: toMajorString(payment.amount, invoice.currency),
    bankFee: payment.bankFee ? toMajorString(payment.bankFee, invoice.currency) : '',
    method: payment.method,
    note: payment.note ?? '',
    homeAmount: payment.homeAmount !== null && home ? toMajorString(payment.homeAmount, home) : '',
  };
}

/**
 * Removing a payment asks first, naming the amount and date, and then offers Undo, which records
 * the same payment again through the API: a slip of the mouse never loses a payment silently.
 */
export function usePaymentRemoval(invoice: Invoice): (payment: Payment) => void {
  const remove = useApiMutation('payments.delete');
  const record = useApiMutation('payments.record');
  return (payment) => {
    const amount = formatMoney({ amount: payment.amount, currency: invoice.currency });
    const undo = async (id: string) => {
      notifications.hide(id);
      try {
        await record.mutateAsync(recordInputOf(invoice, payment));
        notifications.show({ color: 'teal', message: `Payment of ${amount} recorded again` });
      } catch (error) {
        notifications.show({ color: 'red', message: (error as Error).message });
      }
    };
    modals.openConfirmModal({
      title: 'Remove this payment?',
      children: (
        <Text size="sm">
          The payment of {amount} received on {formatDate(payment.date)} is removed from {invoice.number}, and what is owed goes up by that much.
        </Text>
      ),
      labels: { confirm: 'Remove payment', cancel: 'Keep' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void remove.mutateAsync({ id: payment.id }).then(
          () => {
            const id = `payment-removed-${payment.id}`;
            notifications.show({
              id,
              autoClose: 10_000,
              message: (
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm">Payment of {amount} removed</Text>
                  <Button size="compact-sm" variant="light" onClick={() => void undo(id)}>
                    Undo
                  </Button>
                </Group>
              ),
            });
          },
          (error: Error) => notifications.show({ color: 'red', message: error.message }),
        ),
    });
  };
}
