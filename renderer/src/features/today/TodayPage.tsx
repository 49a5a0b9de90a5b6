import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarCheck } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import type { AgendaItemView, Today } from '../../../../shared/api/today';
import { countOf } from '../../../../shared/text/plural';
import { useApiQuery } from '../../api/hooks';
import { ErrorPanel } from '../../components/ErrorPanel';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useInvoiceListStore } from '../../stores/invoice-list';
import { agendaText } from './agenda-text';

const SECTIONS = [
  { urgency: 'overdue', title: 'Overdue', color: 'red' },
  { urgency: 'today', title: 'Today', color: 'orange' },
  { urgency: 'soon', title: 'Coming up', color: 'blue' },
] as const;

const longDate = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * What needs doing: VAT returns to file, invoices the law says must go out by a date, invoices
 * falling due or overdue, contracts to bill and contracts ending, today's intro calls, follow-ups
 * due and stale leads, in three groups by urgency, each item opening its record.
 */
export function TodayPage() {
  const agenda = useApiQuery('today.agenda', undefined);
  return (
    <>
      <PageHeader title="Today" subtitle={agenda.data ? longDate.format(new Date(`${agenda.data.today}T00:00:00Z`)) : undefined} />
      {agenda.error ? <ErrorPanel error={agenda.error} /> : agenda.data && <Agenda agenda={agenda.data} />}
    </>
  );
}

function Agenda({ agenda }: { agenda: Today }) {
  if (agenda.items.length === 0) {
    return (
      <EmptyState
        icon={<IconCalendarCheck size={26} />}
        title="Nothing needs doing"
        description="VAT returns to file, invoices falling due in the next week, contracts to bill and contracts ending within a month, today's calls, follow-ups due and stale leads appear here."
      />
    );
  }
  return (
    <Stack gap="lg">
      {SECTIONS.map(({ urgency, title, color }) => {
        const items = agenda.items.filter((i) => i.urgency === urgency);
        if (items.length === 0) return null;
        return (
          <Card key={urgency} padding="md" component="section" aria-labelledby={`today-${urgency}`}>
            <Group gap="xs" mb="sm">
              <Title order={2} size="h4" id={`today-${urgency}`}>
                {title}
              </Title>
              <Badge color={color} variant="light" aria-label={countOf(items.length, 'item', 'items')}>
                {items.length}
              </Badge>
            </Group>
            <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
              {items.map((item) => (
                <AgendaRow key={`${item.kind}:${rowKey(item)}`} item={item} today={agenda.today} color={color} />
              ))}
            </Stack>
          </Card>
        );
      })}
      {agenda.moreInvoicesDue > 0 && <MoreInvoices count={agenda.moreInvoicesDue} />}
    </Stack>
  );
}

function rowKey(item: AgendaItemView): string {
  switch (item.kind) {
    case 'vat-return':
      return item.periodStart;
    case 'invoice-deadline':
      return `${item.invoiceId ?? ''}-${item.contractId ?? ''}`;
    case 'invoice-due':
      return String(item.invoiceId);
    case 'call':
      return String(item.callId);
    case 'follow-up':
    case 'stale-lead':
      return String(item.leadId);
    default:
      return String(item.contractId);
  }
}

function AgendaRow({ item, today, color }: { item: AgendaItemView; today: string; color: string }) {
  const text = agendaText(item, today);
  return (
    <Group component="li" gap="md" wrap="nowrap" align="flex-start" py={10} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Badge color={color} variant="light" w={150} style={{ flexShrink: 0 }}>
        {text.kindLabel}
      </Badge>
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Anchor component={Link} to={text.to} fw={500} size="sm">
          {text.headline}
        </Anchor>
        <Text size="sm" c="dimmed">
          {text.detail}
        </Text>
      </Stack>
    </Group>
  );
}

function MoreInvoices({ count }: { count: number }) {
  const navigate = useNavigate();
  const open = () => {
    useInvoiceListStore.setState({ status: 'overdue', clientId: null, kind: 'invoice', from: '', to: '' });
    void navigate('/invoices');
  };
  return (
    <Text size="sm">
      {countOf(count, 'more invoice', 'more invoices')} overdue or due within a week are not listed.{' '}
      <Anchor component="button" type="button" size="sm" onClick={open}>
        Show overdue invoices
      </Anchor>
    </Text>
  );
}
