import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedSender } from './sender';

describe('isAppUrl', () => {
  it.each([
    'app://billable/',
    'app://billable/index.html',
    'app://billable/index.html#/clients/1',
  ])('accepts %s', (url) => expect(isAppUrl(url)).toBe(true));

  it.each([
    'app://user@billable/',
    'app://user:pass@billable/',
    'app://:pass@billable/',
    'app://billable:8080/',
    'app://billable.evil.com/',
    'app://evil/billable/',
    'app://billable@evil/',
    'app://BILLABLE/',
    'app://billable',
    'app:billable/',
    'app:///billable/',
    'https://billable/',
    'http://127.0.0.1:5173/',
    'file:///opt/billable/index.html',
    'javascript:alert(1)//app://billable/',
    'data:text/html,app://billable/',
    'app://bill%61ble/',
    'app://billable%2f@evil/',
    ' app://billable/',
    '',
    'null',
  ])('rejects %s', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('isTrustedSender', () => {
  it('accepts the top-level app frame only', () => {
    expect(isTrustedSender({ url: 'app://billable/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://billable/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
