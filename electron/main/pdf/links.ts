/**
 * pdfkit writes link targets as given, javascript: included. Only https and mailto links go into
 * a PDF; anything else is printed as plain text.
 */
export function safeLinkUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol === 'https:' && url.hostname && !url.username && !url.password) return url.href;
  if (url.protocol === 'mailto:' && /^[^@\s]+@[^@\s]+$/.test(url.pathname)) return url.href;
  return null;
}
