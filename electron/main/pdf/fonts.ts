import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

/** Noto Sans for Latin, Greek and Cyrillic; Noto Sans SC for CJK names. Both ship with the app. */
const FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/600SemiBold/NotoSans_600SemiBold.ttf',
  cjk: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  cjkBold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export type FontRole = keyof typeof FILES;
export type LoadedFont = fontkit.Font;

const cache = new Map<FontRole, LoadedFont>();

/** Parsed once per process: parsing a font per document cost 60 ms; reusing it costs nothing. */
export function font(role: FontRole): LoadedFont {
  let loaded = cache.get(role);
  if (!loaded) {
    loaded = fontkit.create(fs.readFileSync(require.resolve(FILES[role]))) as LoadedFont;
    cache.set(role, loaded);
  }
  return loaded;
}

export interface TextRun {
  text: string;
  font: LoadedFont;
}

/** Splits text into runs the main font can draw and runs that need the CJK fallback. */
export function textRuns(text: string, bold = false): TextRun[] {
  const main = font(bold ? 'bold' : 'regular');
  const runs: TextRun[] = [];
  let fallback: LoadedFont | undefined;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const useMain = code < 0x250 || /\s/.test(ch) || main.hasGlyphForCodePoint(code);
    const f = useMain ? main : (fallback ??= font(bold ? 'cjkBold' : 'cjk'));
    const last = runs.at(-1);
    if (last && last.font === f) last.text += ch;
    else runs.push({ text: ch, font: f });
  }
  return runs;
}
