import { Box, Button, Card, Center, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { profileInput } from '../../../../shared/api/profile';
import { call } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { LogoPicker, type LogoFile } from '../profile/LogoPicker';
import { emptyProfile, profileInputFrom, type ProfileValues } from '../profile/profile-form';
import { AddressTaxSection, BankAccountsSection, BusinessSection } from '../profile/ProfileSections';

const STEPS: { label: string; description: string; fields: (keyof ProfileValues)[] }[] = [
  { label: 'Your business', description: 'Name and contact', fields: ['businessName', 'legalName', 'companyNumber', 'email', 'phone', 'website'] },
  {
    label: 'Address & tax',
    description: 'Country, currency, VAT',
    fields: ['addressLine1', 'addressLine2', 'city', 'region', 'postalCode', 'country', 'homeCurrency', 'vatRegistered', 'vatNumber', 'defaultPaymentTermsDays', 'timeZone'],
  },
  { label: 'Getting paid', description: 'Bank details and logo', fields: ['bankAccounts'] },
];

function stepOf(errorKey: string): number {
  const field = errorKey.split('.')[0] as keyof ProfileValues;
  const index = STEPS.findIndex((s) => s.fields.includes(field));
  return index === -1 ? 0 : index;
}

/** First run: the business profile, in three short steps, validated by the API's own schema. */
export function OnboardingPage() {
  const [active, setActive] = useState(0);
  const [logo, setLogo] = useState<LogoFile | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const queryClient = useQueryClient();
  const form = useForm<ProfileValues>({
    initialValues: emptyProfile,
    validate: zodValidate(profileInput, profileInputFrom),
  });

  /** Shows only this step's errors, so later steps aren't flagged before the user sees them. */
  const validateStep = (step: number) => {
    const errors = form.validate().errors;
    const mine = Object.fromEntries(Object.entries(errors).filter(([key]) => stepOf(key) <= step));
    form.setErrors(mine);
    return Object.keys(mine).length === 0;
  };

  const next = () => {
    if (validateStep(active)) setActive((s) => s + 1);
  };

  const finish = async () => {
    if (!validateStep(STEPS.length - 1)) return;
    setSaving(true);
    setFailure(null);
    try {
      await call('profile.save', profileInputFrom(form.values));
      if (logo) await call('profile.setLogo', logo);
      await queryClient.invalidateQueries();
    } catch (error) {
      const fieldErrors = serverFieldErrors(error);
      form.setErrors(fieldErrors);
      const first = Object.keys(fieldErrors)[0];
      if (first) setActive(stepOf(first));
      else setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Center component="main" mih="100%" p="xl" data-app-state="onboarding" bg="var(--mantine-color-body)">
      <Box w="100%" maw={760}>
        <Stack gap={4} mb="xl">
          <Text c="brand" fw={700} size="sm" tt="uppercase" style={{ letterSpacing: 1 }}>
            Welcome to Billable
          </Text>
          <Title order={1}>Set up your business</Title>
          <Text c="dimmed">These details appear on every invoice you send. You can change them later in Business profile.</Text>
        </Stack>
        <Card padding="xl" shadow="sm">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (active < STEPS.length - 1) next();
              else void finish();
            }}
            noValidate
          >
            <Stepper active={active} onStepClick={(step) => step < active && setActive(step)} size="sm" mb="xl">
              {STEPS.map((step) => (
                <Stepper.Step key={step.label} label={step.label} description={step.description} />
              ))}
            </Stepper>
            {active === 0 && <BusinessSection form={form} />}
            {active === 1 && <AddressTaxSection form={form} />}
            {active === 2 && (
              <Stack gap="xl">
                <BankAccountsSection form={form} />
                <LogoPicker value={logo} onChange={setLogo} />
              </Stack>
            )}
            {failure !== null && (
              <Box mt="lg">
                <ErrorPanel error={failure} title="Your profile was not saved" />
              </Box>
            )}
            <Group justify="space-between" mt="xl">
              <Button variant="default" onClick={() => setActive((s) => s - 1)} disabled={active === 0 || saving}>
                Back
              </Button>
              <Button type="submit" loading={saving}>
                {active < STEPS.length - 1 ? 'Continue' : 'Finish setup'}
              </Button>
            </Group>
          </form>
        </Card>
      </Box>
    </Center>
  );
}
