import { Alert, Center, Loader, Paper, ThemeIcon } from '@mantine/core';
import { IconFileTypePdf, IconReceiptOff } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import type { Expense } from '../../../../shared/api/expenses';
import { useApiQuery } from '../../api/hooks';
import { base64Bytes } from '../../components/downloads';
import { PREVIEW_VIEW } from '../invoices/pdf-files';

/** The size (px) of a receipt thumbnail in the list: portrait, as most receipts are. */
const THUMB = { width: 36, height: 46 };

/** A blob URL for some bytes, revoked when they change or the component goes. */
function useBlobUrl(bytes: Uint8Array<ArrayBuffer> | Blob | null, type: string): string | null {
  const url = useMemo(() => (bytes ? URL.createObjectURL(bytes instanceof Blob ? bytes : new Blob([bytes], { type })) : null), [bytes, type]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

/** A stored receipt's bytes, fetched once per expense and kept while the receipt's hash is the same. */
function useStoredReceipt(expense: Pick<Expense, 'id' | 'receipt'>, enabled = true) {
  const query = useApiQuery('expenses.receipt', { id: expense.id }, { enabled: enabled && expense.receipt !== null, staleTime: Infinity });
  const bytes = useMemo(() => (query.data && query.data.sha256 === expense.receipt?.sha256 ? base64Bytes(query.data.dataBase64) : null), [query.data, expense.receipt?.sha256]);
  return { ...query, bytes };
}

/**
 * The list's receipt thumbnail: the photo itself, its top scaled to fill a small card (drawn only for
 * rows in view, as the list is virtualised), a PDF mark for a PDF, and a dimmed mark for none.
 */
export function ReceiptThumb({ expense }: { expense: Pick<Expense, 'id' | 'receipt' | 'supplier'> }) {
  const image = expense.receipt?.type.startsWith('image/') ?? false;
  const { bytes } = useStoredReceipt(expense, image);
  const url = useBlobUrl(image ? bytes : null, expense.receipt?.type ?? '');
  const box = { ...THUMB, borderRadius: 'var(--mantine-radius-sm)' };
  if (!expense.receipt) {
    return (
      <ThemeIcon variant="default" style={{ ...box, opacity: 0.45 }} role="img" aria-label="No receipt" title="No receipt">
        <IconReceiptOff size={16} />
      </ThemeIcon>
    );
  }
  if (!image) {
    return (
      <ThemeIcon variant="light" color="red" style={box} aria-label={`PDF receipt ${expense.receipt.fileName}`} title={expense.receipt.fileName}>
        <IconFileTypePdf size={18} />
      </ThemeIcon>
    );
  }
  return url ? (
    <img src={url} alt={`Receipt from ${expense.supplier}`} data-testid="receipt-thumb" style={{ ...box, objectFit: 'cover', objectPosition: 'top', display: 'block', border: '1px solid var(--mantine-color-default-border)' }} />
  ) : (
    <Paper withBorder style={box} />
  );
}

/**
 * A receipt shown in full: an image inline, a PDF in the built-in viewer as the invoice preview
 * does. `file` is one just chosen (not yet saved); otherwise the expense's stored receipt.
 */
export function ReceiptPreview({ file, expense }: { file: File | null; expense: Pick<Expense, 'id' | 'receipt'> | null }) {
  const stored = useStoredReceipt(expense ?? { id: 0, receipt: null }, file === null && expense !== null);
  const type = file ? file.type : (expense?.receipt?.type ?? '');
  const name = file ? file.name : (expense?.receipt?.fileName ?? '');
  const url = useBlobUrl(file ?? stored.bytes, type);
  if (stored.isError) return <Alert color="red">{stored.error.message}</Alert>;
  if (!url) {
    return (
      <Center h={360}>
        <Loader />
      </Center>
    );
  }
  const pdf = type === 'application/pdf' || name.toLowerCase().endsWith('.pdf');
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }} h={420} data-testid="receipt-preview">
      {pdf ? (
        <iframe src={`${url}${PREVIEW_VIEW}`} title={`Receipt ${name}`} style={{ border: 0, width: '100%', height: '100%' }} />
      ) : (
        <img src={url} alt={`Receipt ${name}`} style={{ width: '100%', height: '100%', objectFit: 'contain', display: 'block', background: 'var(--mantine-color-default-hover)' }} />
      )}
    </Paper>
  );
}
