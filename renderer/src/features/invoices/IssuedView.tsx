import { ActionIcon, Alert, Anchor, Badge, Button, Card, Grid, Group, Menu, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCash, IconDots, IconDownload, IconExternalLink, IconFolder, IconReceiptRefund, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Invoice } from '../../../../shared/api/invoices';
import { call } from '../../api/client';
import { formatDate } from '../../components/dates';
import { BackLink } from '../../components/BackLink';
import { FigureRow } from '../../components/FigureRow';
import { PageHeader } from '../../components/PageHeader';
import { CreditNoteModal } from './CreditNoteModal';
import { HomeValue, signedMoney } from './HomeValue';
import { PREVIEW_VIEW, downloadPdf, pdfBlobUrl } from './pdf-files';
import { METHOD_LABELS, PaymentModal } from './PaymentModal';
import { ContractLink } from '../contracts/ContractLink';
import { BilledWorkCard } from './BilledWorkCard';
import { LinePricingCard } from './LinePricingCard';
import { InvoiceMoreMenu } from './InvoiceMoreMenu';
import { StatusBadge } from './StatusBadge';
import { usePaymentRemoval } from './payment-removal';
import { formatMoney } from '../../components/format';

function PdfPreview({ invoice }: { invoice: Invoice }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let created: string | null = null;
    pdfBlobUrl(invoice.id).then(
      (u) => setUrl((created = u)),
      (e: Error) => setError(e.message),
    );
    return () => {
      if (created) URL.revokeObjectURL(created);
    };
  }, [invoice.id]);
  if (error) return <Alert color="red">{error}</Alert>;
  return (
    <Card padding={0} h="calc(100vh - 190px)" mih={520} style={{ overflow: 'hidden' }}>
      {url ? <iframe src={`${url}${PREVIEW_VIEW}`} title={`PDF of ${invoice.number}`} data-testid="pdf-preview" style={{ border: 0, width: '100%', height: '100%' }} /> : null}
    </Card>
  );
}

/** An issued invoice or credit note: read-only, with its PDF, payments and credit notes. */
export function IssuedView({ invoice }: { invoice: Invoice }) {
  const [paying, setPaying] = useState(false);
  const [crediting, setCrediting] = useState(false);
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const removePayment = usePaymentRemoval(invoice);
  const m = (amount: number) => formatMoney({ amount, currency: invoice.currency });
  const isInvoice = invoice.kind === 'invoice';

  const save = async () => {
    try {
      const result = await call('invoices.savePdf', { id: invoice.id });
      if (result.status === 'saved') {
        setSavedPath(result.path);
        notifications.show({ color: 'teal', message: `Saved ${result.path}` });
      } else if (result.status === 'download') {
        notifications.show({ message: `Downloaded ${await downloadPdf(invoice.id)}` });
      }
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  };
  const open = async () => {
    try {
      const result = await call('invoices.openPdf', { id: invoice.id });
      if (result.status === 'download') window.open(await pdfBlobUrl(invoice.id), '_blank', 'noopener');
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  };

  return (
    <>
      <BackLink to="/invoices" label="Invoices" />
      <PageHeader
        title={invoice.number}
        badges={<StatusBadge status={invoice.status} kind={invoice.kind} />}
        subtitle={
          <>
            {isInvoice ? 'Invoice' : 'Credit note'} for{' '}
            <Anchor component={Link} to={`/clients/${invoice.clientId}`} size="sm">
              {invoice.clientName}
            </Anchor>{' '}
            · issued {formatDate(invoice.issueDate)}
            {invoice.creditFor && (
              <>
                {' '}
                · credits{' '}
                <Anchor component={Link} to={`/invoices/${invoice.creditFor.id}`} size="sm">
                  {invoice.creditFor.number}
                </Anchor>
              </>
            )}
            {invoice.contractId !== null && <ContractLink contractId={invoice.contractId} />}
          </>
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void save()}>
              Save PDF
            </Button>
            <Tooltip label="Open in your PDF viewer">
              <ActionIcon variant="default" size="lg" aria-label="Open PDF" onClick={() => void open()}>
                <IconExternalLink size={18} />
              </ActionIcon>
            </Tooltip>
            {savedPath && (
              <Tooltip label="Show in folder">
                <ActionIcon variant="default" size="lg" aria-label="Show in folder" onClick={() => void call('invoices.showSavedPdf', { id: invoice.id })}>
                  <IconFolder size={18} />
                </ActionIcon>
              </Tooltip>
            )}
            {isInvoice && invoice.outstanding > 0 && (
              <Button leftSection={<IconCash size={16} />} onClick={() => setPaying(true)}>
                Record payment
              </Button>
            )}
            {isInvoice && invoice.status !== 'credited' && (
              <Button variant="light" color="grape" leftSection={<IconReceiptRefund size={16} />} onClick={() => setCrediting(true)}>
                Credit note
              </Button>
            )}
            <InvoiceMoreMenu invoice={invoice} />
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <PdfPreview invoice={invoice} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <LinePricingCard invoice={invoice} />
            <BilledWorkCard invoice={invoice} />
            <Card>
              <Stack gap={6}>
                <FigureRow label={isInvoice ? 'Total' : 'Total credited'} value={m(invoice.payable)} testId="invoice-total" strong />
                {isInvoice && (
                  <>
                    <FigureRow label="Due" value={formatDate(invoice.dueDate)} />
                    <FigureRow label="Paid" value={m(invoice.paid)} testId="invoice-paid" />
                    {invoice.credited !== 0 && <FigureRow label="Credited" value={m(invoice.credited)} />}
                    <FigureRow label="Outstanding" value={m(invoice.outstanding)} testId="invoice-outstanding" strong />
                  </>
                )}
                <HomeValue invoice={invoice} />
                {invoice.pdfSha256 && (
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    PDF SHA-256 {invoice.pdfSha256}
                  </Text>
                )}
              </Stack>
            </Card>
            {invoice.snapshot && (
              <Card>
                <Group justify="space-between" mb={6}>
                  <Title order={2} size="h5">VAT</Title>
                  {invoice.snapshot.treatment.overridden && <Badge color="orange" variant="light">Overridden</Badge>}
                </Group>
                <Text size="sm" c="dimmed">
                  {invoice.vatOverride ? `Override: ${invoice.vatOverride.reason}` : invoice.snapshot.treatment.reason}
                </Text>
              </Card>
            )}
            {isInvoice && (
              <Card>
                <Title order={2} size="h5" mb="xs">
                  Payments
                </Title>
                {invoice.payments.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No payments yet.
                  </Text>
                ) : (
                  <Table verticalSpacing={4} data-testid="payments-table">
                    <Table.Tbody>
                      {invoice.payments.map((p) => (
                        <Table.Tr key={p.id}>
                          <Table.Td>
                            <Text size="sm">{formatDate(p.date)}</Text>
                            <Text size="xs" c="dimmed">
                              {METHOD_LABELS[p.method]}
                              {p.bankFee ? ` · fee ${m(p.bankFee)}` : ''}
                              {p.note ? ` · ${p.note}` : ''}
                            </Text>
                          </Table.Td>
                          <Table.Td ta="right" className="tabular">
                            {m(p.amount)}
                            {p.homeAmount !== null && invoice.homeValue && (
                              <Text size="xs" c="dimmed" data-testid="payment-home">
                                {formatMoney({ amount: p.homeAmount, currency: invoice.homeValue.currency })} received
                                {p.exchangeGain !== null && ` · ${p.exchangeGain < 0 ? 'loss' : 'gain'} ${signedMoney(p.exchangeGain, invoice.homeValue.currency)}`}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td w={36}>
                            <Menu position="bottom-end">
                              <Menu.Target>
                                <ActionIcon variant="subtle" color="gray" aria-label={`Actions for payment of ${m(p.amount)}`}>
                                  <IconDots size={16} />
                                </ActionIcon>
                              </Menu.Target>
                              <Menu.Dropdown>
                                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => removePayment(p)}>
                                  Remove payment
                                </Menu.Item>
                              </Menu.Dropdown>
                            </Menu>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Card>
            )}
            {invoice.creditNotes.length > 0 && (
              <Card>
                <Title order={2} size="h5" mb="xs">
                  Credit notes
                </Title>
                <Stack gap={4}>
                  {invoice.creditNotes.map((c) => (
                    <Group key={c.id} justify="space-between">
                      <Anchor component={Link} to={`/invoices/${c.id}`} size="sm">
                        {c.number}
                      </Anchor>
                      <Text size="sm" className="tabular">
                        {m(c.payable)}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {paying && <PaymentModal invoice={invoice} onClose={() => setPaying(false)} />}
      {crediting && <CreditNoteModal invoice={invoice} onClose={() => setCrediting(false)} />}
    </>
  );
}
