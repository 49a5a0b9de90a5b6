import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { savedLeadFilterSchema, type SavedLeadFilter } from '../../../../shared/api/leads';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { fieldMaxLength } from '../../forms/max-length';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import type { ApiCallError } from '../../api/client';
import type { LeadFilters } from '../../stores/lead-view';

const filterOf = (f: LeadFilters) => ({ stages: f.stages, sources: f.sources, tag: f.tag, staleOnly: f.staleOnly, minOverlapHours: f.minOverlapHours });

/** Named sets of filters, kept in the lead settings: apply one, save the current filters under a name, delete one. */
export function SavedFiltersMenu({ filters, onApply }: { filters: LeadFilters; onApply(filters: Partial<LeadFilters>): void }) {
  const settings = useApiQuery('leads.settings');
  const save = useApiMutation('leads.saveSettings');
  const [naming, setNaming] = useState(false);
  const saved = settings.data?.savedFilters ?? [];
  const remove = (name: string) => settings.data && save.mutate({ ...settings.data, savedFilters: saved.filter((f) => f.name !== name) });
  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />} disabled={!settings.data}>
            Saved filters
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={240}>
          {saved.length === 0 && <Menu.Label>No saved filters yet</Menu.Label>}
          {saved.map((f) => (
            <Group key={f.name} gap={0} wrap="nowrap">
              <Menu.Item onClick={() => onApply({ ...f, tag: f.tag })}>{f.name}</Menu.Item>
              <ActionIcon variant="subtle" color="red" aria-label={`Delete saved filter ${f.name}`} onClick={() => remove(f.name)}>
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => setNaming(true)}>Save current filters…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {naming && settings.data && <NameModal current={filterOf(filters)} existing={saved} onSave={(list) => save.mutateAsync({ ...settings.data!, savedFilters: list })} onClose={() => setNaming(false)} />}
    </>
  );
}

function NameModal({ current, existing, onSave, onClose }: { current: Omit<SavedLeadFilter, 'name'>; existing: SavedLeadFilter[]; onSave(list: SavedLeadFilter[]): Promise<unknown>; onClose(): void }) {
  const form = useForm({
    initialValues: { name: '' },
    validate: (values) => ({
      ...zodValidate(savedLeadFilterSchema)({ ...current, ...values }),
      ...(existing.some((f) => f.name.toLowerCase() === values.name.trim().toLowerCase()) ? { name: 'A saved filter already has this name' } : {}),
    }),
  });
  const [failure, setFailure] = useState<ApiCallError | null>(null);
  const submit = form.onSubmit(async ({ name }) => {
    try {
      await onSave([...existing, { ...current, name: name.trim() }]);
      onClose();
    } catch (error) {
      setFailure(error as ApiCallError);
      form.setErrors(serverFieldErrors(error));
    }
  });
  return (
    <Modal opened onClose={onClose} title={<Text fw={650} size="lg">Save these filters</Text>}>
      <form onSubmit={submit} noValidate aria-label="Save filters">
        <Stack gap="md">
          <TextInput label="Name" withAsterisk data-autofocus placeholder="e.g. US time zones, referrals" maxLength={fieldMaxLength(savedLeadFilterSchema, 'name')} {...form.getInputProps('name')} />
          <FormError error={failure} />
          <ModalFooter action="Save filters" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
