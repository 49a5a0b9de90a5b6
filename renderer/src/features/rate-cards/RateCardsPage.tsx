import { Badge, Button, Card, Center, Group, Loader, Stack, Switch, Table, Text } from '@mantine/core';
import { IconCalendarPlus, IconHistory, IconPencil, IconPlus, IconTags } from '@tabler/icons-react';
import { useState } from 'react';
import type { RateCard } from '../../../../shared/api/rate-cards';
import { useApiQuery } from '../../api/hooks';
import { formatDate, useToday } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { DiscountRulesCard } from './DiscountRulesCard';
import { AddPriceModal, PriceHistoryModal } from './PriceModals';
import { EditRateCardModal, NewRateCardModal } from './RateCardModals';
import { historyText, priceText, unitText, upcomingVersions, usedByText } from './rate-card-text';
import { RowMenu } from '../../components/RowMenu';
import { HiddenHeader } from '../../components/HiddenHeader';

type Dialog = { kind: 'new' } | { kind: 'price' | 'edit' | 'history'; id: number };

/** Cells that read as one phrase ("per day (7.5 h)", "US$320.00 from 1 Apr 2027") stay on one line; the name wraps instead. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

function CurrentPrice({ card, today }: { card: RateCard; today: string }) {
  if (card.current) return <Text size="sm">{priceText(card, card.current)}</Text>;
  const first = upcomingVersions(card, today)[0];
  if (!first) return <Text size="sm">—</Text>;
  return (
    <Text size="sm" c="dimmed">
      Starts {formatDate(first.effectiveFrom)}
    </Text>
  );
}

function CardRow({ card, today, open }: { card: RateCard; today: string; open(kind: 'price' | 'edit' | 'history'): void }) {
  const history = historyText(card, today);
  return (
    <Table.Tr data-testid="rate-card-row" aria-label={card.name} style={card.archived ? { opacity: 0.55 } : undefined}>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600}>
            {card.name}
          </Text>
          {card.isDefault && (
            <Badge size="xs" variant="light" color="teal">
              Default
            </Badge>
          )}
          {card.archived && (
            <Badge size="xs" variant="light" color="gray">
              Archived
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td style={NOWRAP}>
        <Text size="sm">{unitText(card)}</Text>
      </Table.Td>
      <Table.Td ta="right" className="tabular" style={NOWRAP}>
        <CurrentPrice card={card} today={today} />
      </Table.Td>
      <Table.Td style={NOWRAP}>
        <Text size="sm" c={history.upcoming ? undefined : 'dimmed'}>
          {history.text}
        </Text>
      </Table.Td>
      <Table.Td style={NOWRAP}>
        <Text size="sm" c={card.usedBy === 0 ? 'dimmed' : undefined}>
          {usedByText(card.usedBy)}
        </Text>
      </Table.Td>
      <Table.Td>
        <RowMenu
          label={`Actions for ${card.name}`}
          actions={[
            { label: 'Add a price from a date…', icon: <IconCalendarPlus size={14} />, onClick: () => open('price') },
            { label: 'Price history', icon: <IconHistory size={14} />, onClick: () => open('history') },
            { label: 'Edit', icon: <IconPencil size={14} />, onClick: () => open('edit') },
          ]}
        />
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * Settings → Rate cards: what the business charges (per hour, per day or a fixed price), each
 * price from a date so a change never reprices work already done, and the discount rules a
 * contract can take.
 */
export function RateCardsPage() {
  const profile = useApiQuery('profile.get');
  const cards = useApiQuery('rateCards.list');
  const today = useToday();
  const [showArchived, setShowArchived] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const shown = cards.data?.filter((c) => showArchived || !c.archived) ?? [];
  const hiddenArchived = (cards.data?.length ?? 0) - shown.length;
  const card = dialog && dialog.kind !== 'new' ? cards.data?.find((c) => c.id === dialog.id) : undefined;
  const newCard = () => setDialog({ kind: 'new' });

  return (
    <>
      <PageHeader
        title="Rate cards"
        subtitle="Your prices for work. A change takes effect from a date and never reprices work already done."
        actions={
          <>
            <Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} mr="xs" />
            <Button leftSection={<IconPlus size={16} />} onClick={newCard}>
              New rate card
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <Card padding={0}>
          {cards.isError ? (
            <ErrorPanel error={cards.error} />
          ) : cards.isPending ? (
            <Center py={64}>
              <Loader />
            </Center>
          ) : shown.length === 0 ? (
            <EmptyState
              icon={<IconTags size={24} />}
              title={hiddenArchived > 0 ? 'Every rate card is archived' : 'No rate cards yet'}
              description={
                hiddenArchived > 0
                  ? 'Turn on Show archived to see them, or add a new card.'
                  : 'Add what you charge: by the hour, by the day or a fixed price. Contracts take their price from here.'
              }
              action={
                <Button mt="xs" leftSection={<IconPlus size={16} />} onClick={newCard}>
                  New rate card
                </Button>
              }
            />
          ) : (
            <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label="Rate cards" data-testid="rate-card-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th style={NOWRAP}>Unit</Table.Th>
                  <Table.Th ta="right" style={NOWRAP}>
                    Current price
                  </Table.Th>
                  <Table.Th style={NOWRAP}>Price history</Table.Th>
                  <Table.Th style={NOWRAP}>Used by</Table.Th>
                  <HiddenHeader label="Actions" w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((c) => (
                  <CardRow key={c.id} card={c} today={today} open={(kind) => setDialog({ kind, id: c.id })} />
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <DiscountRulesCard showArchived={showArchived} />
      </Stack>
      {dialog?.kind === 'new' && <NewRateCardModal home={profile.data?.homeCurrency ?? ''} today={today} first={cards.data?.length === 0} onClose={close} />}
      {card && dialog?.kind === 'price' && <AddPriceModal card={card} today={today} onClose={close} />}
      {card && dialog?.kind === 'edit' && <EditRateCardModal card={card} onClose={close} />}
      {card && dialog?.kind === 'history' && <PriceHistoryModal card={card} today={today} onClose={close} />}
    </>
  );
}
