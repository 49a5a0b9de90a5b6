import { Accordion, Alert, Box as Block, Button, Card, Checkbox, Group, List, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconChevronDown, IconDownload, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { VatReturnView } from '../../../../shared/api/vat-return';
import { countOf } from '../../../../shared/text/plural';
import { BOX_DESCRIPTIONS, BOXES, type Box } from '../../../../shared/vat-return/boxes';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { BackLink } from '../../components/BackLink';
import { formatDate, useToday } from '../../components/dates';
import { downloadText } from '../../components/downloads';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { BoxRecords } from './BoxRecords';
import { FinaliseModal } from './FinaliseModal';
import { PeriodBadge } from './VatReturnsPage';
import { boxText, SCHEME_LABELS } from './vat-return-text';

/**
 * One VAT return: the nine boxes as on HMRC's form, each opening onto the invoices, credit notes,
 * payments and expenses behind it; export for a bridging tool or an accountant; finalise once filed.
 */
export function VatReturnPage() {
  const { start = '' } = useParams();
  const [limitedCostTrader, setLimitedCostTrader] = useState(false);
  const vatReturn = useApiQuery('vatReturns.get', { periodStart: start, limitedCostTrader }, { retry: false });
  const today = useToday();
  const [finalising, setFinalising] = useState(false);
  // A box reads its records only once opened.
  const [openBoxes, setOpenBoxes] = useState<string[]>([]);
  const back = <BackLink to="/vat-returns" label="VAT returns" />;
  if (vatReturn.error) {
    return (
      <Stack>
        {back}
        <ErrorPanel error={vatReturn.error} title="This VAT return could not be shown" />
      </Stack>
    );
  }
  if (!vatReturn.data) return back;
  const r = vatReturn.data;
  const open = r.state === 'open';
  const ended = r.period.end < today;

  return (
    <>
      {back}
      <PageHeader
        title={`VAT return ${formatDate(r.period.start)} – ${formatDate(r.period.end)}`}
        badges={<PeriodBadge period={{ end: r.period.end, dueDate: r.dueDate, state: r.state, periodKey: r.periodKey }} today={today} />}
        subtitle={`Due ${formatDate(r.dueDate)} · ${SCHEME_LABELS[r.scheme]} · figures in GBP`}
        actions={
          <>
            <ExportMenu vatReturn={r} limitedCostTrader={limitedCostTrader} />
            {open && (
              <Button leftSection={<IconLock size={16} />} disabled={!ended} onClick={() => setFinalising(true)}>
                Finalise
              </Button>
            )}
          </>
        }
      />
      <Stack>
        {open && !ended && (
          <Text size="sm" c="dimmed">
            This period runs until {formatDate(r.period.end)}: the figures change as you issue invoices and log expenses, and you can finalise the return once it ends.
          </Text>
        )}
        {r.state === 'finalised' && (
          <Alert color="teal" variant="light" icon={<IconLock size={16} />} title={`Finalised with period key ${r.periodKey}`}>
            Finalised on {formatDate(r.finalisedAt!.slice(0, 10))}. These are the figures as filed; anything for this period recorded since goes on the next open return.
          </Alert>
        )}
        {r.problems.length > 0 && (
          <Alert color="yellow" icon={<IconAlertTriangle size={16} />} title={`${countOf(r.problems.length, 'record', 'records')} left out: no sterling value yet`} role="status">
            <List size="sm">
              {r.problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {open && r.scheme === 'flat-rate' && (
          <Checkbox
            label="Limited cost trader this period (flat rate 16.5%)"
            description="When your goods cost less than 2% of your VAT-inclusive turnover, or under £1,000 a year (VAT Notice 733 §4.5)"
            checked={limitedCostTrader}
            onChange={(e) => setLimitedCostTrader(e.currentTarget.checked)}
          />
        )}
        <Card padding={0}>
          <Accordion multiple chevronPosition="left" data-testid="vat-boxes" value={openBoxes} onChange={setOpenBoxes}>
            {BOXES.map((box) => (
              <BoxItem key={box} box={box} vatReturn={r} opened={openBoxes.includes(box)} limitedCostTrader={limitedCostTrader} />
            ))}
          </Accordion>
        </Card>
      </Stack>
      {finalising && <FinaliseModal vatReturn={r} limitedCostTrader={limitedCostTrader} onClose={() => setFinalising(false)} />}
    </>
  );
}

/** How the derived boxes are worked out, shown where a record list would be. */
const DERIVED: Partial<Record<Box, string>> = { box3: 'Box 1 + box 2', box5: 'The difference between box 3 and box 4' };

const PAYS = { payable: 'You pay HMRC', repayable: 'HMRC repays you', nil: 'Nothing to pay' } as const;

function BoxFigures({ box, vatReturn }: { box: Box; vatReturn: VatReturnView }) {
  const value = vatReturn.boxes[box]!;
  const strong = box === 'box5';
  const records = vatReturn.records[box] ?? 0;
  const note = DERIVED[box] ?? (records === 0 ? 'No records in this box' : countOf(records, 'record', 'records'));
  return (
    <Group justify="space-between" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={700} w={52} style={{ flexShrink: 0 }}>
          Box {box.replace('box', '')}
        </Text>
        <Stack gap={0}>
          <Text size="sm" fw={strong ? 700 : 400}>
            {BOX_DESCRIPTIONS[box]}
          </Text>
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        </Stack>
      </Group>
      <Stack gap={0} align="flex-end">
        <Text size={strong ? 'lg' : 'sm'} fw={strong ? 700 : 500} className="tabular" data-testid={`vat-${box}`}>
          {boxText(box, value)}
        </Text>
        {strong && (
          <Text size="xs" c="dimmed">
            {PAYS[vatReturn.direction]}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

/** A box with records opens onto them; a derived or empty box is a plain row, aligned with the rest. */
function BoxItem({ box, vatReturn, opened, limitedCostTrader }: { box: Box; vatReturn: VatReturnView; opened: boolean; limitedCostTrader: boolean }) {
  const label = `Box ${box.replace('box', '')}: ${BOX_DESCRIPTIONS[box]}, ${boxText(box, vatReturn.boxes[box]!)}`;
  if ((vatReturn.records[box] ?? 0) === 0) {
    return (
      <Accordion.Item value={box}>
        <Block py="sm" pr="md" pl={48} aria-label={label} role="group" bg={box === 'box5' ? 'var(--mantine-color-default-hover)' : undefined}>
          <BoxFigures box={box} vatReturn={vatReturn} />
        </Block>
      </Accordion.Item>
    );
  }
  return (
    <Accordion.Item value={box}>
      <Accordion.Control aria-label={label}>
        <BoxFigures box={box} vatReturn={vatReturn} />
      </Accordion.Control>
      <Accordion.Panel>{opened && <BoxRecords periodStart={vatReturn.period.start} box={box} limitedCostTrader={limitedCostTrader} />}
      </Accordion.Panel>
    </Accordion.Item>
  );
}

function ExportMenu({ vatReturn, limitedCostTrader }: { vatReturn: VatReturnView; limitedCostTrader: boolean }) {
  const save = async (format: 'csv' | 'json') => {
    try {
      const file = await call('vatReturns.export', { periodStart: vatReturn.period.start, format, limitedCostTrader });
      notifications.show({ color: 'teal', message: `Saved ${downloadText(file.text, file.fileName, file.mimeType)}.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'The return was not exported', message: (error as Error).message });
    }
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void save('csv')}>CSV with every record (for your accountant)</Menu.Item>
        <Menu.Item onClick={() => void save('json')}>MTD JSON (for bridging software)</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
