import { Alert, Button, Card, Group, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconInfoCircle, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import type { VatSummaryView } from '../../../../shared/api/vat-summary';
import { countryName } from '../../../../shared/reference/countries';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { BackLink } from '../../components/BackLink';
import { formatDate, useToday } from '../../components/dates';
import { downloadText } from '../../components/downloads';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { defaultRange, SummaryPeriodPicker, type SummaryRange } from './SummaryPeriodPicker';
import { CurrencyTable, EcSalesTable, SummaryTable, UnvaluedAlert } from './VatSummaryTables';

/** Saves one report of the period as CSV, saying where it went or why it could not. */
function ExportButton({ range, report }: { range: SummaryRange; report: 'summary' | 'ec-sales-list' }) {
  const save = async () => {
    try {
      const file = await call('vatReturns.exportSummary', { ...range, report });
      notifications.show({ color: 'teal', message: `Saved ${downloadText(file.text, file.fileName, file.mimeType)}.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'The CSV was not saved', message: (error as Error).message });
    }
  };
  return (
    <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void save()}>
      Export CSV
    </Button>
  );
}

/** What the EC Sales List data is for, which depends on where the business is established. */
function EcslPurpose({ view }: { view: VatSummaryView }) {
  const home = view.homeCurrency;
  if (view.supplier.inEu) {
    return (
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={16} />} title="For your EC Sales List (recapitulative statement)" mb="md">
        Each business customer in another EU country you supplied services to under the reverse charge, with its VAT number and the value in whole {home}, credit
        notes deducted (Article 262 of the VAT Directive). File it with your tax office for the period, by the deadline your country sets.
      </Alert>
    );
  }
  const uk = view.supplier.country === 'GB' || view.supplier.country === 'IM';
  return (
    <Alert color="gray" variant="light" icon={<IconInfoCircle size={16} />} title="For your records: not a filing for your business" mb="md">
      {uk
        ? 'UK businesses have not filed an EC Sales List for services since 1 January 2021 (in Northern Ireland, only for goods).'
        : `Your business is established outside the EU (${countryName(view.supplier.country)}), so it files no EC Sales List.`}{' '}
      These are your reverse-charge sales to EU businesses, each customer’s VAT number and the value in whole {home}, for your records and for an EU customer or
      tax office that asks.
    </Alert>
  );
}

function SummaryTab({ view, range }: { view: VatSummaryView; range: SummaryRange }) {
  const foreign = view.summary.byCurrency.some((c) => c.currency !== view.homeCurrency);
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Issued invoices and credit notes by tax point, credit notes deducted, in {view.homeCurrency} at each document’s stored rate. Disbursements are not
          included.
        </Text>
        <ExportButton range={range} report="summary" />
      </Group>
      <UnvaluedAlert refs={view.summary.unvalued} currency={view.homeCurrency} />
      {view.summary.lines.length === 0 && view.summary.unvalued.length === 0 ? (
        <Card>
          <EmptyState icon={<IconInfoCircle size={24} />} title="No sales in this period" description="Nothing was issued with a tax point in this period." />
        </Card>
      ) : (
        <SummaryTable view={view} />
      )}
      {foreign && (
        <>
          <Text fw={650} component="h2" size="md">
            By invoice currency
          </Text>
          <CurrencyTable view={view} />
        </>
      )}
    </Stack>
  );
}

function EcSalesTab({ view, range }: { view: VatSummaryView; range: SummaryRange }) {
  const empty = view.ecSalesList.lines.length === 0 && view.ecSalesList.unvalued.length === 0;
  return (
    <Stack gap={0}>
      <EcslPurpose view={view} />
      <UnvaluedAlert refs={view.ecSalesList.unvalued} currency={view.homeCurrency} />
      {empty ? (
        <Card>
          <EmptyState
            icon={<IconWorld size={24} />}
            title="No EU reverse-charge sales in this period"
            description="Services to business customers in other EU countries, invoiced under the reverse charge, are listed here."
          />
        </Card>
      ) : (
        <Stack>
          <Group justify="flex-end">
            <ExportButton range={range} report="ec-sales-list" />
          </Group>
          <EcSalesTable view={view} />
        </Stack>
      )}
    </Stack>
  );
}

/**
 * The VAT summary per category and rate and the EC Sales List data for a quarter, a month or a
 * range: the figures from issued documents in the home currency, each line opening onto its
 * documents, each exportable as CSV. For EU businesses and for UK ones with EU sales.
 */
export function VatSummaryPage() {
  const today = useToday();
  const [range, setRange] = useState<SummaryRange>(() => defaultRange(today));
  const summary = useApiQuery('vatReturns.summary', range, { retry: false });
  const view = summary.data;
  return (
    <>
      <BackLink to="/vat-returns" label="VAT returns" />
      <PageHeader title="VAT summary and EC Sales List" subtitle="Your sales for a period by VAT category and rate, and the reverse-charge services to each EU business customer." />
      <SummaryPeriodPicker today={today} onChange={setRange} />
      {summary.error ? (
        <ErrorPanel error={summary.error} title="This summary could not be shown" />
      ) : (
        view && (
          <>
            <Text size="sm" mb="sm" aria-live="polite">
              {formatDate(view.period.start)} to {formatDate(view.period.end)}
            </Text>
            <Tabs defaultValue="summary" keepMounted={false}>
              <Tabs.List mb="md">
                <Tabs.Tab value="summary">VAT summary</Tabs.Tab>
                <Tabs.Tab value="ec-sales-list">EC Sales List</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="summary">
                <SummaryTab view={view} range={range} />
              </Tabs.Panel>
              <Tabs.Panel value="ec-sales-list">
                <EcSalesTab view={view} range={range} />
              </Tabs.Panel>
            </Tabs>
          </>
        )
      )}
    </>
  );
}
