import { ActionIcon, Alert, Anchor, Card, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { VatSummaryView } from '../../../../shared/api/vat-summary';
import { formatDecimal, formatMoney } from '../../components/format';
import { displayLocale } from '../../app/locale';
import type { CurrencyCode } from '../../../../shared/reference/currencies';
import { countOf } from '../../../../shared/text/plural';
import { VAT_CATEGORY_LABELS } from '../../../../shared/vat-summary/summary';
import { formatDate } from '../../components/dates';
import { HiddenHeader } from '../../components/HiddenHeader';

type LineDocument = VatSummaryView['summary']['lines'][number]['documents'][number];
type DocumentRef = LineDocument['ref'];

const KIND_LABELS = { invoice: 'Invoice', 'credit-note': 'Credit note' } as const;

/** An amount in whole units of `currency`, as an EC Sales List reports it, in the display locale: "£2,594" in en-GB. */
export function wholeText(value: number, currency: CurrencyCode): string {
  return new Intl.NumberFormat(displayLocale(), { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(value);
}

const categoryText = (line: { category: keyof typeof VAT_CATEGORY_LABELS; rate: string }) =>
  line.category === 'standard' || line.category === 'zero' ? `${VAT_CATEGORY_LABELS[line.category]} ${formatDecimal(line.rate)}%` : VAT_CATEGORY_LABELS[line.category];

/** The documents a figure leaves out because they have no home-currency value, each a link to where the rate is added. */
export function UnvaluedAlert({ refs, currency }: { refs: DocumentRef[]; currency: CurrencyCode }) {
  if (refs.length === 0) return null;
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={16} />} title={`${countOf(refs.length, 'document', 'documents')} left out: no ${currency} value yet`} role="status" mb="md">
      <Text size="sm">
        Add the exchange rate on each one’s page to include it:{' '}
        {refs.map((r, i) => (
          <Fragment key={`${r.kind}:${r.id}`}>
            {i > 0 && ', '}
            <Anchor component={Link} to={`/invoices/${r.id}`} size="sm">
              {r.label}
            </Anchor>
          </Fragment>
        ))}
      </Text>
    </Alert>
  );
}

/**
 * A table row that opens onto the documents behind it: the button in its first cell says how many
 * and whether they are shown; the documents follow in a nested table, each a link to its page.
 */
function DrillRow({ cells, documents, label, currency, columns, showVat }: { cells: ReactNode[]; documents: LineDocument[]; label: string; currency: CurrencyCode; columns: number; showVat: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <ActionIcon variant="subtle" color="gray" aria-expanded={open} aria-label={`${countOf(documents.length, 'document', 'documents')}: ${label}`} onClick={() => setOpen(!open)}>
            {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        </Table.Td>
        {cells}
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={columns} bg="var(--mantine-color-default-hover)">
            <Table verticalSpacing={4} fz="sm" aria-label={`Documents: ${label}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tax point</Table.Th>
                  <Table.Th>Document</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th ta="right">Net</Table.Th>
                  {showVat && <Table.Th ta="right">VAT</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {documents.map((d) => (
                  <Table.Tr key={`${d.ref.kind}:${d.ref.id}`}>
                    <Table.Td>{formatDate(d.date)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/invoices/${d.ref.id}`} size="sm">
                        {d.ref.label}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{KIND_LABELS[d.ref.kind]}</Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {formatMoney({ amount: d.net, currency })}
                    </Table.Td>
                    {showVat && (
                      <Table.Td ta="right" className="tabular">
                        {formatMoney({ amount: d.vat, currency })}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** The period's sales per VAT category and rate in the home currency, with a total, each line opening onto its documents. */
export function SummaryTable({ view }: { view: VatSummaryView }) {
  const { lines, total } = view.summary;
  const currency = view.homeCurrency;
  return (
    <Card padding={0}>
      <Table verticalSpacing={8} data-testid="vat-summary" aria-label={`VAT summary in ${currency}`}>
        <Table.Thead>
          <Table.Tr>
            <HiddenHeader label="Show documents" w={40} />
            <Table.Th>VAT category</Table.Th>
            <Table.Th ta="right">Documents</Table.Th>
            <Table.Th ta="right">Net ({currency})</Table.Th>
            <Table.Th ta="right">VAT ({currency})</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <DrillRow
              key={`${l.category}|${l.rate}`}
              label={categoryText(l)}
              documents={l.documents}
              currency={currency}
              columns={5}
              showVat
              cells={[
                <Table.Td key="category">{categoryText(l)}</Table.Td>,
                <Table.Td key="count" ta="right" className="tabular">
                  {l.documents.length}
                </Table.Td>,
                <Table.Td key="net" ta="right" className="tabular">
                  {formatMoney({ amount: l.net, currency })}
                </Table.Td>,
                <Table.Td key="vat" ta="right" className="tabular">
                  {formatMoney({ amount: l.vat, currency })}
                </Table.Td>,
              ]}
            />
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td />
            <Table.Td>Total</Table.Td>
            <Table.Td ta="right" className="tabular">
              {total.count}
            </Table.Td>
            <Table.Td ta="right" className="tabular">
              {formatMoney({ amount: total.net, currency })}
            </Table.Td>
            <Table.Td ta="right" className="tabular">
              {formatMoney({ amount: total.vat, currency })}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Card>
  );
}

/** The same lines in each invoice currency, for a business that invoices in more than one. */
export function CurrencyTable({ view }: { view: VatSummaryView }) {
  return (
    <Card padding={0}>
      <Table verticalSpacing={8} aria-label="By invoice currency">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Currency</Table.Th>
            <Table.Th>VAT category</Table.Th>
            <Table.Th ta="right">Documents</Table.Th>
            <Table.Th ta="right">Net</Table.Th>
            <Table.Th ta="right">VAT</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.summary.byCurrency.map((c) => (
            <Table.Tr key={`${c.currency}|${c.category}|${c.rate}`}>
              <Table.Td>{c.currency}</Table.Td>
              <Table.Td>{categoryText(c)}</Table.Td>
              <Table.Td ta="right" className="tabular">
                {c.count}
              </Table.Td>
              <Table.Td ta="right" className="tabular">
                {formatMoney({ amount: c.net, currency: c.currency })}
              </Table.Td>
              <Table.Td ta="right" className="tabular">
                {formatMoney({ amount: c.vat, currency: c.currency })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** One line per EU customer: country, VAT number, name and the value in whole units, each opening onto its documents. */
export function EcSalesTable({ view }: { view: VatSummaryView }) {
  const currency = view.homeCurrency;
  return (
    <Card padding={0}>
      <Table verticalSpacing={8} data-testid="ec-sales-list" aria-label="EC Sales List">
        <Table.Thead>
          <Table.Tr>
            <HiddenHeader label="Show documents" w={40} />
            <Table.Th>Country</Table.Th>
            <Table.Th>Customer VAT number</Table.Th>
            <Table.Th>Customer</Table.Th>
            <Table.Th ta="right">Value of services ({currency})</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.ecSalesList.lines.map((l) => (
            <DrillRow
              key={`${l.country}|${l.vatNumber}`}
              label={`${l.vatNumber ?? l.country}, ${l.customers.join(', ')}`}
              documents={l.documents}
              currency={currency}
              columns={5}
              showVat={false}
              cells={[
                <Table.Td key="country">{l.country}</Table.Td>,
                <Table.Td key="number">{l.vatNumber ?? <Text c="red" size="sm">No VAT number on the invoices</Text>}</Table.Td>,
                <Table.Td key="customer">{l.customers.join(', ')}</Table.Td>,
                <Table.Td key="value" ta="right" className="tabular">
                  {wholeText(l.value, currency)}
                </Table.Td>,
              ]}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
