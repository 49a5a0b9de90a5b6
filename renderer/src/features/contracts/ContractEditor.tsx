import { Alert, Button, Card, Checkbox, Grid, Group, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Contract } from '../../../../shared/api/contracts';
import { nextBillingDate } from '../../../../shared/contracts/billing-cycle';
import type { BillingCycleKind } from '../../../../shared/contracts/types';
import { ApiCallError, call } from '../../api/client';
import { paymentTermsFor } from '../../../../shared/clients/payment-terms';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate } from '../../components/dates';
import { FormError } from '../../components/FormError';
import { CurrencySelect } from '../../components/ReferenceSelects';
import { serverFieldErrors } from '../../forms/zod-form';
import { ClientSelect } from '../clients/ClientSelect';
import { contractInputOf, editorErrors, editorMaxLength, type ContractValues } from './contract-form';
import { BILLING_CYCLE_LABELS } from './labels';
import { suffixProps } from '../../components/input-suffix';
import { useUnsavedChanges } from '../../forms/unsaved-changes';
import { describeRate, formatDecimal } from '../../components/format';
import { DateField } from '../../components/DateField';
import { numberInputProps, numberProblems, typedText, withCanonicalNumbers, withTypedNumbers } from '../../forms/numbers';

interface Props {
  initial: ContractValues;
  /** The contract being edited (its draft or amendment), or null for a new one. */
  contract: Contract | null;
  /** The date the edited version takes effect: the start date for version 1, fixed for an amendment. */
  amendmentFrom: string | null;
  today: string;
}

/** The terms typed as numbers in the display locale. */
const NUMBER_FIELDS = ['discountPercent', 'fxRate', 'markupPercent', 'expenseCap', 'retainerFee', 'retainerHours', 'retainerOverage', 'retainerRolloverCap', 'budgetAmount'] as const;

/**
 * The contract editor: every term, with the rate resolved live by the main process (the same
 * resolution signing uses) and the next billing date from the cycle. Saving sends the terms as
 * typed; every refusal comes back on its field.
 */
export function ContractEditor({ initial, contract, amendmentFrom, today }: Props) {
  const navigate = useNavigate();
  const create = useApiMutation('contracts.create');
  const update = useApiMutation('contracts.updateDraft');
  const cards = useApiQuery('rateCards.list');
  const rules = useApiQuery('discounts.list');
  const profile = useApiQuery('profile.get');
  const form = useForm<ContractValues>({ initialValues: withTypedNumbers(initial, NUMBER_FIELDS), validate: (v) => numberProblems(v, NUMBER_FIELDS) });
  useUnsavedChanges(() => form.isDirty());
  const [saveError, setSaveError] = useState<ApiCallError | null>(null);
  const values = form.values;
  const card = cards.data?.find((c) => String(c.id) === values.rateCardId) ?? null;
  const isAmendment = amendmentFrom !== null;
  const cardOptions = (cards.data ?? []).filter((c) => !c.archived || String(c.id) === values.rateCardId).map((c) => ({ value: String(c.id), label: `${c.name} (${c.currency})` }));
  const ruleOptions = (rules.data ?? []).filter((r) => !r.archived || String(r.id) === values.discountRuleId).map((r) => ({ value: String(r.id), label: r.name }));

  const submit = form.onSubmit(async (v) => {
    setSaveError(null);
    const input = contractInputOf(withCanonicalNumbers(v, NUMBER_FIELDS), card?.currency ?? null);
    try {
      const saved = contract ? await update.mutateAsync({ ...input, id: contract.id }) : await create.mutateAsync(input);
      form.resetDirty();
      navigate(`/contracts/${saved.id}`);
    } catch (error) {
      form.setErrors(editorErrors(serverFieldErrors(error)));
      if (error instanceof ApiCallError) setSaveError(error);
    }
  });

  /** A new contract is in the client's currency with the client's payment terms, until the user changes them. */
  const chooseClient = async (id: string | null) => {
    form.setFieldValue('clientId', id);
    if (contract || id === null) return;
    try {
      const client = await call('clients.get', { id: Number(id) });
      form.setValues({ currency: client.currency, paymentTermsDays: paymentTermsFor(client, profile.data) });
    } catch {
      // The client stays chosen; saving reports a client that has gone.
    }
  };
  const cycleNeedsAnchor = values.billingCycle === 'weekly' || values.billingCycle === 'fortnightly';
  const nextBilling = safeNextBilling(values, today);
  return (
    <form onSubmit={submit} noValidate aria-label="Contract">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Card>
              <Title order={2} size="h4" mb="md">
                Client and scope
              </Title>
              <Stack>
                <ClientSelect label="Client" withAsterisk status="active" disabled={isAmendment} placeholder="Search clients" value={values.clientId} onChange={(v) => void chooseClient(v)} error={form.errors.clientId} />
                <TextInput label="Title" withAsterisk placeholder="Postgres performance retainer" maxLength={editorMaxLength('title')} {...form.getInputProps('title')} />
                <Textarea label="Scope" description="What the work covers. Printed on the engagement letter." autosize minRows={3} maxRows={10} maxLength={editorMaxLength('scope')} {...form.getInputProps('scope')} />
              </Stack>
            </Card>

            <Card>
              <Title order={2} size="h4" mb="md">
                Term
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <DateField
                  label="Start date"
                  withAsterisk
                  disabled={isAmendment}
                  {...form.getInputProps('startDate')}
                  // The first billing period starts with the contract unless the user chose another day.
                  onChange={(value) => form.setValues({ startDate: value, ...(values.billingAnchor === values.startDate ? { billingAnchor: value } : {}) })}
                />
                <Stack gap={6}>
                  <DateField label="End date" disabled={values.openEnded} {...form.getInputProps('endDate')} />
                  <Checkbox label="Open-ended" {...form.getInputProps('openEnded', { type: 'checkbox' })} />
                </Stack>
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput label="Notice" inputMode="numeric" w={90} {...form.getInputProps('noticeAmount')} />
                  <Select
                    label="Unit"
                    aria-label="Notice unit"
                    allowDeselect={false}
                    data={[
                      { value: 'day', label: 'days' },
                      { value: 'week', label: 'weeks' },
                      { value: 'month', label: 'months' },
                    ]}
                    w={110}
                    {...form.getInputProps('noticeUnit')}
                  />
                </Group>
              </SimpleGrid>
              {isAmendment && (
                <Text size="sm" c="dimmed" mt="sm">
                  This amendment takes effect on {formatDate(amendmentFrom)}. The signed versions before it stay as they are.
                </Text>
              )}
            </Card>

            <Card>
              <Title order={2} size="h4" mb="md">
                Rate
              </Title>
              <Stack>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label="Rate card"
                    withAsterisk
                    allowDeselect={false}
                    data={cardOptions}
                    placeholder={cards.data?.length === 0 ? 'Add a rate card in Settings first' : 'Choose a rate card'}
                    nothingFoundMessage="No rate cards yet"
                    value={values.rateCardId}
                    onChange={(v) => form.setFieldValue('rateCardId', v)}
                    error={form.errors.rateCardId}
                  />
                  <CurrencySelect label="Contract currency" withAsterisk {...form.getInputProps('currency')} />
                </SimpleGrid>
                {card && card.currency !== values.currency && values.currency !== '' && (
                  <Stack gap="xs">
                    <Text size="sm">
                      The rate card is in {card.currency}. The client pays in {values.currency}, converted:
                    </Text>
                    <SimpleGrid cols={{ base: 1, sm: 3 }}>
                      <Select
                        label="Conversion"
                        allowDeselect={false}
                        data={[
                          { value: 'fixed', label: 'Fixed on the contract' },
                          { value: 'billing-date', label: 'On each billing date' },
                        ]}
                        {...form.getInputProps('fxMode')}
                      />
                      <TextInput label={`${values.currency} per 1 ${card.currency}`} withAsterisk inputMode="decimal" placeholder={typedText('0.79')} maxLength={editorMaxLength('fxRate')} {...numberInputProps(form, 'fxRate')} />
                      <DateField label="Rate date" {...form.getInputProps('fxDate')} />
                    </SimpleGrid>
                  </Stack>
                )}
                <SegmentedControl
                  aria-label="Discount"
                  value={values.discountKind}
                  onChange={(v) => form.setFieldValue('discountKind', v as ContractValues['discountKind'])}
                  data={[
                    { value: 'none', label: 'No discount' },
                    { value: 'rule', label: 'Discount rule' },
                    { value: 'custom', label: 'Custom discount' },
                  ]}
                />
                {values.discountKind === 'rule' && (
                  <Select label="Discount rule" withAsterisk allowDeselect={false} data={ruleOptions} placeholder={rules.data?.length === 0 ? 'Add a discount rule in Settings first' : 'Choose a rule'} value={values.discountRuleId} onChange={(v) => form.setFieldValue('discountRuleId', v)} error={form.errors.discountRuleId} />
                )}
                {values.discountKind === 'custom' && (
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput label="Discount %" withAsterisk inputMode="decimal" placeholder={typedText('7.5')} maxLength={editorMaxLength('discountPercent')} {...numberInputProps(form, 'discountPercent')} />
                    <TextInput label="Reason" withAsterisk placeholder="Charity rate" style={{ gridColumn: 'span 2' }} maxLength={editorMaxLength('discountReason')} {...form.getInputProps('discountReason')} />
                  </SimpleGrid>
                )}
                {card?.unit !== 'fixed' && (
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <Select
                      label="Rounding"
                      allowDeselect={false}
                      data={[
                        { value: 'none', label: 'No rounding' },
                        { value: 'up', label: 'Round up' },
                        { value: 'nearest', label: 'Round to nearest' },
                      ]}
                      {...form.getInputProps('roundingMode')}
                    />
                    <Select label="Increment" disabled={values.roundingMode === 'none'} allowDeselect={false} data={['1', '6', '15', '30'].map((m) => ({ value: m, label: `${m} minutes` }))} {...form.getInputProps('roundingIncrement')} />
                    <Select
                      label="Applied"
                      disabled={values.roundingMode === 'none'}
                      allowDeselect={false}
                      data={[
                        { value: 'entry', label: 'Per entry' },
                        { value: 'day', label: 'Per day total' },
                      ]}
                      {...form.getInputProps('roundingScope')}
                    />
                  </SimpleGrid>
                )}
                {card?.unit === 'fixed' && form.errors.roundingMode && (
                  <Text size="sm" c="red">
                    {form.errors.roundingMode}
                  </Text>
                )}
              </Stack>
            </Card>

            <Card>
              <Title order={2} size="h4" mb="md">
                Billing and payment
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select label="Billing cycle" allowDeselect={false} data={Object.entries(BILLING_CYCLE_LABELS).map(([value, label]) => ({ value, label }))} value={values.billingCycle} onChange={(v) => form.setFieldValue('billingCycle', v as BillingCycleKind)} error={form.errors.billingCycle} />
                {cycleNeedsAnchor && <DateField label="First period starts" withAsterisk {...form.getInputProps('billingAnchor')} />}
                <TextInput label="Payment terms (days)" inputMode="numeric" {...form.getInputProps('paymentTermsDays')} />
                <TextInput label="PO number" maxLength={editorMaxLength('poNumber')} {...form.getInputProps('poNumber')} />
              </SimpleGrid>
              <Checkbox
                mt="md"
                label="Continuous supply of services"
                description="Retainers and work billed every period: each invoice's VAT tax point is the invoice or the payment, whichever comes first"
                {...form.getInputProps('continuousSupply', { type: 'checkbox' })}
              />
            </Card>

            <Card>
              <Title order={2} size="h4" mb="md">
                Expenses
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label="Expense policy"
                  allowDeselect={false}
                  data={[
                    { value: 'at-cost', label: 'Rebill at cost' },
                    { value: 'markup', label: 'Rebill with a markup' },
                    { value: 'not-rebillable', label: 'Not rebillable' },
                  ]}
                  {...form.getInputProps('expensePolicy')}
                />
                {values.expensePolicy === 'markup' && <TextInput label="Markup %" withAsterisk inputMode="decimal" placeholder="10" maxLength={editorMaxLength('markupPercent')} {...numberInputProps(form, 'markupPercent')} />}
                {values.expensePolicy !== 'not-rebillable' && <TextInput label="Cap per billing period" inputMode="decimal" placeholder="No cap" {...suffixProps(values.currency)} maxLength={editorMaxLength('expenseCap')} {...numberInputProps(form, 'expenseCap')} />}
              </SimpleGrid>
            </Card>

            <Card>
              <Title order={2} size="h4" mb="md">
                Retainer and budget
              </Title>
              <Stack>
                <Switch
                  label="Monthly retainer, prepaid"
                  checked={values.hasRetainer}
                  // A prepaid retainer is the typical continuous supply (rules §2.4); the user can still untick it.
                  onChange={(e) => form.setValues({ hasRetainer: e.currentTarget.checked, ...(e.currentTarget.checked ? { continuousSupply: true, billingCycle: 'monthly' } : {}) })}
                />
                {values.hasRetainer && (
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput label="Monthly fee" withAsterisk inputMode="decimal" {...suffixProps(values.currency)} maxLength={editorMaxLength('retainerFee')} {...numberInputProps(form, 'retainerFee')} />
                    <TextInput label="Included hours a month" withAsterisk inputMode="decimal" maxLength={editorMaxLength('retainerHours')} {...numberInputProps(form, 'retainerHours')} />
                    <TextInput label="Overage rate per hour" withAsterisk inputMode="decimal" {...suffixProps(values.currency)} maxLength={editorMaxLength('retainerOverage')} {...numberInputProps(form, 'retainerOverage')} />
                    <Checkbox label="Roll unused hours over" mt="xs" {...form.getInputProps('retainerRollover', { type: 'checkbox' })} />
                    {values.retainerRollover && <TextInput label="Rollover cap (hours)" placeholder="No cap" inputMode="decimal" maxLength={editorMaxLength('retainerRolloverCap')} {...numberInputProps(form, 'retainerRolloverCap')} />}
                  </SimpleGrid>
                )}
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Select
                    label="Budget"
                    allowDeselect={false}
                    data={[
                      { value: 'none', label: 'No budget' },
                      { value: 'hours', label: 'In hours' },
                      { value: 'money', label: 'In money' },
                    ]}
                    {...form.getInputProps('budgetKind')}
                  />
                  {values.budgetKind !== 'none' && (
                    <TextInput label={values.budgetKind === 'hours' ? 'Budget (hours)' : `Budget (${values.currency})`} withAsterisk inputMode="decimal" maxLength={editorMaxLength('budgetAmount')} {...numberInputProps(form, 'budgetAmount')} />
                  )}
                </SimpleGrid>
              </Stack>
            </Card>

            {profile.data?.country === 'GB' && (
              <Card>
                <Title order={2} size="h4" mb="md">
                  IR35
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Select
                    label="IR35 status"
                    allowDeselect={false}
                    data={[
                      { value: 'none', label: 'Not recorded' },
                      { value: 'not-assessed', label: 'Not assessed' },
                      { value: 'outside', label: 'Outside IR35' },
                      { value: 'inside', label: 'Inside IR35' },
                    ]}
                    {...form.getInputProps('ir35Status')}
                  />
                  {values.ir35Status !== 'none' && <Checkbox label="Status determination statement received" mt={28} {...form.getInputProps('sdsReceived', { type: 'checkbox' })} />}
                  {values.ir35Status !== 'none' && values.sdsReceived && <DateField label="Received on" withAsterisk {...form.getInputProps('sdsDate')} />}
                </SimpleGrid>
              </Card>
            )}
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg" style={{ position: 'sticky', top: 16 }}>
            <RatePanel values={values} cardCurrency={card?.currency ?? null} effectiveFrom={amendmentFrom ?? values.startDate} contractId={contract?.id ?? null} />
            <Card>
              <Text size="sm" c="dimmed">
                Next billing date
              </Text>
              <Text fw={600} data-testid="next-billing-date">
                {nextBilling === undefined ? '—' : nextBilling === null ? BILLING_CYCLE_LABELS[values.billingCycle] : formatDate(nextBilling)}
              </Text>
              <Text size="xs" c="dimmed">
                {nextBilling ? `The end of the ${values.billingCycle === 'fortnightly' ? 'fortnight' : 'period'} in progress on ${formatDate(maxDate(today, values.startDate))}.` : ''}
              </Text>
            </Card>
            <FormError error={saveError} />
            {saveError && Object.keys(saveError.fieldErrors).length > 0 && (
              <Alert color="red" role="alert">
                {Object.keys(saveError.fieldErrors).length === 1 ? 'One field needs attention.' : `${Object.keys(saveError.fieldErrors).length} fields need attention.`} Nothing was saved.
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={create.isPending || update.isPending}>
                {contract ? (isAmendment ? 'Save amendment' : 'Save draft') : 'Create draft contract'}
              </Button>
              <Button variant="default" onClick={() => navigate(contract ? `/contracts/${contract.id}` : '/contracts')}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
  );
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** The next billing date for the fields as typed; undefined while a date is incomplete. */
function safeNextBilling(values: ContractValues, today: string): string | null | undefined {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (!iso.test(values.startDate) || (!values.openEnded && !iso.test(values.endDate))) return undefined;
  const anchor = values.billingCycle === 'weekly' || values.billingCycle === 'fortnightly' ? values.billingAnchor : null;
  if (anchor !== null && !iso.test(anchor)) return undefined;
  try {
    return nextBillingDate({ kind: values.billingCycle, anchor }, values.startDate, values.openEnded ? null : values.endDate, today);
  } catch {
    return undefined;
  }
}

/** "$300/h list, 10% retained, $270/h", resolved by main from the card, the discount and the engagement so far. */
function RatePanel({ values, cardCurrency, effectiveFrom, contractId }: { values: ContractValues; cardCurrency: string | null; effectiveFrom: string; contractId: number | null }) {
  const input = contractInputOf(withCanonicalNumbers(values, NUMBER_FIELDS), cardCurrency);
  const [debounced] = useDebouncedValue({ clientId: input.clientId, rateCardId: input.rateCardId, discount: input.discount, currency: input.currency, fx: input.fx, effectiveFrom, contractId }, 250);
  const ready = debounced.clientId > 0 && debounced.rateCardId > 0 && /^\d{4}-\d{2}-\d{2}$/.test(debounced.effectiveFrom) && debounced.currency !== '';
  const preview = useApiQuery('contracts.previewRate', debounced, { enabled: ready, retry: false, placeholderData: keepPreviousData });
  return (
    <Card data-testid="rate-panel">
      <Text size="sm" c="dimmed">
        Effective rate
      </Text>
      {!ready ? (
        <Text size="sm">Choose a client and a rate card to see the rate.</Text>
      ) : preview.error ? (
        <Text size="sm" c="red" data-testid="rate-problem">
          {Object.values(preview.error.fieldErrors)[0] ?? preview.error.message}
        </Text>
      ) : preview.data ? (
        <Stack gap={4}>
          <Text fw={650} size="lg" data-testid="effective-rate">
            {describeRate(preview.data.rate)}
          </Text>
          {preview.data.nextTier && (
            <Text size="xs" c="dimmed">
              {formatDecimal(preview.data.nextTier.percent)}% from {formatDate(preview.data.nextTier.date)} if the engagement continues.
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm">Working it out…</Text>
      )}
    </Card>
  );
}
