import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { AA_TEXT_CONTRAST, accessibleColors, contrastRatio, readableOn } from './contrast';
import { theme } from './theme';

const app = mergeMantineTheme(DEFAULT_THEME, theme);
const { light, dark } = accessibleColors(app);
const { gray, dark: darks } = app.colors;
const brand = app.colors.brand!;

describe('contrastRatio', () => {
  it('matches the WCAG figures for known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // Mantine's own secondary grey on white: the 3.3:1 the issue measured.
    expect(contrastRatio(gray[6], '#ffffff')).toBeCloseTo(3.32, 2);
  });
});

describe('readableOn', () => {
  it('keeps a colour that already reads and moves one that does not only as far as AA needs', () => {
    expect(readableOn('#000000', ['#ffffff'], 'darker')).toBe('#000000');
    const moved = readableOn(gray[6], ['#ffffff'], 'darker');
    expect(contrastRatio(moved, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
    expect(contrastRatio(moved, '#ffffff')).toBeLessThan(contrastRatio(gray[7], '#ffffff'));
  });
});

describe('accessibleColors', () => {
  const lightSurfaces = ['#ffffff', gray[0], brand[1]];
  const darkSurfaces = [darks[7], darks[6], darks[5]];
  const readsOn = (color: string | undefined, surfaces: string[]) => Math.min(...surfaces.map((s) => contrastRatio(color!, s)));

  it('gives secondary text and links at least 4.5:1 on every surface in both themes', () => {
    expect(readsOn(light['--mantine-color-dimmed'], lightSurfaces)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
    expect(readsOn(dark['--mantine-color-dimmed'], darkSurfaces)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
    expect(readsOn(light['--mantine-color-anchor'], lightSurfaces)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
    expect(readsOn(dark['--mantine-color-anchor'], darkSurfaces)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
  });

  it.each(Object.keys(app.colors).filter((name) => name !== 'dark'))('makes %s text, light badges and white-on-filled labels AA in both themes', (name) => {
    const shades = app.colors[name]!;
    expect(readsOn(light[`--mantine-color-${name}-text`], lightSurfaces)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
    expect(readsOn(dark[`--mantine-color-${name}-text`], darkSurfaces)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
    expect(contrastRatio(light[`--mantine-color-${name}-light-color`]!, shades[1])).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
    expect(contrastRatio(light[`--mantine-color-${name}-filled`]!, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
    expect(contrastRatio(dark[`--mantine-color-${name}-filled`]!, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
  });
});
