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
const MAX_CACHED_RUNS = 20_000;

type DecodableGlyph = fontkit.Glyph & { _decode(): unknown };

/**
 * OpenType shaping (kerning, ligatures) of each word was most of a document's rendering time,
 * and pdfkit keeps its shaping cache per document. This font remembers shaped runs across
 * documents. pdfkit scales a run's positions in place, so each caller gets fresh positions.
 * Embedding a subset also re-decoded every glyph's outline for every PDF; a static font's
 * outlines never change, so each glyph keeps its decoded form.
 */
function withSharedLayoutCache(base: LoadedFont): LoadedFont {
  const decodedOnce = new WeakSet<fontkit.Glyph>();
  const runs = new Map<string, fontkit.GlyphRun>();
  const shared = Object.create(base) as LoadedFont;
  shared.layout = ((text: string, features?: unknown) => {
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    let run = runs.get(key);
    if (!run) {
      if (runs.size >= MAX_CACHED_RUNS) runs.clear();
      run = base.layout(text, features as string[] | undefined);
      runs.set(key, run);
    }
    // The copy keeps GlyphRun's getters (advanceWidth sums the copied positions).
    const copy = Object.create(run) as fontkit.GlyphRun;
    copy.positions = run.positions.map((p) => ({ ...p }));
    return copy;
  }) as LoadedFont['layout'];
  shared.getGlyph = ((id: number, codePoints?: number[]) => {
    const glyph = base.getGlyph(id, codePoints) as DecodableGlyph;
    if (!decodedOnce.has(glyph)) {
      const decode = glyph._decode.bind(glyph);
      let decoded: unknown;
      let done = false;
      glyph._decode = () => {
        if (!done) {
          decoded = decode();
          done = true;
        }
        return decoded;
      };
      decodedOnce.add(glyph);
    }
    return glyph;
  }) as LoadedFont['getGlyph'];
  return shared;
}

/** Parsed once per process: parsing a font per document cost 60 ms; reusing it costs nothing. */
export function font(role: FontRole): LoadedFont {
  let loaded = cache.get(role);
  if (!loaded) {
    loaded = withSharedLayoutCache(fontkit.create(fs.readFileSync(require.resolve(FILES[role]))) as LoadedFont);
    cache.set(role, loaded);
  }
  return loaded;
}

export interface TextRun {
  text: string;
  role: FontRole;
}

/** Splits text into runs the main font can draw and runs that need the CJK fallback. */
export function textRuns(text: string, bold = false): TextRun[] {
  const mainRole: FontRole = bold ? 'bold' : 'regular';
  const main = font(mainRole);
  const runs: TextRun[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const useMain = code < 0x250 || /\s/.test(ch) || main.hasGlyphForCodePoint(code);
    const role: FontRole = useMain ? mainRole : bold ? 'cjkBold' : 'cjk';
    const last = runs.at(-1);
    if (last && last.role === role) last.text += ch;
    else runs.push({ text: ch, role });
  }
  return runs;
}
