import { Card, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { profileInput, type Profile } from '../../../../shared/api/profile';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { SaveButton } from '../../components/SaveButton';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { useSingleFlight } from '../../forms/single-flight';
import { DefaultRateSection } from './DefaultRateSection';
import { LogoPicker, type LogoFile } from './LogoPicker';
import { profileInputFrom, profileValues, type ProfileValues } from './profile-form';
import { AddressTaxSection, BankAccountsSection, BusinessSection } from './ProfileSections';
import { useUnsavedChanges } from '../../forms/unsaved-changes';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card>
      <Title order={2} size="h4" mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function ProfileForm({ profile }: { profile: Profile }) {
  const save = useApiMutation('profile.save');
  const setLogo = useApiMutation('profile.setLogo');
  const removeLogo = useApiMutation('profile.removeLogo');
  const form = useForm<ProfileValues>({ initialValues: profileValues(profile), validate: zodValidate(profileInput, profileInputFrom) });
  useUnsavedChanges(() => form.isDirty());

  const once = useSingleFlight();
  const submit = form.onSubmit((values) =>
    once(async () => {
      try {
        const saved = await save.mutateAsync(profileInputFrom(values));
        form.setValues(profileValues(saved));
        form.resetDirty(profileValues(saved));
        notifications.show({ message: 'Business profile saved', color: 'teal', icon: <IconCheck size={16} /> });
      } catch (error) {
        form.setErrors(serverFieldErrors(error));
      }
    }),
  );

  const changeLogo = async (logo: LogoFile | null) => {
    if (logo) await setLogo.mutateAsync(logo);
    else await removeLogo.mutateAsync(undefined);
  };
  const logoError = setLogo.error?.fieldErrors.logo ?? setLogo.error?.message;

  return (
    <form onSubmit={submit} noValidate>
      <PageHeader
        title="Business profile"
        subtitle="Printed on every invoice. Issued invoices keep the details they were issued with."
        actions={
          <SaveButton saving={save.isPending} dirty={form.isDirty()} />
        }
      />
      <Stack gap="lg" maw={880}>
        {save.error && !Object.keys(save.error.fieldErrors).length && <ErrorPanel error={save.error} title="Not saved" />}
        {save.error && Object.keys(save.error.fieldErrors).length > 0 && (
          <Text c="red" size="sm" role="alert">
            {save.error.message}
          </Text>
        )}
        <Section title="Business">
          <Stack gap="lg">
            <BusinessSection form={form} />
            <LogoPicker value={profile.logo as LogoFile | null} onChange={(logo) => void changeLogo(logo)} error={logoError} busy={setLogo.isPending || removeLogo.isPending} />
          </Stack>
        </Section>
        <Section title="Address and tax">
          <AddressTaxSection form={form} />
        </Section>
        <Section title="Bank accounts">
          <BankAccountsSection form={form} />
        </Section>
        <Section title="Rates">
          <DefaultRateSection />
        </Section>
        <Group justify="flex-end">
          <SaveButton saving={save.isPending} dirty={form.isDirty()} />
        </Group>
      </Stack>
    </form>
  );
}

export function ProfilePage() {
  const profile = useApiQuery('profile.get');
  if (profile.isPending) return <Center py="xl"><Loader /></Center>;
  if (profile.isError) return <ErrorPanel error={profile.error} />;
  if (!profile.data) return <ErrorPanel error={new Error('No business profile yet.')} />;
  return <ProfileForm profile={profile.data} />;
}
