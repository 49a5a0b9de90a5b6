import type { Client, ClientInput } from '../../../../shared/api/clients';
import { currencyOfCountry } from '../../../../shared/reference/country-currencies';
import { defaultTimeZone, timeZonesForCountry } from '../../../../shared/reference/timezones';

export interface ClientValues {
  name: string;
  legalName: string;
  customerType: 'business' | 'consumer';
  country: string;
  timezone: string;
  currency: string;
  taxNumber: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  region: string;
  postalCode: string;
  paymentTermsDays: number | string;
  tags: string[];
  notes: string;
  printLocalReverseCharge: boolean;
}

export function emptyClient(homeCurrency: string): ClientValues {
  return {
    name: '',
    legalName: '',
    customerType: 'business',
    country: '',
    timezone: '',
    currency: homeCurrency,
    taxNumber: '',
    addressLine1: '',
    addressLine2: '',
    city: '',
    region: '',
    postalCode: '',
    paymentTermsDays: '',
    tags: [],
    notes: '',
    printLocalReverseCharge: false,
  };
}

export function clientValues(client: Client): ClientValues {
  return {
    name: client.name,
    legalName: client.legalName ?? '',
    customerType: client.customerType,
    country: client.country,
    timezone: client.timezone,
    currency: client.currency,
    taxNumber: client.taxNumber ?? '',
    addressLine1: client.addressLine1 ?? '',
    addressLine2: client.addressLine2 ?? '',
    city: client.city ?? '',
    region: client.region ?? '',
    postalCode: client.postalCode ?? '',
    paymentTermsDays: client.paymentTermsDays ?? '',
    tags: client.tags,
    notes: client.notes ?? '',
    printLocalReverseCharge: client.printLocalReverseCharge,
  };
}

/** Blank payment terms mean "use my default". */
export function clientInputFrom(values: ClientValues): ClientInput {
  return {
    ...values,
    paymentTermsDays: values.paymentTermsDays === '' ? null : Number(values.paymentTermsDays),
  } as ClientInput;
}

/**
 * What choosing `country` proposes: the country's main time zone unless the zone chosen is
 * already one of the country's, and its currency unless the user has picked one themselves
 * (`currencyChosen`). Returns only the fields that change.
 */
export function proposalsForCountry(values: Pick<ClientValues, 'timezone' | 'currency'>, country: string, currencyChosen: boolean): Partial<Pick<ClientValues, 'timezone' | 'currency'>> {
  const proposal: Partial<Pick<ClientValues, 'timezone' | 'currency'>> = {};
  const zone = defaultTimeZone(country);
  if (zone && !timeZonesForCountry(country).includes(values.timezone)) proposal.timezone = zone;
  const currency = currencyOfCountry(country);
  if (currency && !currencyChosen && currency !== values.currency) proposal.currency = currency;
  return proposal;
}
