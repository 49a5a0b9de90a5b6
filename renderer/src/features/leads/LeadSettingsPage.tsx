import { Card, Center, Group, Loader, NumberInput, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { leadSettingsSchema, type LeadSettings } from '../../../../shared/api/leads';
import { OPEN_STAGES, STAGE_LABELS } from '../../../../shared/leads/stages';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { TimeZoneSelect } from '../../components/ReferenceSelects';
import { SaveButton } from '../../components/SaveButton';
import { useSettingsForm } from '../../forms/settings-form';
import { listError } from '../../forms/zod-form';

function SettingsForm({ settings, businessZone }: { settings: LeadSettings; businessZone: string | null }) {
  const save = useApiMutation('leads.saveSettings');
  const { form, submit } = useSettingsForm(save, settings, leadSettingsSchema, 'Lead settings saved');
  const whole = { allowDecimal: false, allowNegative: false } as const;
  return (
    <form onSubmit={submit} noValidate>
      <PageHeader title="Lead settings" subtitle="How the pipeline flags recruiters, marks stale leads, weighs each stage and books calls." actions={<SaveButton saving={save.isPending} dirty={form.isDirty()} />} />
      <Stack gap="lg" maw={880}>
        <Card>
          <Title order={2} size="h4" mb="md">
            Recruiters and staleness
          </Title>
          <Stack>
            <TagsInput
              label="Agency domains"
              description="A new lead whose contact's email is at one of these (or a subdomain) is flagged as a recruiter and hidden by default. Press Enter after each."
              placeholder="e.g. hays.com"
              {...form.getInputProps('agencyDomains')}
              error={listError(form.errors, 'agencyDomains')}
            />
            <NumberInput label="Stale after" description="An open lead with no call, email or meeting logged for this many days is marked stale" suffix=" days" w={220} min={1} max={365} {...whole} {...form.getInputProps('staleAfterDays')} />
          </Stack>
        </Card>
        <Card>
          <Title order={2} size="h4" mb="xs">
            Stage probabilities
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            The chance a lead at each stage is won: the pipeline's weighted value multiplies each estimate by it.
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            {OPEN_STAGES.map((stage) => (
              <NumberInput key={stage} label={STAGE_LABELS[stage]} suffix="%" min={0} max={100} {...whole} {...form.getInputProps(`stageProbabilities.${stage}`)} />
            ))}
          </SimpleGrid>
        </Card>
        <Card>
          <Title order={2} size="h4" mb="xs">
            Working hours and calls
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            The time-zone fit of each lead, and warnings on calls outside working hours, measure against your working day.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Day starts" placeholder="09:00" maxLength={5} {...form.getInputProps('workingHours.start')} />
            <TextInput label="Day ends" placeholder="17:30" maxLength={5} {...form.getInputProps('workingHours.end')} />
            <TimeZoneSelect label="Your time zone" placeholder={businessZone ? `The business's (${businessZone})` : "The computer's"} clearable {...form.getInputProps('workZone')} />
            <NumberInput label="Intro call length" suffix=" min" min={5} max={480} {...whole} {...form.getInputProps('callMinutes')} />
            <NumberInput label="Buffer before and after" suffix=" min" min={0} max={120} {...whole} {...form.getInputProps('bufferMinutes')} />
          </SimpleGrid>
        </Card>
        <Group justify="flex-end">
          <SaveButton saving={save.isPending} dirty={form.isDirty()} />
        </Group>
      </Stack>
    </form>
  );
}

/** Settings → Leads. */
export function LeadSettingsPage() {
  const settings = useApiQuery('leads.settings');
  const profile = useApiQuery('profile.get');
  if (settings.isError) return <ErrorPanel error={settings.error} />;
  if (!settings.data || profile.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  return <SettingsForm settings={settings.data} businessZone={profile.data?.timeZone ?? null} />;
}
