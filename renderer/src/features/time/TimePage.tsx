import { ActionIcon, Button, Card, Center, Group, Loader, Modal, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconChevronLeft, IconChevronRight, IconClockHour4, IconPlus, IconSettings } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DEFAULT_TIME_SETTINGS, timeSettingsSchema } from '../../../../shared/api/time';
import { addDays } from '../../../../shared/dates/calendar';
import { weekStartOf } from '../../../../shared/time/rules';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate, useToday } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { PageHeader } from '../../components/PageHeader';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { numberInputProps, typedNumber } from '../../forms/numbers';
import { suffixProps } from '../../components/input-suffix';
import { EntriesList } from './EntriesList';
import { EntryModal } from './EntryModal';
import { useTimeListStore } from './time-list-store';
import { WeekGrid } from './WeekGrid';
import { DateField } from '../../components/DateField';

interface TimeSettingsValues {
  forgottenAfterHours: string;
  capacityHoursPerWeek: string;
}

/** The settings as the API takes them: each whole number typed in the display locale, so "2,5" or "2.5" is refused, never read as 25. */
const timeSettingsInput = (values: TimeSettingsValues) => ({ forgottenAfterHours: typedNumber(values.forgottenAfterHours), capacityHoursPerWeek: typedNumber(values.capacityHoursPerWeek) });

function TimeSettingsModal({ onClose }: { onClose(): void }) {
  const settings = useApiQuery('time.getSettings');
  const save = useApiMutation('time.saveSettings');
  const current = settings.data ?? DEFAULT_TIME_SETTINGS;
  const form = useForm<TimeSettingsValues>({
    initialValues: { forgottenAfterHours: String(current.forgottenAfterHours), capacityHoursPerWeek: String(current.capacityHoursPerWeek) },
    validate: zodValidate(timeSettingsSchema, timeSettingsInput),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await save.mutateAsync(timeSettingsInput(values));
      onClose();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });
  return (
    <Modal opened onClose={onClose} title={<Text fw={650} size="lg">Timer settings</Text>}>
      <form onSubmit={submit} noValidate aria-label="Timer settings">
        <Stack>
          <TextInput
            label="Ask about a timer running longer than"
            description="Hours. A timer still running after this (or one left running when Billable closed) asks whether to keep, discard or stop it."
            inputMode="numeric"
            {...suffixProps('h')}
            data-autofocus
            {...numberInputProps(form, 'forgottenAfterHours')}
          />
          <TextInput
            label="Billable hours you aim for each week"
            description="The dashboard measures your utilisation against it."
            inputMode="numeric"
            {...suffixProps('h')}
            {...numberInputProps(form, 'capacityHoursPerWeek')}
          />
          <FormError error={save.error} />
          <ModalFooter action="Save" onCancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

const weekLabel = (start: string) => `${formatDate(start)} – ${formatDate(addDays(start, 6))}`;

/** Time: the week's timesheet (a week picker, previous and next, This week) above the entries list. */
export function TimePage() {
  const today = useToday();
  const navigate = useNavigate();
  const [weekStart, setWeekStart] = useState(() => weekStartOf(today));
  const [logging, setLogging] = useState<{ contractId: number | null; date: string } | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const week = useApiQuery('time.week', { weekStart }, { placeholderData: keepPreviousData });
  const list = useTimeListStore();
  const thisWeek = weekStartOf(today);
  const openCell = (contractId: number, date: string) => {
    list.set({ contractId, from: date, to: date, billable: 'all', state: 'all' });
    document.getElementById('time-entries-heading')?.scrollIntoView({ behavior: 'smooth' });
  };

  return (
    <>
      <PageHeader
        title="Time"
        subtitle="Your timesheet and every time entry: raw hours, rounded only when an invoice prices them."
        actions={
          <>
            <Button variant="default" leftSection={<IconSettings size={16} />} onClick={() => setSettingsOpen(true)}>
              Timer settings
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setLogging({ contractId: null, date: today })}>
              Log time
            </Button>
          </>
        }
      />
      <Group justify="space-between" mb="sm" align="flex-end">
        <Group gap="xs" align="center">
          <Tooltip label="Previous week">
            <ActionIcon variant="default" size="lg" aria-label="Previous week" onClick={() => setWeekStart(addDays(weekStart, -7))}>
              <IconChevronLeft size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Next week">
            <ActionIcon variant="default" size="lg" aria-label="Next week" onClick={() => setWeekStart(addDays(weekStart, 7))}>
              <IconChevronRight size={18} />
            </ActionIcon>
          </Tooltip>
          <Button variant="default" disabled={weekStart === thisWeek} onClick={() => setWeekStart(thisWeek)}>
            This week
          </Button>
          <Title order={2} size="h4" ml="sm" data-testid="week-label">
            {weekLabel(weekStart)}
          </Title>
        </Group>
        <DateField
          label="Go to the week of"
          w={180}
          value={weekStart}
          onChange={(value) => {
            if (/^\d{4}-\d{2}-\d{2}$/.test(value) && value >= '1970-01-01' && value <= '2099-12-31') setWeekStart(weekStartOf(value));
          }}
        />
      </Group>
      {week.isError ? (
        <ErrorPanel error={week.error} />
      ) : !week.data ? (
        <Card>
          <Center py={48}>
            <Loader />
          </Center>
        </Card>
      ) : week.data.rows.length === 0 ? (
        <Card padding={0}>
          <EmptyState
            icon={<IconClockHour4 size={24} />}
            title="No contract to log time on"
            description="Time is logged against a signed or active contract. Create one and sign it, and it gets a row here."
            action={<Button onClick={() => navigate('/contracts')}>Go to contracts</Button>}
          />
        </Card>
      ) : (
        <WeekGrid week={week.data} onOpenCell={openCell} />
      )}
      <Title order={2} size="h3" mt="xl" mb="md" id="time-entries-heading">
        Entries
      </Title>
      <EntriesList onLog={() => setLogging({ contractId: null, date: today })} />
      {logging && <EntryModal defaults={logging} onClose={() => setLogging(null)} />}
      {settingsOpen && <TimeSettingsModal onClose={() => setSettingsOpen(false)} />}
    </>
  );
}
