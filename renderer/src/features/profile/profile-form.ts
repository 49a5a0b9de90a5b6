import type { BankAccount, Profile, ProfileInput } from '../../../../shared/api/profile';
import { DEFAULT_PAYMENT_TERMS_DAYS } from '../../../../shared/clients/payment-terms';
import type { VatScheme } from '../../../../shared/vat/treatment';
import { computerTimeZone } from '../../components/dates';

export interface BankAccountValues {
  currency: string;
  accountHolder: string;
  bankName: string;
  iban: string;
  bic: string;
  accountNumber: string;
  sortCode: string;
  routingNumber: string;
  details: string;
}

export interface ProfileValues {
  businessName: string;
  legalName: string;
  companyNumber: string;
  timeZone: string;
  email: string;
  phone: string;
  website: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  homeCurrency: string;
  vatRegistered: boolean;
  vatNumber: string;
  vatScheme: VatScheme;
  defaultPaymentTermsDays: number | string;
  bankAccounts: BankAccountValues[];
}

export function emptyBankAccount(currency: string, holder: string): BankAccountValues {
  return { currency, accountHolder: holder, bankName: '', iban: '', bic: '', accountNumber: '', sortCode: '', routingNumber: '', details: '' };
}

export const emptyProfile: ProfileValues = {
  businessName: '',
  legalName: '',
  companyNumber: '',
  timeZone: computerTimeZone(),
  email: '',
  phone: '',
  website: '',
  addressLine1: '',
  addressLine2: '',
  city: '',
  region: '',
  postalCode: '',
  country: '',
  homeCurrency: '',
  vatRegistered: false,
  vatNumber: '',
  vatScheme: 'standard',
  defaultPaymentTermsDays: DEFAULT_PAYMENT_TERMS_DAYS,
  bankAccounts: [],
};

const text = (v: string | null) => v ?? '';

function bankValues(account: BankAccount): BankAccountValues {
  return {
    currency: account.currency,
    accountHolder: account.accountHolder,
    bankName: text(account.bankName),
    iban: text(account.iban),
    bic: text(account.bic),
    accountNumber: text(account.accountNumber),
    sortCode: text(account.sortCode),
    routingNumber: text(account.routingNumber),
    details: text(account.details),
  };
}

export function profileValues(profile: Profile): ProfileValues {
  return {
    businessName: profile.businessName,
    legalName: text(profile.legalName),
    companyNumber: text(profile.companyNumber),
    timeZone: profile.timeZone ?? computerTimeZone(),
    email: text(profile.email),
    phone: text(profile.phone),
    website: text(profile.website),
    addressLine1: profile.addressLine1,
    addressLine2: text(profile.addressLine2),
    city: profile.city,
    region: text(profile.region),
    postalCode: text(profile.postalCode),
    country: profile.country,
    homeCurrency: profile.homeCurrency,
    vatRegistered: profile.vatRegistered,
    vatNumber: text(profile.vatNumber),
    vatScheme: profile.vatScheme,
    defaultPaymentTermsDays: profile.defaultPaymentTermsDays,
    bankAccounts: profile.bankAccounts.map(bankValues),
  };
}

/** Form values in the shape the API's zod schema takes; an empty number becomes a type error there. */
export function profileInputFrom(values: ProfileValues): ProfileInput {
  return {
    ...values,
    defaultPaymentTermsDays: values.defaultPaymentTermsDays === '' ? Number.NaN : Number(values.defaultPaymentTermsDays),
  } as ProfileInput;
}
