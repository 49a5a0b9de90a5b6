import { Badge, Button, Card, Center, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconCheck, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { FieldErrors } from '../../../../shared/api/errors';
import type { DiscountRuleView } from '../../../../shared/api/rate-cards';
import { invoicingSettingsInput, type InvoicingSettings } from '../../../../shared/api/settings';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FormError } from '../../components/FormError';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { useSingleFlight } from '../../forms/single-flight';
import { DiscountModal } from './DiscountModal';
import { tiersText, usedByText } from './rate-card-text';
import { RowMenu } from '../../components/RowMenu';
import { typedNumber } from '../../forms/numbers';
import { HiddenHeader } from '../../components/HiddenHeader';
import { useUnsavedChanges } from '../../forms/unsaved-changes';

function RuleRow({ rule, onEdit }: { rule: DiscountRuleView; onEdit(): void }) {
  const setArchived = useApiMutation('discounts.setArchived');
  const toggleArchived = async () => {
    try {
      await setArchived.mutateAsync({ id: rule.id, archived: !rule.archived });
      notifications.show({ color: 'teal', message: rule.archived ? `${rule.name} is offered for new contracts again.` : `${rule.name} archived. Contracts that use it keep their discount.` });
    } catch (error) {
      notifications.show({ color: 'red', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <Table.Tr data-testid="discount-row" aria-label={rule.name} style={rule.archived ? { opacity: 0.55 } : undefined}>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600}>
            {rule.name}
          </Text>
          {rule.archived && (
            <Badge size="xs" color="gray" variant="light">
              Archived
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{tiersText(rule.tiers)}</Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" c={rule.usedBy === 0 ? 'dimmed' : undefined}>
          {usedByText(rule.usedBy)}
        </Text>
      </Table.Td>
      <Table.Td>
        <RowMenu
          label={`Actions for ${rule.name}`}
          actions={[
            { label: 'Edit', icon: <IconPencil size={14} />, onClick: onEdit },
            { label: rule.archived ? 'Restore' : 'Archive', icon: rule.archived ? <IconArchiveOff size={14} /> : <IconArchive size={14} />, onClick: () => void toggleArchived() },
          ]}
        />
      </Table.Td>
    </Table.Tr>
  );
}

type GapValues = { engagementGapDays: number | string };

/**
 * The gap is saved with every other invoice setting, which are checked again; a problem with one
 * of those (numbering saved before today's rules) has no field here, so it is shown under the gap.
 */
function gapErrors(errors: FieldErrors): FieldErrors {
  if (errors.engagementGapDays) return { engagementGapDays: errors.engagementGapDays };
  const other = Object.values(errors)[0];
  return other ? { engagementGapDays: `Fix Invoice settings first: ${other}` } : {};
}

/** How long a gap between two contracts with a client may be and still count as one continuous engagement. */
function GapForm({ settings }: { settings: InvoicingSettings }) {
  const save = useApiMutation('settings.saveInvoicing');
  const check = zodValidate(invoicingSettingsInput, (values: GapValues) => ({ ...settings, engagementGapDays: typedNumber(values.engagementGapDays) }));
  const form = useForm<GapValues>({
    initialValues: { engagementGapDays: settings.engagementGapDays },
    validate: (values) => gapErrors(check(values)),
  });
  useUnsavedChanges(() => form.isDirty());
  const once = useSingleFlight();
  const submit = form.onSubmit((values) =>
    once(async () => {
      try {
        const saved = await save.mutateAsync({ ...settings, engagementGapDays: typedNumber(values.engagementGapDays) });
        form.resetDirty({ engagementGapDays: saved.engagementGapDays });
        notifications.show({ message: 'Gap between contracts saved', color: 'teal', icon: <IconCheck size={16} /> });
      } catch (error) {
        form.setErrors(gapErrors(serverFieldErrors(error)));
      }
    }),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Continuous engagement">
      <TextInput
        label="Gap allowed between contracts (days)"
        description="Long-term tiers count months of continuous work with a client; a gap up to this many days between contracts keeps it continuous."
        inputMode="numeric"
        inputContainer={(input) => (
          <Group gap="sm" wrap="nowrap" align="flex-end">
            <div style={{ width: 160 }}>{input}</div>
            <Button type="submit" variant="light" loading={save.isPending} disabled={!form.isDirty()}>
              Save
            </Button>
          </Group>
        )}
        {...form.getInputProps('engagementGapDays')}
      />
      <FormError error={save.error} />
    </form>
  );
}

/** Settings → Rate cards, second card: the discount rules contracts can take, and what counts as continuous work. */
export function DiscountRulesCard({ showArchived }: { showArchived: boolean }) {
  const rules = useApiQuery('discounts.list');
  const settings = useApiQuery('settings.getInvoicing');
  const [editing, setEditing] = useState<DiscountRuleView | 'new' | null>(null);
  const shown = rules.data?.filter((r) => showArchived || !r.archived) ?? [];
  const hiddenArchived = (rules.data?.length ?? 0) - shown.length;

  return (
    <Card>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">Discount rules</Title>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
          New discount rule
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        A contract can take one: a flat discount for retained work, or one that grows with the months you have worked for the client.
      </Text>
      <Card.Section withBorder>
        {rules.isError ? (
          <ErrorPanel error={rules.error} />
        ) : rules.isPending ? (
          <Center py="md">
            <Loader size="sm" />
          </Center>
        ) : shown.length === 0 ? (
          <Text size="sm" c="dimmed" px="lg" py="md">
            {hiddenArchived > 0
              ? 'Every discount rule is archived. Turn on Show archived to see them, or add a new rule.'
              : 'No discount rules yet. Add one for retained work (like 10% always) or for long engagements (like 5% from 3 months, 10% from 6 months).'}
          </Text>
        ) : (
          <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label="Discount rules" data-testid="discount-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Tiers</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>Used by</Table.Th>
                <HiddenHeader label="Actions" w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((rule) => (
                <RuleRow key={rule.id} rule={rule} onEdit={() => setEditing(rule)} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card.Section>
      <Stack mt="lg">{settings.isError ? <ErrorPanel error={settings.error} /> : settings.data ? <GapForm settings={settings.data} /> : <Loader size="sm" />}</Stack>
      {editing && <DiscountModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
