import { decimal, decimalToString, type Decimal } from '../money/decimal';
import { FX_SOURCE_LABELS, convertToHome, parseRate } from '../money/fx';
import { checkDocumentAmount, formatMoney, toMajorString, toSafeAmount } from '../money/money';
import { divRound, pow10, type RoundingMode } from '../money/rounding';
import { currencyExponent, type CurrencyCode } from '../reference/currencies';
import { note, type InvoiceNote } from '../vat/notes';
import type { VatCategory } from '../vat/treatment';
import {
  DEFAULT_SETTINGS,
  QUANTITY_MAX_DECIMALS,
  UNIT_PRICE_MAX_DECIMALS,
  type CalculateInvoiceInput,
  type CalculatedLine,
  type ExplanationStep,
  type InvoiceCalculation,
  type VatGroup,
} from './types';

/** num ÷ den as decimal text with up to `decimals` places, "…" when it goes on. */
function ratioText(num: bigint, den: bigint, decimals: number): string {
  const scaled = (num * pow10(decimals)) / den;
  const exact = (num * pow10(decimals)) % den === 0n;
  return `${decimalToString({ units: scaled, scale: decimals })}${exact ? '' : '…'}`;
}

/** round(amount × pct / 100) in the same units, for percentages given as exact decimals. */
function percentOf(amount: bigint, pct: Decimal, mode: RoundingMode): bigint {
  return divRound(amount * pct.units, 100n * pow10(pct.scale), mode);
}

/** The VAT inside a VAT-inclusive amount: gross × r / (100 + r). */
function vatInside(gross: bigint, rate: Decimal, mode: RoundingMode): bigint {
  return divRound(gross * rate.units, 100n * pow10(rate.scale) + rate.units, mode);
}

/**
 * The single entry point for invoice arithmetic: drafts, issued invoices and credit notes. Pure
 * and deterministic; money is integer minor units, every rounding is explicit (rules §3.4):
 * 1. line amount = round(quantity × unit price) to the currency's minor unit, half-up;
 * 2. a percentage discount on fees only, as one negative line or per fee line;
 * 3. lines grouped by VAT category and rate; VAT = round(group net × rate) (or per line);
 * 4. gross = net + VAT, never computed on its own;
 * 5. home-currency net and VAT per group, method A or B, when a rate is given.
 * A credit note is computed as the negative mirror of the same lines.
 */
export function calculateInvoice(input: CalculateInvoiceInput): InvoiceCalculation {
  const settings = { ...DEFAULT_SETTINGS, ...input.settings };
  const kind = input.kind ?? 'invoice';
  const sign = kind === 'credit-note' ? -1n : 1n;
  const currency = input.currency;
  const exponent = currencyExponent(currency);
  const minor = pow10(exponent);
  const show = (units: bigint, code: CurrencyCode = currency) => toMajorString(toSafeAmount(units), code);
  const explanation: ExplanationStep[] = [];
  const vatRate = decimal(input.vat.rate);
  const vatRateText = decimalToString(vatRate);
  const vatCategory: VatCategory = input.vat.category;

  const amounts: bigint[] = [];
  const discounts: bigint[] = [];
  const exact = input.credit?.lines ?? [];
  const rest = input.credit?.rest ?? null;
  input.lines.forEach((line, i) => {
    const remainder = exact[i];
    if (remainder) {
      amounts.push(sign * BigInt(remainder.amount));
      discounts.push(0n);
      explanation.push({ step: 'line', text: `Line ${i + 1}: the rest of the invoice's line, ${show(sign * BigInt(remainder.amount))}, so the credits add up to it exactly.` });
      return;
    }
    const quantity = decimal(line.quantity, QUANTITY_MAX_DECIMALS);
    const price = decimal(line.unitPrice, Math.max(UNIT_PRICE_MAX_DECIMALS, exponent));
    const num = sign * quantity.units * price.units * minor;
    const den = pow10(quantity.scale + price.scale);
    let amount = divRound(num, den, 'half-up');
    checkDocumentAmount(amount, currency, `Line ${i + 1}`, `lines.${i}.unitPrice`);
    if (num % den !== 0n) {
      explanation.push({
        step: 'line',
        text: `Line ${i + 1}: ${line.quantity} × ${line.unitPrice} = ${ratioText(num, den * minor, exponent + 4)}, rounded half-up to ${show(amount)}.`,
      });
    }
    if (line.kind === 'discount' && amount * sign > 0n) amount = -amount;
    amounts.push(amount);
    discounts.push(0n);
  });

  const lines: CalculatedLine[] = input.lines.map((line, i) => ({
    index: i,
    description: line.description,
    kind: line.kind,
    quantity: line.quantity,
    unit: line.unit,
    unitPrice: line.unitPrice,
    amount: 0,
    discount: 0,
    vatCategory: line.kind === 'disbursement' ? 'disbursement' : vatCategory,
    vatRate: line.kind === 'disbursement' ? '0' : vatRateText,
    vat: null,
  }));

  if (input.discountPercent && decimal(input.discountPercent).units !== 0n) {
    const pct = decimal(input.discountPercent);
    const pctText = decimalToString(pct);
    const feeIndexes = input.lines.flatMap((line, i) => (line.kind === 'fee' ? [i] : []));
    if (settings.discountDisplay === 'per-line') {
      for (const i of feeIndexes) {
        const remainder = exact[i];
        const off = remainder ? sign * BigInt(remainder.discount) : -percentOf(amounts[i]!, pct, 'half-up');
        discounts[i] = off;
        amounts[i]! += off;
        explanation.push({ step: 'discount', text: `Line ${i + 1}: ${pctText}% discount = ${show(off)}, rounded half-up per line.` });
      }
    } else {
      const fees = feeIndexes.reduce((sum, i) => sum + amounts[i]!, 0n);
      const off = rest ? sign * BigInt(rest.discountLine) : -percentOf(fees, pct, 'half-up');
      explanation.push({
        step: 'discount',
        text: rest
          ? `Discount: the rest of the invoice's discount, ${show(off)}.`
          : `Discount: ${pctText}% of fees ${show(fees)} = ${ratioText(-fees * pct.units, 100n * pow10(pct.scale) * minor, exponent + 4)}, rounded half-up to ${show(off)}.`,
      });
      amounts.push(off);
      discounts.push(0n);
      lines.push({
        index: null,
        description: `Discount ${pctText}% on fees`,
        kind: 'discount',
        quantity: '1',
        unit: 'fixed',
        unitPrice: show(off),
        amount: 0,
        discount: 0,
        vatCategory,
        vatRate: vatRateText,
        vat: null,
      });
    }
  }

  let disbursements = 0n;
  let groupAmount = 0n;
  let lineVatSum = 0n;
  lines.forEach((line, i) => {
    const amount = amounts[i]!;
    line.amount = toSafeAmount(amount);
    line.discount = toSafeAmount(discounts[i]!);
    if (line.kind === 'disbursement') {
      disbursements += amount;
      return;
    }
    groupAmount += amount;
    if (settings.vatLevel === 'line') {
      const remainder = line.index === null ? undefined : exact[line.index];
      const vat =
        remainder && remainder.vat !== null
          ? sign * BigInt(remainder.vat)
          : settings.pricesIncludeVat
            ? vatInside(amount, vatRate, settings.vatRounding)
            : percentOf(amount, vatRate, settings.vatRounding);
      line.vat = toSafeAmount(vat);
      lineVatSum += vat;
    }
  });

  const groups: VatGroup[] = [];
  const taxableLines = lines.some((l) => l.kind !== 'disbursement');
  const restGroup = rest?.groups.find((g) => g.category === vatCategory && g.rate === vatRateText) ?? null;
  if (taxableLines) {
    let vat: bigint;
    if (restGroup) {
      vat = sign * BigInt(restGroup.vat);
      explanation.push({ step: 'vat', text: `VAT ${vatRateText}%: this note credits the last of the invoice's taxed lines, so it takes the rest of the invoice's VAT, ${show(vat)}.` });
    } else if (settings.vatLevel === 'line') {
      vat = lineVatSum;
      explanation.push({ step: 'vat', text: `VAT ${vatRateText}%: the sum of each line's VAT, rounded ${settings.vatRounding} per line, = ${show(vat)}.` });
    } else if (settings.pricesIncludeVat) {
      vat = vatInside(groupAmount, vatRate, settings.vatRounding);
      explanation.push({
        step: 'vat',
        text: `VAT ${vatRateText}% inside ${show(groupAmount)}: × ${vatRateText}/(100 + ${vatRateText}) = ${ratioText(groupAmount * vatRate.units, (100n * pow10(vatRate.scale) + vatRate.units) * minor, exponent + 4)}, rounded ${settings.vatRounding} to ${show(vat)}.`,
      });
    } else {
      vat = percentOf(groupAmount, vatRate, settings.vatRounding);
      explanation.push({
        step: 'vat',
        text: `VAT ${vatRateText}% of ${show(groupAmount)} = ${ratioText(groupAmount * vatRate.units, 100n * pow10(vatRate.scale) * minor, exponent + 4)}, rounded ${settings.vatRounding} to ${show(vat)}.`,
      });
    }
    const net = settings.pricesIncludeVat ? groupAmount - vat : groupAmount;
    groups.push({ category: vatCategory, rate: vatRateText, net: toSafeAmount(net), vat: toSafeAmount(vat), gross: toSafeAmount(net + vat), home: null });
  }

  const taxableNet = groups.reduce((sum, g) => sum + BigInt(g.net), 0n);
  const vatTotal = groups.reduce((sum, g) => sum + BigInt(g.vat), 0n);
  const net = taxableNet + disbursements;
  const gross = net + vatTotal;
  checkDocumentAmount(gross, currency, 'The total', 'lines');

  let withholding = 0n;
  if (input.withholdingPercent && decimal(input.withholdingPercent).units !== 0n) {
    const pct = decimal(input.withholdingPercent);
    withholding = rest ? sign * BigInt(rest.withholding) : percentOf(taxableNet, pct, 'half-up');
    explanation.push({ step: 'withholding', text: `Withholding ${decimalToString(pct)}% of ${show(taxableNet)} = ${show(withholding)}, taken off the amount payable only.` });
  }

  let home: InvoiceCalculation['home'] = null;
  const notes: InvoiceNote[] = [...(input.vat.notes ?? [])];
  if (input.fx) {
    const { homeCurrency } = input.fx;
    const rate = parseRate(input.fx.rate);
    let homeNet = 0n;
    let homeVat = 0n;
    for (const group of groups) {
      const restHome = restGroup?.home;
      const gNet = restHome ? toSafeAmount(sign * BigInt(restHome.net)) : convertToHome(group.net, currency, rate, homeCurrency);
      const gVat = restHome
        ? toSafeAmount(sign * BigInt(restHome.vat))
        : settings.fxMethod === 'A'
          ? toSafeAmount(percentOf(BigInt(gNet), vatRate, settings.vatRounding))
          : convertToHome(group.vat, currency, rate, homeCurrency);
      group.home = { net: gNet, vat: gVat };
      homeNet += BigInt(gNet);
      homeVat += BigInt(gVat);
      explanation.push({
        step: 'fx',
        text: `${homeCurrency} net at ${vatRateText}%: ${show(BigInt(group.net))} ÷ ${input.fx.rate} = ${show(BigInt(gNet), homeCurrency)}; ${homeCurrency} VAT by method ${settings.fxMethod} = ${show(BigInt(gVat), homeCurrency)}.`,
      });
    }
    home = { currency: homeCurrency, rate: input.fx.rate, source: input.fx.source, date: input.fx.date, method: settings.fxMethod, net: toSafeAmount(homeNet), vat: toSafeAmount(homeVat) };
    const params = {
      home: homeCurrency,
      currency,
      rate: input.fx.rate,
      date: input.fx.date,
      source: FX_SOURCE_LABELS[input.fx.source],
      net: formatMoney({ amount: home.net, currency: homeCurrency }),
      vat: formatMoney({ amount: home.vat, currency: homeCurrency }),
    };
    notes.push(homeVat !== 0n ? note('home-currency', params) : note('home-currency-value', params));
  }
  if (settings.pricesIncludeVat && vatTotal !== 0n) notes.unshift(note('prices-include-vat', { rate: vatRateText }));
  if (disbursements !== 0n) notes.push(note('disbursement'));
  if (kind === 'credit-note' && input.creditFor) notes.unshift(note('credit-note', { number: input.creditFor.number, date: input.creditFor.date }));

  return {
    kind,
    currency,
    lines,
    groups,
    totals: {
      taxableNet: toSafeAmount(taxableNet),
      disbursements: toSafeAmount(disbursements),
      net: toSafeAmount(net),
      vat: toSafeAmount(vatTotal),
      gross: toSafeAmount(gross),
      withholding: toSafeAmount(withholding),
      payable: toSafeAmount(gross - withholding),
    },
    home,
    notes,
    explanation,
  };
}
