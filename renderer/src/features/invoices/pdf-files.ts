import { call } from '../../api/client';
import { base64Bytes, downloadBase64 } from '../../components/downloads';

/** The stored PDF as a blob URL, for the in-app preview. */
export async function pdfBlobUrl(id: number): Promise<string> {
  const { dataBase64 } = await call('invoices.pdf', { id });
  return URL.createObjectURL(new Blob([base64Bytes(dataBase64)], { type: 'application/pdf' }));
}

/** Chromium's viewer opens with the page fitted to the width and no thumbnail pane. */
export const PREVIEW_VIEW = '#view=FitH&navpanes=0';

/** Downloads the stored PDF in the browser host, where there is no save dialog; returns the file name. */
export async function downloadPdf(id: number): Promise<string> {
  const { dataBase64, fileName } = await call('invoices.pdf', { id });
  return downloadBase64(dataBase64, fileName);
}
