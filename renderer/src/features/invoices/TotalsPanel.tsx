import { Accordion, Card, Divider, List, Stack, Text } from '@mantine/core';
import { FigureRow } from '../../components/FigureRow';
import type { InvoiceCalculation } from '../../../../shared/invoice/types';
import { formatDecimal, formatMoney } from '../../components/format';

/** Totals from calculateInvoice, the same code main uses when issuing. */
export function TotalsPanel({ calculation }: { calculation: InvoiceCalculation }) {
  const m = (amount: number) => formatMoney({ amount, currency: calculation.currency });
  const charged = calculation.groups.some((g) => g.category === 'standard' || g.category === 'zero');
  const t = calculation.totals;
  return (
    <Card>
      <Stack gap={6}>
        <Text fw={650}>Totals</Text>
        {calculation.lines
          .filter((line) => line.index === null)
          .map((line) => (
            <FigureRow key={line.description} label={line.description} value={m(line.amount)} />
          ))}
        {calculation.groups.map((g) => (
          <Stack key={`${g.category}-${g.rate}`} gap={4}>
            <FigureRow label={charged ? `Net at ${formatDecimal(g.rate)}% VAT` : 'Net'} value={m(g.net)} />
            {charged && <FigureRow label={`VAT at ${formatDecimal(g.rate)}%`} value={m(g.vat)} testId="total-vat" />}
          </Stack>
        ))}
        {t.disbursements !== 0 && <FigureRow label="Disbursements (no VAT)" value={m(t.disbursements)} />}
        <Divider my={4} />
        <FigureRow label="Total" value={m(t.gross)} strong testId="total-gross" />
        {t.withholding !== 0 && (
          <>
            <FigureRow label="Less withholding" value={m(-t.withholding)} />
            <FigureRow label="Amount due" value={m(t.payable)} strong />
          </>
        )}
        {calculation.home && (
          <Text size="xs" c="dimmed">
            In {calculation.home.currency}: net {formatMoney({ amount: calculation.home.net, currency: calculation.home.currency })}, VAT{' '}
            {formatMoney({ amount: calculation.home.vat, currency: calculation.home.currency })}
          </Text>
        )}
        {calculation.explanation.length > 0 && (
          <Accordion variant="default" chevronPosition="right">
            <Accordion.Item value="rounding">
              <Accordion.Control px={0}>
                <Text size="xs" c="dimmed">
                  How these figures were rounded
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                <List size="xs" spacing={4}>
                  {calculation.explanation.map((step, i) => (
                    <List.Item key={i}>{step.text}</List.Item>
                  ))}
                </List>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        )}
      </Stack>
    </Card>
  );
}
