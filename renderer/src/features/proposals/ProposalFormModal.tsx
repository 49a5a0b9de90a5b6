import { Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Lead } from '../../../../shared/api/leads';
import { proposalInput, type Proposal } from '../../../../shared/api/proposals';
import { estimateUnit } from '../../../../shared/proposals/price';
import { ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { CurrencySelect } from '../../components/ReferenceSelects';
import { useToday } from '../../components/dates';
import { fieldMaxLength } from '../../forms/max-length';
import { numberInputProps, typedText } from '../../forms/numbers';
import { useConfirmedClose } from '../../forms/unsaved-changes';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { BILLING_CYCLE_LABELS } from '../contracts/labels';
import { proposalErrors, proposalInputOf, proposalValues, type ProposalValues } from './proposal-form';

interface Props {
  lead: Pick<Lead, 'id' | 'title' | 'currency'>;
  /** The draft to edit; a new proposal without it. */
  proposal?: Proposal;
  onClose(): void;
}

/** Drafts or edits a proposal: scope, the rate card and discount, the estimate, billing cycle, currency and validity. */
export function ProposalFormModal({ lead, proposal, onClose }: Props) {
  const today = useToday();
  const create = useApiMutation('proposals.create');
  const update = useApiMutation('proposals.update');
  const cards = useApiQuery('rateCards.list');
  const rules = useApiQuery('discounts.list');
  const [failure, setFailure] = useState<ApiCallError | null>(null);
  const cardOf = (id: string | null) => cards.data?.find((c) => String(c.id) === id) ?? null;
  const toInput = (v: ProposalValues) => proposalInputOf(v, lead.id, cardOf(v.rateCardId)?.currency ?? null, today);
  const form = useForm<ProposalValues>({
    initialValues: proposalValues(lead, today, proposal),
    validate: (v) => proposalErrors(zodValidate(proposalInput, toInput)(v)),
  });
  const close = useConfirmedClose(() => form.isDirty(), onClose);
  const values = form.values;
  const card = cardOf(values.rateCardId);
  const foreign = card !== null && values.currency !== null && values.currency !== card.currency;
  const cardOptions = (cards.data ?? []).filter((c) => !c.archived).map((c) => ({ value: String(c.id), label: `${c.name} (${c.currency})` }));
  const ruleOptions = (rules.data ?? []).filter((r) => !r.archived).map((r) => ({ value: String(r.id), label: r.name }));

  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    const input = toInput(v);
    try {
      if (proposal) await update.mutateAsync({ ...input, id: proposal.id });
      else await create.mutateAsync(input);
      form.resetDirty();
      onClose();
    } catch (error) {
      form.setErrors(proposalErrors(serverFieldErrors(error)));
      if (error instanceof ApiCallError) setFailure(error);
    }
  });

  return (
    <Modal opened onClose={close} title={<Text fw={650} size="lg">{proposal ? 'Edit proposal' : 'New proposal'}</Text>} size="xl">
      <form onSubmit={submit} noValidate aria-label={proposal ? 'Edit proposal' : 'New proposal'}>
        <Stack gap="md">
          <TextInput label="Title" withAsterisk data-autofocus maxLength={fieldMaxLength(proposalInput, 'title')} {...form.getInputProps('title')} />
          <Textarea label="Scope" description="What the work covers; blank lines start new paragraphs on the PDF." autosize minRows={4} maxRows={12} maxLength={fieldMaxLength(proposalInput, 'scope')} {...form.getInputProps('scope')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Rate card"
              withAsterisk
              allowDeselect={false}
              data={cardOptions}
              placeholder={cards.data?.length === 0 ? 'Add a rate card in Settings first' : 'Choose a rate card'}
              {...form.getInputProps('rateCardId')}
              onChange={(id) => form.setValues({ rateCardId: id, ...(values.currency === null ? { currency: cardOf(id)?.currency ?? null } : {}) })}
            />
            <CurrencySelect label="Currency" withAsterisk {...form.getInputProps('currency')} />
          </SimpleGrid>
          {foreign && (
            <TextInput
              label={`Exchange rate: ${values.currency} per 1 ${card.currency}`}
              withAsterisk
              inputMode="decimal"
              placeholder={typedText('0.79')}
              {...numberInputProps(form, 'fxRate')}
            />
          )}
          <SegmentedControl
            aria-label="Discount"
            value={values.discountKind}
            onChange={(v) => form.setFieldValue('discountKind', v as ProposalValues['discountKind'])}
            data={[
              { value: 'none', label: 'No discount' },
              { value: 'rule', label: 'Discount rule' },
              { value: 'custom', label: 'Custom discount' },
            ]}
          />
          {values.discountKind === 'rule' && <Select label="Discount rule" withAsterisk allowDeselect={false} data={ruleOptions} placeholder="Choose a rule" {...form.getInputProps('discountRuleId')} />}
          {values.discountKind === 'custom' && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="Discount %" withAsterisk inputMode="decimal" {...numberInputProps(form, 'discountPercent')} />
              <TextInput label="Reason" withAsterisk style={{ gridColumn: 'span 2' }} {...form.getInputProps('discountReason')} />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={`Estimate (${card ? estimateUnit(card.unit) : 'hours or days'})`} withAsterisk inputMode="decimal" placeholder={typedText('40')} {...numberInputProps(form, 'estimate')} />
            <Select label="Billing cycle" allowDeselect={false} data={Object.entries(BILLING_CYCLE_LABELS).map(([value, label]) => ({ value, label }))} {...form.getInputProps('billingCycle')} />
            <DateField label="Valid until" withAsterisk {...form.getInputProps('validUntil')} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            The price is the estimate × the rate after discount, without VAT: a proposal is not a tax document.
          </Text>
          <FormError error={failure} />
          <ModalFooter action={proposal ? 'Save proposal' : 'Create proposal'} onCancel={close} loading={create.isPending || update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
