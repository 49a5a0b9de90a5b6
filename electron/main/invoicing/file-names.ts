const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** C0 and C1 controls, and the bidi overrides and marks that can disguise an extension. */
function isHidden(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x200e || c === 0x200f || c === 0x061c;
}

/**
 * A file name safe on Windows, macOS and Linux: no path separators, control or bidi-override
 * characters, no "..", no reserved device names, at most 255 bytes in UTF-8.
 */
export function sanitizeFileName(raw: string, fallback = 'document'): string {
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(raw)?.[0] ?? '';
  let stem = raw
    .slice(0, raw.length - ext.length)
    .normalize('NFC')
    .split('')
    .filter((ch) => !isHidden(ch))
    .join('')
    .replace(/[<>:"/\\|?*]/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '');
  if (!stem || RESERVED.test(stem)) stem = stem ? `_${stem}` : fallback;
  const encoder = new TextEncoder();
  const budget = 255 - encoder.encode(ext).length;
  while (encoder.encode(stem).length > budget) stem = Array.from(stem).slice(0, -1).join('');
  return `${stem.trimEnd()}${ext}`;
}

export function pdfFileName(number: string, clientName: string): string {
  return sanitizeFileName(`${number} ${clientName}.pdf`);
}
