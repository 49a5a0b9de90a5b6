import { Modal, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Lead } from '../../../../shared/api/leads';
import type { Proposal, ProposalAcceptInput } from '../../../../shared/api/proposals';
import { MATCH_REASON_LABELS } from '../../../../shared/proposals/duplicates';
import { ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { ModalFooter } from '../../components/ModalFooter';
import { CountrySelect, CurrencySelect, TimeZoneSelect } from '../../components/ReferenceSelects';
import { computerTimeZone, useToday } from '../../components/dates';
import { serverFieldErrors } from '../../forms/zod-form';

interface AcceptValues {
  /** "new", or the id of the client to link. */
  choice: string;
  name: string;
  country: string | null;
  currency: string | null;
  timezone: string | null;
  taxNumber: string;
  startDate: string;
}

/** Where the call's field paths sit in the dialog. */
const fieldOf = (path: string) => path.replace(/^client\.details\./, '').replace(/^client\.clientId$/, 'choice');

/**
 * Accepts a sent proposal: the client is created from the lead (prefilled, editable) or linked to
 * a likely existing one (same name, business email domain or VAT number), and a draft contract
 * with the proposal's terms starts on the chosen date. Opens the contract when done.
 */
export function AcceptProposalModal({ proposal, lead, onClose }: { proposal: Proposal; lead: Pick<Lead, 'organisation' | 'contactName' | 'title' | 'currency' | 'timezone' | 'country'>; onClose(): void }) {
  const today = useToday();
  const navigate = useNavigate();
  const accept = useApiMutation('proposals.accept');
  const [failure, setFailure] = useState<ApiCallError | null>(null);
  const form = useForm<AcceptValues>({
    initialValues: { choice: 'new', name: lead.organisation ?? lead.contactName ?? lead.title, country: lead.country, currency: lead.currency ?? proposal.terms.currency, timezone: lead.timezone ?? computerTimeZone(), taxNumber: '', startDate: today },
  });
  const values = form.values;
  const [typed] = useDebouncedValue({ name: values.name, taxNumber: values.taxNumber }, 300);
  const matches = useApiQuery('proposals.matches', { id: proposal.id, name: typed.name.trim() || null, taxNumber: typed.taxNumber.trim() || null });

  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    const client: ProposalAcceptInput['client'] =
      v.choice === 'new'
        ? { mode: 'new', details: { name: v.name, country: v.country ?? '', currency: v.currency ?? '', timezone: v.timezone ?? '', customerType: 'business', taxNumber: v.taxNumber.trim() || null } }
        : { mode: 'link', clientId: Number(v.choice) };
    try {
      const accepted = await accept.mutateAsync({ id: proposal.id, client, startDate: v.startDate });
      onClose();
      if (accepted.contractId) navigate(`/contracts/${accepted.contractId}`);
    } catch (error) {
      form.setErrors(Object.fromEntries(Object.entries(serverFieldErrors(error)).map(([path, message]) => [fieldOf(path), message])));
      if (error instanceof ApiCallError) setFailure(error);
    }
  });

  return (
    <Modal opened onClose={onClose} title={<Text fw={650} size="lg">Accept {proposal.title}</Text>} size="lg">
      <form onSubmit={submit} noValidate aria-label="Accept proposal">
        <Stack gap="md">
          <Text size="sm">Accepting wins the lead and starts a draft contract with this proposal’s terms.</Text>
          <Radio.Group label="Client" {...form.getInputProps('choice')}>
            <Stack gap="xs" mt="xs">
              {(matches.data ?? []).map((m) => (
                <Radio key={m.clientId} value={String(m.clientId)} label={`Link to ${m.name}`} description={`Likely the same: ${m.reasons.map((r) => MATCH_REASON_LABELS[r]).join(', ')}`} />
              ))}
              <Radio value="new" label="Create a new client" />
            </Stack>
          </Radio.Group>
          {values.choice === 'new' && (
            <>
              <SimpleGrid cols={2}>
                <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
                <TextInput label="VAT or tax number" {...form.getInputProps('taxNumber')} />
              </SimpleGrid>
              <SimpleGrid cols={3}>
                <CountrySelect label="Country" withAsterisk {...form.getInputProps('country')} />
                <CurrencySelect label="Currency" withAsterisk {...form.getInputProps('currency')} />
                <TimeZoneSelect label="Time zone" withAsterisk {...form.getInputProps('timezone')} />
              </SimpleGrid>
            </>
          )}
          <DateField label="Contract starts" withAsterisk {...form.getInputProps('startDate')} />
          {failure && (
            <Text c="red" size="sm" role="alert">
              {failure.message}
            </Text>
          )}
          <ModalFooter action="Accept and create contract" onCancel={onClose} loading={accept.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
