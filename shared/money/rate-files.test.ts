import { describe, expect, it } from 'vitest';
import { crossRate, parseRate } from './fx';
import { parseRateFile } from './rate-files';

const HMRC = `Country/Territories,Currency,Currency Code,Currency Units per £1,Start date,End date
Eurozone,Euro,EUR,1.1564,01/07/2026,31/07/2026
USA,Dollar,USD,1.3404,01/07/2026,31/07/2026
"Korea, South",Won,KRW,1845.12,01/07/2026,31/07/2026
Venezuela,Bolivar,VEF,12.5,01/07/2026,31/07/2026
`;

const ECB_DAILY = 'Date, USD, JPY, GBP, \r\n24 January 2025, 1.0472, 163.45, 0.83520, \r\n';

describe('parseRateFile', () => {
  it('reads HMRC’s monthly file as period rates at each start date, skipping codes that are not ISO 4217', () => {
    const result = parseRateFile(HMRC, 'GBP');
    expect(result).toEqual({
      ok: true,
      kind: 'hmrc',
      rates: [
        { currency: 'EUR', rate: '1.1564', source: 'hmrc-period', date: '2026-07-01' },
        { currency: 'USD', rate: '1.3404', source: 'hmrc-period', date: '2026-07-01' },
        { currency: 'KRW', rate: '1845.12', source: 'hmrc-period', date: '2026-07-01' },
      ],
      skipped: ['VEF (row 5)'],
    });
  });

  it('refuses HMRC’s file for a home currency other than GBP', () => {
    expect(parseRateFile(HMRC, 'EUR')).toMatchObject({ ok: false, message: expect.stringContaining('per £1') });
  });

  it('names the bad row of an HMRC file and imports nothing', () => {
    const bad = HMRC.replace('1.3404', 'abc');
    expect(parseRateFile(bad, 'GBP')).toEqual({ ok: false, row: 3, message: 'Row 3: the rate for USD “abc” is not a number like 1.2560. Nothing was imported.' });
    expect(parseRateFile(HMRC.replace('01/07/2026,31/07/2026\nUSA', '31/02/2026,31/07/2026\nUSA'), 'GBP')).toMatchObject({ ok: false, row: 2 });
    expect(parseRateFile(HMRC.replace('1.1564', '0'), 'GBP')).toMatchObject({ ok: false, row: 2, message: expect.stringContaining('must be above zero') });
  });

  it('derives sterling cross rates from the ECB’s daily file, exactly, and labels them as derived', () => {
    const result = parseRateFile(ECB_DAILY, 'GBP');
    // 1.0472 ÷ 0.8352 = 1.2538314…; 163.45 ÷ 0.8352 = 195.7016283…; 1 ÷ 0.8352 = 1.1973180…
    expect(result).toEqual({
      ok: true,
      kind: 'ecb',
      skipped: [],
      rates: [
        { currency: 'USD', rate: '1.253831', source: 'ecb-cross', date: '2025-01-24' },
        { currency: 'JPY', rate: '195.701628', source: 'ecb-cross', date: '2025-01-24' },
        { currency: 'EUR', rate: '1.197318', source: 'ecb-cross', date: '2025-01-24' },
      ],
    });
  });

  it('keeps the ECB’s rates as quoted for a euro home, and skips N/A in the history file', () => {
    const hist = 'Date,USD,CYP,GBP,\n2025-01-24,1.0472,N/A,0.83520,\n2025-01-23,1.0413,N/A,0.84460,\n';
    const result = parseRateFile(hist, 'EUR');
    expect(result.ok && result.rates).toEqual([
      { currency: 'USD', rate: '1.0472', source: 'ecb-reference', date: '2025-01-24' },
      { currency: 'GBP', rate: '0.83520', source: 'ecb-reference', date: '2025-01-24' },
      { currency: 'USD', rate: '1.0413', source: 'ecb-reference', date: '2025-01-23' },
      { currency: 'GBP', rate: '0.84460', source: 'ecb-reference', date: '2025-01-23' },
    ]);
    expect(result.ok && result.skipped).toEqual(['CYP']);
  });

  it('refuses an ECB file without the home currency, a bad date, or anything else', () => {
    expect(parseRateFile('Date,USD\n2025-01-24,1.04\n', 'GBP')).toMatchObject({ ok: false, row: 1, message: expect.stringContaining('no GBP column') });
    expect(parseRateFile('Date,USD,GBP\n2025-13-24,1.04,0.8\n', 'GBP')).toMatchObject({ ok: false, row: 2 });
    expect(parseRateFile('name,amount\nx,1\n', 'GBP')).toMatchObject({ ok: false, row: 1, message: expect.stringContaining('not a rate file') });
  });
});

describe('crossRate', () => {
  it('divides exactly and rounds once, half-up, to six places', () => {
    expect(crossRate(parseRate('1.0472'), parseRate('0.8352'))).toBe('1.253831');
    expect(crossRate(parseRate('2'), parseRate('1'))).toBe('2.0000');
  });
});
