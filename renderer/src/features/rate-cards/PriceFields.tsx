import { SimpleGrid, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { FieldErrors } from '../../../../shared/api/errors';
import { suffixProps } from '../../components/input-suffix';
import { fieldMaxLength } from '../../forms/max-length';
import { rateCardPriceInput } from '../../../../shared/api/rate-cards';
import { DateField } from '../../components/DateField';
import { numberProblems, typedText, withCanonicalNumbers } from '../../forms/numbers';

/** The form values a dated price is typed as: a major-unit amount ("300"), a day length ("7.5", "7,5" in de-DE) and an ISO date. */
export interface PriceValues {
  amount: string;
  hoursPerDay: string;
  effectiveFrom: string;
}

/** The price fields typed as numbers in the display locale. */
export const PRICE_NUMBERS = ['amount', 'hoursPerDay'] as const;

/** `values` with the rate and day length as the canonical text the API reads ("1.234,50" → "1234.50" in de-DE). */
export function canonicalPrice<T extends PriceValues>(values: T): T {
  return withCanonicalNumbers(values, PRICE_NUMBERS);
}

/**
 * The fields of a price from a date, shared by a new card and a new price: the rate (with the
 * card's currency beside it), from when, and for a day rate how many hours make the day.
 */
export function PriceFields({ currency, isDayRate, inputProps }: { currency: string; isDayRate: boolean; inputProps(path: keyof PriceValues): GetInputPropsReturnType }) {
  return (
    <SimpleGrid cols={isDayRate ? 3 : 2}>
      <TextInput
        label="Rate"
        withAsterisk
        placeholder={typedText('300.00')}
        inputMode="decimal"
        {...suffixProps(currency)}
        maxLength={fieldMaxLength(rateCardPriceInput, 'amount')}
        {...inputProps('amount')}
      />
      {isDayRate && (
        <TextInput
          label="Hours in a day"
          withAsterisk
          placeholder="8"
          inputMode="decimal"
          {...suffixProps('h')}
          maxLength={fieldMaxLength(rateCardPriceInput, 'hoursPerDay')}
          {...inputProps('hoursPerDay')}
        />
      )}
      <DateField label="Effective from" withAsterisk {...inputProps('effectiveFrom')} />
    </SimpleGrid>
  );
}

/** What the API takes for the day length: only a day rate has one, and a blank one is missing (so the message says what to enter). */
export function hoursPerDayFor(unit: string, typed: string): string | null {
  return unit === 'day' && typed.trim() !== '' ? typed : null;
}

/**
 * The rate and day length are read in the display locale first, and one the locale reads two
 * ways holds the form back. rateCardInput reads the rate and the day length in a transform (the rate needs the currency),
 * which zod runs only once every other field passes; so they are checked again as if the name and
 * date were fine, and every message shows at once rather than one round after another.
 */
export function withPriceChecks<T extends PriceValues>(validate: (values: T) => FieldErrors): (values: T) => FieldErrors {
  return (typed) => {
    const values = canonicalPrice(typed);
    const errors = validate(values);
    const again = validate({ ...values, name: 'Rate card', effectiveFrom: '2000-01-01' });
    const price: FieldErrors = {};
    if (again.amount) price.amount = again.amount;
    if (again.hoursPerDay) price.hoursPerDay = again.hoursPerDay;
    return { ...price, ...errors, ...numberProblems(typed, PRICE_NUMBERS) };
  };
}
