import { Checkbox, Modal, SegmentedControl, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea, Input } from '@mantine/core';
import { suffixProps } from '../../components/input-suffix';
import { useForm } from '@mantine/form';
import { clientInput, type Client } from '../../../../shared/api/clients';
import { taxNumberLabel, vatFormatFor } from '../../../../shared/tax/vat-number';
import { localReverseChargeWording } from '../../../../shared/vat/reverse-charge-wording';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { CountrySelect, CurrencySelect, TimeZoneSelect } from '../../components/ReferenceSelects';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { listError, serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { clientInputFrom, clientValues, emptyClient, proposalsForCountry, type ClientValues } from './client-form';
import { fieldMaxLength } from '../../forms/max-length';
import { useConfirmedClose } from '../../forms/unsaved-changes';

interface Props {
  opened: boolean;
  onClose(): void;
  /** Edit this client; omit to create one. */
  client?: Client;
  onSaved?(client: Client): void;
}

export function ClientFormModal({ opened, onClose, client, onSaved }: Props) {
  const profile = useApiQuery('profile.get');
  const create = useApiMutation('clients.create');
  const update = useApiMutation('clients.update');
  const form = useForm<ClientValues>({
    initialValues: client ? clientValues(client) : emptyClient(profile.data?.homeCurrency ?? ''),
    validate: zodValidate(clientInput, clientInputFrom),
  });
  const close = useConfirmedClose(() => form.isDirty(), onClose);
  const saving = create.isPending || update.isPending;
  const format = vatFormatFor(form.values.country);
  const defaultTerms = profile.data?.defaultPaymentTermsDays;
  const localWording = localReverseChargeWording(form.values.country);

  const chooseCountry = (country: string | null) => {
    form.setFieldValue('country', country ?? '');
    if (!country) return;
    // An existing client's currency is left alone: changing it would change what their next invoice is billed in.
    const proposal = proposalsForCountry(form.values, country, !!client || form.isTouched('currency'));
    if (proposal.timezone) form.setFieldValue('timezone', proposal.timezone);
    if (proposal.currency) form.setFieldValue('currency', proposal.currency);
  };

  const submit = form.onSubmit(async (values) => {
    const input = clientInputFrom(values);
    try {
      const saved = client ? await update.mutateAsync({ ...input, id: client.id }) : await create.mutateAsync(input);
      // Saved, so nothing is unsaved when onSaved moves to the client's page.
      form.reset();
      onSaved?.(saved);
      onClose();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });
  const failure = create.error ?? update.error;

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650} size="lg">{client ? `Edit ${client.name}` : 'New client'}</Text>} size="xl">
      <form onSubmit={submit} noValidate aria-label={client ? 'Edit client' : 'New client'}>
        <Stack gap="md">
          <SimpleGrid cols={2}>
            <TextInput label="Name" withAsterisk data-autofocus maxLength={fieldMaxLength(clientInput, 'name')} {...form.getInputProps('name')} />
            <TextInput label="Legal name" description="As it should appear on invoices" maxLength={fieldMaxLength(clientInput, 'legalName')} {...form.getInputProps('legalName')} />
          </SimpleGrid>
          <Input.Wrapper label="Customer type" description="Decides VAT treatment: a business can reverse-charge, a consumer cannot">
            <SegmentedControl
              mt={6}
              data={[
                { value: 'business', label: 'Business' },
                { value: 'consumer', label: 'Consumer' },
              ]}
              {...form.getInputProps('customerType')}
            />
          </Input.Wrapper>
          <SimpleGrid cols={3}>
            <CountrySelect label="Country" withAsterisk placeholder="Choose a country" {...form.getInputProps('country')} onChange={chooseCountry} />
            <TimeZoneSelect label="Time zone" withAsterisk placeholder="Choose a time zone" {...form.getInputProps('timezone')} />
            <CurrencySelect label="Billing currency" withAsterisk placeholder="Choose a currency" {...form.getInputProps('currency')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput
              label={taxNumberLabel(form.values.country)}
              placeholder={format?.example ?? ''}
              description={format ? `Format: ${format.hint}` : 'Optional'}
              maxLength={fieldMaxLength(clientInput, 'taxNumber')}
              {...form.getInputProps('taxNumber')}
            />
            <TextInput
              label="Payment terms"
              description={defaultTerms === undefined ? 'Days' : `Leave blank to use your default (${defaultTerms} days)`}
              inputMode="numeric"
              {...suffixProps('days')}
              {...form.getInputProps('paymentTermsDays')}
            />
          </SimpleGrid>
          {localWording && (
            <Checkbox
              label="Also print the reverse-charge note in the client's language"
              description={`Adds “${localWording}” beside the English note on reverse-charge invoices`}
              {...form.getInputProps('printLocalReverseCharge', { type: 'checkbox' })}
            />
          )}
          <TextInput label="Address" maxLength={fieldMaxLength(clientInput, 'addressLine1')} {...form.getInputProps('addressLine1')} />
          <TextInput aria-label="Address line 2" maxLength={fieldMaxLength(clientInput, 'addressLine2')} {...form.getInputProps('addressLine2')} />
          <SimpleGrid cols={3}>
            <TextInput label="City" maxLength={fieldMaxLength(clientInput, 'city')} {...form.getInputProps('city')} />
            <TextInput label="Region" maxLength={fieldMaxLength(clientInput, 'region')} {...form.getInputProps('region')} />
            <TextInput label="Postal code" maxLength={fieldMaxLength(clientInput, 'postalCode')} {...form.getInputProps('postalCode')} />
          </SimpleGrid>
          <TagsInput label="Tags" description="Press Enter after each tag" clearable maxLength={fieldMaxLength(clientInput, 'tags.0')} {...form.getInputProps('tags')} error={listError(form.errors, 'tags')} />
          <Textarea label="Notes" autosize minRows={2} maxRows={8} maxLength={fieldMaxLength(clientInput, 'notes')} {...form.getInputProps('notes')} />
          <FormError error={failure} />
          <ModalFooter action={client ? 'Save changes' : 'Create client'} onCancel={close} loading={saving} />
        </Stack>
      </form>
    </Modal>
  );
}
