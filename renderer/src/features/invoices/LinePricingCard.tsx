import { Card, Stack, Text, Title } from '@mantine/core';
import type { Invoice } from '../../../../shared/api/invoices';
import { describeRate } from '../../components/format';

/**
 * Why each line priced at the contract's rate costs what it does: the list rate, the discount and
 * its reason, and the rate charged ("US$300/h list, 10% retained, US$270/h"). Hidden when no line
 * came from a contract.
 */
export function LinePricingCard({ invoice }: { invoice: Invoice }) {
  const priced = invoice.lines.filter((line) => line.pricing !== null && line.unit !== 'item');
  if (priced.length === 0) return null;
  return (
    <Card data-testid="line-pricing">
      <Title order={2} size="h5" mb="xs">
        Priced from the contract
      </Title>
      <Stack gap={6}>
        {priced.map((line) => (
          <div key={line.id}>
            <Text size="sm" fw={500}>
              {line.description}
            </Text>
            <Text size="sm" c="dimmed">
              {describeRate({
                unit: line.unit === 'item' ? 'fixed' : line.unit,
                hoursPerDay: null,
                listRate: line.pricing!.listRate,
                listCurrency: line.pricing!.listCurrency,
                discountPercent: line.pricing!.discountPercent,
                discountReason: line.pricing!.discountReason,
                rate: line.unitPrice,
                currency: invoice.currency,
              })}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
