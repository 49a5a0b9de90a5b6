import { darken, getPrimaryShade, lighten, luminance, type CSSVariablesResolver, type MantineTheme } from '@mantine/core';

/** WCAG 2.1 AA for normal-size text (1.4.3). */
export const AA_TEXT_CONTRAST = 4.5;

/** The WCAG 2.1 contrast ratio of two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/**
 * `color`, or the nearest shade of it (mixed toward black or white in 5% steps) that reads at
 * AA on every one of `backgrounds`, so a colour keeps its hue and changes only as far as needed.
 */
export function readableOn(color: string, backgrounds: string[], toward: 'darker' | 'lighter'): string {
  for (let step = 0; step <= 20; step++) {
    const candidate = step === 0 ? color : toward === 'darker' ? darken(color, step * 0.05) : lighten(color, step * 0.05);
    if (backgrounds.every((bg) => contrastRatio(candidate, bg) >= AA_TEXT_CONTRAST)) return candidate;
  }
  return toward === 'darker' ? '#000000' : '#ffffff';
}

/**
 * Mantine's default palette puts secondary grey at 3.3:1 on white (3.5:1 on a dark card), and
 * coloured text, light badges and white-on-filled labels below 4.5:1 for most colours. This keeps
 * Mantine's shades and moves each text colour only as far as AA needs, on every surface it is
 * drawn on: the page, a card, a hovered row and the primary colour's light tint.
 */
export const accessibleColors: CSSVariablesResolver = (theme: MantineTheme) => {
  const { gray, dark } = theme.colors;
  const primary = theme.colors[theme.primaryColor]!;
  const lightSurfaces = [theme.white, gray[0], primary[1]];
  const darkSurfaces = [dark[7], dark[6], dark[5], darken(primary[9], 0.5)];
  const lightShade = getPrimaryShade(theme, 'light');
  const darkShade = getPrimaryShade(theme, 'dark');
  const light: Record<string, string> = { '--mantine-color-dimmed': readableOn(gray[6], lightSurfaces, 'darker') };
  const darkVars: Record<string, string> = { '--mantine-color-dimmed': readableOn(dark[2], darkSurfaces, 'lighter') };
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (name === 'dark') continue;
    const lightFilled = readableOn(shades[lightShade], [theme.white], 'darker');
    Object.assign(light, {
      [`--mantine-color-${name}-text`]: readableOn(shades[lightShade], lightSurfaces, 'darker'),
      [`--mantine-color-${name}-filled`]: lightFilled,
      [`--mantine-color-${name}-filled-hover`]: darken(lightFilled, 0.1),
      [`--mantine-color-${name}-light-color`]: readableOn(shades[9], [shades[1]], 'darker'),
      [`--mantine-color-${name}-outline`]: lightFilled,
    });
    const darkFilled = readableOn(shades[darkShade], [theme.white], 'darker');
    Object.assign(darkVars, {
      [`--mantine-color-${name}-text`]: readableOn(shades[4], darkSurfaces, 'lighter'),
      [`--mantine-color-${name}-filled`]: darkFilled,
      [`--mantine-color-${name}-filled-hover`]: darken(darkFilled, 0.1),
    });
  }
  light['--mantine-color-anchor'] = light[`--mantine-color-${theme.primaryColor}-text`]!;
  darkVars['--mantine-color-anchor'] = darkVars[`--mantine-color-${theme.primaryColor}-text`]!;
  return { variables: {}, light, dark: darkVars };
};
