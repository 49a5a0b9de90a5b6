import { call } from '../../api/client';

function bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The stored PDF as a blob URL, for the in-app preview. */
export async function pdfBlobUrl(id: number): Promise<string> {
  const { dataBase64 } = await call('invoices.pdf', { id });
  return URL.createObjectURL(new Blob([bytes(dataBase64)], { type: 'application/pdf' }));
}

/** Chromium's viewer opens with the page fitted to the width and no thumbnail pane. */
export const PREVIEW_VIEW = '#view=FitH&navpanes=0';

/**
 * In the browser host there is no save dialog, so the same stored bytes are downloaded with the
 * same sanitised file name the desktop app would suggest.
 */
export async function downloadPdf(id: number): Promise<string> {
  const { dataBase64, fileName } = await call('invoices.pdf', { id });
  const url = URL.createObjectURL(new Blob([bytes(dataBase64)], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
