import { Modal, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { leadInput, type Lead } from '../../../../shared/api/leads';
import { LEAD_SOURCES, SOURCE_LABELS } from '../../../../shared/leads/sources';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { CountrySelect, CurrencySelect, TimeZoneSelect } from '../../components/ReferenceSelects';
import { fieldMaxLength } from '../../forms/max-length';
import { useConfirmedClose } from '../../forms/unsaved-changes';
import { listError, serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { emptyLead, leadFormValues, leadInputOf, type LeadFormValues } from './lead-form';

const SOURCE_DETAIL: Record<LeadFormValues['source'], { label: string; placeholder: string } | null> = {
  direct: null,
  referral: { label: 'Referred by', placeholder: 'Who introduced you' },
  inbound: { label: 'Found you through', placeholder: 'Website, a talk, an article' },
  platform: { label: 'Platform', placeholder: 'e.g. Toptal, Upwork' },
  recruiter: { label: 'Agency', placeholder: 'The recruiter or agency' },
};

interface Props {
  lead?: Lead;
  onClose(): void;
  onCreated?(id: number): void;
}

/** Creates a lead (`onCreated` gets its id) or edits one; a new lead's estimate starts in the home currency, so the form waits for the profile. */
export function LeadFormModal(props: Props) {
  const profile = useApiQuery('profile.get');
  if (profile.isPending) return null;
  return <LeadForm {...props} homeCurrency={profile.data?.homeCurrency ?? null} />;
}

/** Every field checked by the API's own schema. */
function LeadForm({ lead, onClose, onCreated, homeCurrency }: Props & { homeCurrency: string | null }) {
  const create = useApiMutation('leads.create');
  const update = useApiMutation('leads.update');
  const form = useForm<LeadFormValues>({
    initialValues: lead ? leadFormValues(lead) : emptyLead(homeCurrency),
    validate: zodValidate(leadInput, leadInputOf),
  });
  const close = useConfirmedClose(() => form.isDirty(), onClose);
  const failure = create.error ?? update.error;
  const detail = SOURCE_DETAIL[form.values.source];

  const submit = form.onSubmit(async (values) => {
    try {
      if (lead) {
        await update.mutateAsync({ ...leadInputOf(values), id: lead.id });
        onClose();
      } else {
        const created = await create.mutateAsync(leadInputOf(values));
        onClose();
        onCreated?.(created.id);
      }
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });

  return (
    <Modal opened onClose={close} title={<Text fw={650} size="lg">{lead ? `Edit ${lead.title}` : 'New lead'}</Text>} size="xl">
      <form onSubmit={submit} noValidate aria-label={lead ? 'Edit lead' : 'New lead'}>
        <Stack gap="md">
          <TextInput label="Title" withAsterisk data-autofocus placeholder="e.g. Postgres tuning for Acme" maxLength={fieldMaxLength(leadInput, 'title')} {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Organisation" maxLength={fieldMaxLength(leadInput, 'organisation')} {...form.getInputProps('organisation')} />
            <TextInput label="Contact" placeholder="Their name" maxLength={fieldMaxLength(leadInput, 'contactName')} {...form.getInputProps('contactName')} />
            <TextInput label="Email" type="email" maxLength={fieldMaxLength(leadInput, 'contactEmail')} {...form.getInputProps('contactEmail')} />
            <TextInput label="Phone" maxLength={fieldMaxLength(leadInput, 'contactPhone')} {...form.getInputProps('contactPhone')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Source" withAsterisk allowDeselect={false} data={LEAD_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))} {...form.getInputProps('source')} />
            {detail && <TextInput label={detail.label} placeholder={detail.placeholder} maxLength={fieldMaxLength(leadInput, 'sourceDetail')} {...form.getInputProps('sourceDetail')} />}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Estimated value" inputMode="decimal" placeholder="e.g. 24000" maxLength={fieldMaxLength(leadInput, 'estimate')} {...form.getInputProps('estimate')} />
            <CurrencySelect label="Currency" placeholder="Choose a currency" clearable {...form.getInputProps('currency')} />
            <DateField label="Expected start" {...form.getInputProps('expectedStart')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CountrySelect label="Country" description="The client’s country if they accept a proposal" placeholder="Choose a country" clearable {...form.getInputProps('country')} />
            <TimeZoneSelect label="Their time zone" description="For the overlap with your working hours and for call times" placeholder="Choose a time zone" clearable {...form.getInputProps('timezone')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Next action" placeholder="e.g. Send availability" maxLength={fieldMaxLength(leadInput, 'nextAction')} {...form.getInputProps('nextAction')} />
            <DateField label="Due" {...form.getInputProps('nextActionDue')} />
          </SimpleGrid>
          <TagsInput label="Links" description="Website, LinkedIn, the job post: press Enter after each" maxLength={fieldMaxLength(leadInput, 'links.0')} {...form.getInputProps('links')} error={listError(form.errors, 'links')} />
          <TagsInput label="Tags" description="Press Enter after each tag" maxLength={fieldMaxLength(leadInput, 'tags.0')} {...form.getInputProps('tags')} error={listError(form.errors, 'tags')} />
          <Textarea label="Notes" autosize minRows={3} maxRows={10} maxLength={fieldMaxLength(leadInput, 'notes')} {...form.getInputProps('notes')} />
          <FormError error={failure} />
          <ModalFooter action={lead ? 'Save lead' : 'Add lead'} onCancel={close} loading={create.isPending || update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
