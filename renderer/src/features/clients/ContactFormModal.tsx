import { Checkbox, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { contactInput, type Contact } from '../../../../shared/api/clients';
import { useApiMutation } from '../../api/hooks';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { fieldMaxLength } from '../../forms/max-length';
import { useConfirmedClose } from '../../forms/unsaved-changes';

interface ContactValues {
  name: string;
  role: string;
  email: string;
  phone: string;
  isBilling: boolean;
}

interface Props {
  clientId: number;
  contact?: Contact;
  onClose(): void;
}

export function ContactFormModal({ clientId, contact, onClose }: Props) {
  const create = useApiMutation('contacts.create');
  const update = useApiMutation('contacts.update');
  const form = useForm<ContactValues>({
    initialValues: {
      name: contact?.name ?? '',
      role: contact?.role ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      isBilling: contact?.isBilling ?? false,
    },
    validate: zodValidate(contactInput, (values: ContactValues) => ({ ...values, clientId })),
  });
  const close = useConfirmedClose(() => form.isDirty(), onClose);
  const saving = create.isPending || update.isPending;
  const failure = create.error ?? update.error;

  const submit = form.onSubmit(async (values) => {
    try {
      if (contact) await update.mutateAsync({ ...values, id: contact.id });
      else await create.mutateAsync({ ...values, clientId });
      onClose();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });

  return (
    <Modal opened onClose={close} title={<Text fw={650} size="lg">{contact ? `Edit ${contact.name}` : 'New contact'}</Text>} size="lg">
      <form onSubmit={submit} noValidate aria-label={contact ? 'Edit contact' : 'New contact'}>
        <Stack gap="md">
          <SimpleGrid cols={2}>
            <TextInput label="Name" withAsterisk data-autofocus maxLength={fieldMaxLength(contactInput, 'name')} {...form.getInputProps('name')} />
            <TextInput label="Role" placeholder="e.g. CTO, Accounts payable" maxLength={fieldMaxLength(contactInput, 'role')} {...form.getInputProps('role')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput label="Email" type="email" maxLength={fieldMaxLength(contactInput, 'email')} {...form.getInputProps('email')} />
            <TextInput label="Phone" maxLength={fieldMaxLength(contactInput, 'phone')} {...form.getInputProps('phone')} />
          </SimpleGrid>
          <Checkbox
            label="Billing contact"
            description="Invoices are addressed to this person. A client has one billing contact."
            {...form.getInputProps('isBilling', { type: 'checkbox' })}
          />
          <FormError error={failure} />
          <ModalFooter action={contact ? 'Save contact' : 'Add contact'} onCancel={close} loading={saving} />
        </Stack>
      </form>
    </Modal>
  );
}
