import { Anchor, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { unitText } from '../rate-cards/rate-card-text';
import { formatMoney } from '../../components/format';

/**
 * The business's default rate card, which a new contract starts with. It is one of the rate cards
 * (Settings → Rate cards keeps their prices); choosing it here saves at once.
 */
export function DefaultRateSection() {
  const cards = useApiQuery('rateCards.list');
  const update = useApiMutation('rateCards.update');
  const active = (cards.data ?? []).filter((c) => !c.archived);
  const current = active.find((c) => c.isDefault) ?? null;
  if (cards.data && active.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No rate cards yet.{' '}
        <Anchor component={Link} to="/settings/rate-cards" size="sm">
          Add your first in Rate cards
        </Anchor>
        , for example $300 an hour.
      </Text>
    );
  }
  const choose = async (id: string | null) => {
    const card = active.find((c) => String(c.id) === id);
    if (!card) return;
    try {
      await update.mutateAsync({ id: card.id, name: card.name, isDefault: true, archived: false });
      notifications.show({ color: 'teal', message: `${card.name} is now your default rate card` });
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  };
  return (
    <Group align="flex-end" gap="md">
      <Select
        label="Default rate card"
        description="New contracts start with it. Saved as soon as you choose."
        placeholder="None"
        w={320}
        allowDeselect={false}
        data={active.map((c) => ({ value: String(c.id), label: `${c.name}${c.current ? `, ${formatMoney({ amount: c.current.amountMinor, currency: c.currency })} ${unitText(c)}` : ''}` }))}
        value={current ? String(current.id) : null}
        onChange={(id) => void choose(id)}
      />
      <Anchor component={Link} to="/settings/rate-cards" size="sm" mb={8}>
        Manage rate cards
      </Anchor>
    </Group>
  );
}
