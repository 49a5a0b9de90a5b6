import { ActionIcon, Badge, Button, Group, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { rateCardInput, type RateCard } from '../../../../shared/api/rate-cards';
import { useApiMutation } from '../../api/hooks';
import { formatDate } from '../../components/dates';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { canonicalPrice, hoursPerDayFor, PriceFields, withPriceChecks, type PriceValues } from './PriceFields';
import { numberInputProps, typedText } from '../../forms/numbers';
import { dayLength, priceText } from './rate-card-text';
import { modals } from '@mantine/modals';
import { HiddenHeader } from '../../components/HiddenHeader';
import { useConfirmedClose } from '../../forms/unsaved-changes';

/** The first day of the month after `today` (ISO): when a new price usually starts. */
function firstOfNextMonth(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/**
 * A new price for a card from a date. Checked with the same rules as a new card's first price
 * (the card's own unit and currency), so a bad amount or day length is caught before it is sent.
 */
export function AddPriceModal({ card, today, onClose }: { card: RateCard; today: string; onClose(): void }) {
  const addPrice = useApiMutation('rateCards.addPrice');
  const latest = card.versions.at(-1);
  const form = useForm<PriceValues>({
    initialValues: { amount: '', hoursPerDay: typedText(latest?.hoursPerDay ?? '8'), effectiveFrom: firstOfNextMonth(today) },
    validate: withPriceChecks(
      zodValidate(rateCardInput, (values: PriceValues) => ({
        name: card.name,
        unit: card.unit,
        currency: card.currency,
        amount: values.amount,
        effectiveFrom: values.effectiveFrom,
        hoursPerDay: hoursPerDayFor(card.unit, values.hoursPerDay),
      })),
    ),
  });
  const close = useConfirmedClose(() => form.isDirty(), onClose);
  const submit = form.onSubmit(async (values) => {
    try {
      const price = canonicalPrice(values);
      await addPrice.mutateAsync({ rateCardId: card.id, ...price, hoursPerDay: hoursPerDayFor(card.unit, price.hoursPerDay) });
      onClose();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });
  return (
    <Modal opened onClose={close} size="lg" title={<Text fw={650} size="lg">New price for {card.name}</Text>}>
      <form onSubmit={submit} noValidate aria-label="New price">
        <Stack>
          <Text size="sm" c="dimmed">
            {card.current ? `Now ${priceText(card, card.current)}. ` : ''}Work from the date you choose is priced at the new rate; work before it keeps the price it had.
          </Text>
          <PriceFields currency={card.currency} isDayRate={card.unit === 'day'} inputProps={(path) => numberInputProps(form, path)} />
          <FormError error={addPrice.error} />
          <ModalFooter action="Add price" onCancel={close} loading={addPrice.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Every price a card has had, oldest first; one that no contract was priced from can be deleted, unless it is the last. */
export function PriceHistoryModal({ card, today, onClose }: { card: RateCard; today: string; onClose(): void }) {
  const remove = useApiMutation('rateCards.removePrice');
  const isDayRate = card.unit === 'day';
  return (
    <Modal opened onClose={onClose} size="lg" title={<Text fw={650} size="lg">Prices of {card.name}</Text>}>
      <Stack>
        <Table verticalSpacing={6} aria-label="Price history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>From</Table.Th>
              <Table.Th ta="right">Rate</Table.Th>
              {isDayRate && <Table.Th ta="right">Day length</Table.Th>}
              <HiddenHeader label="State" />
              <HiddenHeader label="Delete" w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {card.versions.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{formatDate(v.effectiveFrom)}</Table.Td>
                <Table.Td ta="right" className="tabular">
                  {priceText(card, v)}
                </Table.Td>
                {isDayRate && (
                  <Table.Td ta="right" className="tabular">
                    {dayLength(v.hoursPerDay)}
                  </Table.Td>
                )}
                <Table.Td>
                  {v.id === card.current?.id ? (
                    <Badge size="sm" variant="light" color="teal">
                      In effect
                    </Badge>
                  ) : v.effectiveFrom > today ? (
                    <Badge size="sm" variant="light" color="blue">
                      Upcoming
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {v.used ? (
                    <Text size="xs" c="dimmed">
                      Used by a contract
                    </Text>
                  ) : (
                  <Tooltip label="Delete this price">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete the price from ${formatDate(v.effectiveFrom)}`}
                      loading={remove.isPending && remove.variables?.id === v.id}
                      onClick={() =>
                        modals.openConfirmModal({
                          title: `Delete the price from ${formatDate(v.effectiveFrom)}?`,
                          children: <Text size="sm">{priceText(card, v)} will no longer apply from that date; the price before it carries on instead.</Text>,
                          labels: { confirm: 'Delete price', cancel: 'Keep' },
                          confirmProps: { color: 'red' },
                          onConfirm: () => remove.mutate({ id: v.id }),
                        })
                      }
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          A price that a contract was priced from stays, and a card keeps at least one price.
        </Text>
        <FormError error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Done
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
