/** Base64 (as the API sends files) to bytes. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * In the browser host there is no save dialog, so a file is downloaded with the same sanitised
 * name the desktop app would suggest. Returns that name.
 */
export function downloadBase64(dataBase64: string, fileName: string, type = 'application/pdf'): string {
  const url = URL.createObjectURL(new Blob([base64Bytes(dataBase64)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}

/** Downloads text (a CSV or JSON export) under `fileName`, as `downloadBase64` does. Returns that name. */
export function downloadText(text: string, fileName: string, type: string): string {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
