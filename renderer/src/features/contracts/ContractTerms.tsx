import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ContractVersion } from '../../../../shared/api/contracts';
import { formatDate } from '../../components/dates';
import { BILLING_CYCLE_LABELS } from './labels';
import { describeRate, formatDecimal, formatMoney } from '../../components/format';

const plural = new Intl.PluralRules('en');
const NOTICE_WORDS = { day: ['day', 'days'], week: ['week', 'weeks'], month: ['month', 'months'] } as const;

function notice(amount: number, unit: keyof typeof NOTICE_WORDS): string {
  if (amount === 0) return 'None';
  return `${amount} ${NOTICE_WORDS[unit][plural.select(amount) === 'one' ? 0 : 1]}`;
}

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** One version's terms, read-only, in the order the engagement letter prints them. */
export function ContractTerms({ version: v }: { version: ContractVersion }) {
  const money = (minor: number) => formatMoney({ amount: minor, currency: v.rate.currency });
  const rounding = v.rounding.mode === 'none' ? 'None: time is billed as tracked' : `${v.rounding.mode === 'up' ? 'Up' : 'To the nearest'} ${v.rounding.incrementMinutes} minutes, ${v.rounding.scope === 'entry' ? 'per entry' : 'per day total'}`;
  const expenses =
    v.expensePolicy.kind === 'not-rebillable' ? 'Not rebillable' : `${v.expensePolicy.kind === 'markup' ? `Rebilled with a ${formatDecimal(v.expensePolicy.markupPercent ?? '0')}% markup` : 'Rebilled at cost'}${v.expensePolicy.capMinor !== null ? `, capped at ${money(v.expensePolicy.capMinor)} per billing period` : ''}`;
  return (
    <Card>
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">{v.versionNumber === 1 ? 'Terms' : `Terms of amendment ${v.versionNumber - 1}`}</Title>
        <Text size="sm" c="dimmed">
          {v.signedAt ? `Signed ${formatDate(v.signedAt.slice(0, 10))}` : 'Draft, not signed'}
        </Text>
      </Group>
      <Stack gap="lg">
        {v.scope && (
          <Term label="Scope">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {v.scope}
            </Text>
          </Term>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <Term label="Term">
            {formatDate(v.startDate)} – {v.endDate ? formatDate(v.endDate) : 'open-ended'}
          </Term>
          <Term label="Effective from">{formatDate(v.effectiveFrom)}</Term>
          <Term label="Notice">{notice(v.notice.amount, v.notice.unit)}</Term>
          <Term label="Rate card">
            {v.rateCardName} (price from {formatDate(v.rateCardVersionFrom)})
          </Term>
          <Term label="Rate">{describeRate(v.rate)}</Term>
          <Term label="Discount">{v.discount.kind === 'none' ? 'None' : v.discount.kind === 'rule' ? `${v.discount.ruleName}: ${formatDecimal(v.rate.discountPercent)}%` : `${formatDecimal(v.discount.percent)}%: ${v.discount.reason}`}</Term>
          {v.fx && (
            <Term label="Conversion">
              {formatDecimal(v.fx.rate)} {v.rate.currency} per 1 {v.rate.listCurrency} ({formatDate(v.fx.date)}), {v.fx.mode === 'fixed' ? 'fixed for the contract' : 'at the rate on each billing date'}
            </Term>
          )}
          <Term label="Billing cycle">
            {BILLING_CYCLE_LABELS[v.billingCycle.kind]}
            {v.billingCycle.anchor ? ` from ${formatDate(v.billingCycle.anchor)}` : ''}
          </Term>
          <Term label="VAT tax point">{v.continuousSupply ? 'Continuous supply: the invoice or the payment, whichever is first' : 'The usual rules'}</Term>
          <Term label="Payment terms">{v.paymentTermsDays === 0 ? 'Due on receipt' : `${v.paymentTermsDays} days`}</Term>
          <Term label="PO number">{v.poNumber ?? '—'}</Term>
          {v.rate.unit !== 'fixed' && <Term label="Rounding">{rounding}</Term>}
          <Term label="Expenses">{expenses}</Term>
          <Term label="Retainer">
            {v.retainer
              ? `${money(v.retainer.monthlyFeeMinor)} a month for ${formatDecimal(v.retainer.includedHours)} h, then ${money(v.retainer.overageRateMinor)}/h; ${v.retainer.rollover ? `unused hours roll over${v.retainer.rolloverCapHours ? ` up to ${formatDecimal(v.retainer.rolloverCapHours)} h` : ''}` : 'no rollover'}`
              : 'None'}
          </Term>
          <Term label="Budget">{v.budget ? (v.budget.kind === 'hours' ? `${v.budget.amount} hours` : money(Number(v.budget.amount))) : 'None'}</Term>
          {v.ir35 && (
            <Term label="IR35">
              {v.ir35.status === 'inside' ? 'Inside IR35' : v.ir35.status === 'outside' ? 'Outside IR35' : 'Not assessed'}
              {v.ir35.sdsReceived ? `; statement received ${formatDate(v.ir35.sdsDate)}` : '; no status determination statement'}
            </Term>
          )}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
