import { ActionIcon, Button, Card, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { suffixProps } from '../../components/input-suffix';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { vatFormatFor } from '../../../../shared/tax/vat-number';
import { CountrySelect, CurrencySelect, TimeZoneSelect } from '../../components/ReferenceSelects';
import { emptyBankAccount, type ProfileValues } from './profile-form';
import { fieldMaxLength } from '../../forms/max-length';
import { profileInput } from '../../../../shared/api/profile';

type Form = UseFormReturnType<ProfileValues>;

export function BusinessSection({ form }: { form: Form }) {
  return (
    <Stack gap="md">
      <TextInput label="Business name" description="How clients know you; printed at the top of invoices" withAsterisk data-autofocus maxLength={fieldMaxLength(profileInput, 'businessName')} {...form.getInputProps('businessName')} />
      <SimpleGrid cols={2}>
        <TextInput label="Legal name" description="If different, e.g. a limited company" maxLength={fieldMaxLength(profileInput, 'legalName')} {...form.getInputProps('legalName')} />
        <TextInput label="Company number" maxLength={fieldMaxLength(profileInput, 'companyNumber')} {...form.getInputProps('companyNumber')} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput label="Email" type="email" maxLength={fieldMaxLength(profileInput, 'email')} {...form.getInputProps('email')} />
        <TextInput label="Phone" maxLength={fieldMaxLength(profileInput, 'phone')} {...form.getInputProps('phone')} />
      </SimpleGrid>
      <TextInput label="Website" placeholder="https://" maxLength={fieldMaxLength(profileInput, 'website')} {...form.getInputProps('website')} />
    </Stack>
  );
}

export function AddressTaxSection({ form }: { form: Form }) {
  const format = vatFormatFor(form.values.country);
  return (
    <Stack gap="md">
      <TextInput label="Address" withAsterisk maxLength={fieldMaxLength(profileInput, 'addressLine1')} {...form.getInputProps('addressLine1')} />
      <TextInput aria-label="Address line 2" maxLength={fieldMaxLength(profileInput, 'addressLine2')} {...form.getInputProps('addressLine2')} />
      <SimpleGrid cols={3}>
        <TextInput label="City" withAsterisk maxLength={fieldMaxLength(profileInput, 'city')} {...form.getInputProps('city')} />
        <TextInput label="Region" maxLength={fieldMaxLength(profileInput, 'region')} {...form.getInputProps('region')} />
        <TextInput label="Postal code" maxLength={fieldMaxLength(profileInput, 'postalCode')} {...form.getInputProps('postalCode')} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <CountrySelect label="Country" withAsterisk placeholder="Choose a country" {...form.getInputProps('country')} />
        <CurrencySelect label="Home currency" description="Your accounts and VAT return currency" withAsterisk placeholder="Choose a currency" {...form.getInputProps('homeCurrency')} />
      </SimpleGrid>
      <Switch label="Registered for VAT" {...form.getInputProps('vatRegistered', { type: 'checkbox' })} />
      {form.values.vatRegistered && (
        <SimpleGrid cols={2}>
          <TextInput label="VAT number" withAsterisk placeholder={format?.example ?? ''} description={format ? `Format: ${format.hint}` : undefined} maxLength={fieldMaxLength(profileInput, 'vatNumber')} {...form.getInputProps('vatNumber')} />
          <Select
            label="VAT scheme"
            description="How you account for VAT"
            allowDeselect={false}
            data={[
              { value: 'standard', label: 'Standard accounting' },
              { value: 'flat-rate', label: 'Flat Rate Scheme (UK)' },
              { value: 'cash-accounting', label: 'Cash accounting' },
              { value: 'small-business-exemption', label: 'Small-business exemption (no VAT charged)' },
            ]}
            {...form.getInputProps('vatScheme')}
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={2}>
        <TextInput label="Default payment terms" description="Days from the invoice date until payment is due" inputMode="numeric" {...suffixProps('days')} {...form.getInputProps('defaultPaymentTermsDays')} />
        <TimeZoneSelect label="Business time zone" description="Decides which day is today for due dates and overdue invoices" {...form.getInputProps('timeZone')} />
      </SimpleGrid>
    </Stack>
  );
}

export function BankAccountsSection({ form }: { form: Form }) {
  const accounts = form.values.bankAccounts;
  const add = () => {
    const used = new Set(accounts.map((a) => a.currency));
    const currency = used.has(form.values.homeCurrency) ? '' : form.values.homeCurrency;
    form.insertListItem('bankAccounts', emptyBankAccount(currency, form.values.legalName || form.values.businessName));
  };
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Invoices show the account for their currency. Add one for each currency you bill in.
      </Text>
      {accounts.map((account, i) => (
        <Card key={i} padding="md" data-testid="bank-account">
          <Group justify="space-between" mb="sm">
            <Text fw={600}>{account.currency ? `${account.currency} account` : 'New account'}</Text>
            <Tooltip label="Remove this account">
              <ActionIcon variant="subtle" color="red" aria-label={`Remove ${account.currency || 'new'} account`} onClick={() => form.removeListItem('bankAccounts', i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
          <Stack gap="sm">
            <SimpleGrid cols={2}>
              <CurrencySelect label="Currency" withAsterisk {...form.getInputProps(`bankAccounts.${i}.currency`)} />
              <TextInput label="Account holder" withAsterisk maxLength={fieldMaxLength(profileInput, `bankAccounts.${i}.accountHolder`)} {...form.getInputProps(`bankAccounts.${i}.accountHolder`)} />
            </SimpleGrid>
            <SimpleGrid cols={2}>
              <TextInput label="IBAN" maxLength={fieldMaxLength(profileInput, `bankAccounts.${i}.iban`)} {...form.getInputProps(`bankAccounts.${i}.iban`)} />
              <TextInput label="BIC / SWIFT" maxLength={fieldMaxLength(profileInput, `bankAccounts.${i}.bic`)} {...form.getInputProps(`bankAccounts.${i}.bic`)} />
            </SimpleGrid>
            <SimpleGrid cols={3}>
              <TextInput label="Account number" maxLength={fieldMaxLength(profileInput, `bankAccounts.${i}.accountNumber`)} {...form.getInputProps(`bankAccounts.${i}.accountNumber`)} />
              <TextInput label="Sort code" maxLength={fieldMaxLength(profileInput, `bankAccounts.${i}.sortCode`)} {...form.getInputProps(`bankAccounts.${i}.sortCode`)} />
              <TextInput label="Routing number" maxLength={fieldMaxLength(profileInput, `bankAccounts.${i}.routingNumber`)} {...form.getInputProps(`bankAccounts.${i}.routingNumber`)} />
            </SimpleGrid>
            <TextInput label="Bank name" maxLength={fieldMaxLength(profileInput, `bankAccounts.${i}.bankName`)} {...form.getInputProps(`bankAccounts.${i}.bankName`)} />
            <Textarea label="Other payment details" autosize minRows={1} maxLength={fieldMaxLength(profileInput, `bankAccounts.${i}.details`)} {...form.getInputProps(`bankAccounts.${i}.details`)} />
          </Stack>
        </Card>
      ))}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add}>
          Add bank account
        </Button>
      </Group>
    </Stack>
  );
}
