import { Alert, Anchor, Center, Loader, Stack } from '@mantine/core';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { paymentTermsFor } from '../../../../shared/clients/payment-terms';
import { useApiQuery } from '../../api/hooks';
import { ErrorPanel } from '../../components/ErrorPanel';
import { DraftEditor } from './DraftEditor';
import { IssuedView } from './IssuedView';

export function NewInvoicePage() {
  const clientId = Number(useSearchParams()[0].get('client'));
  const client = useApiQuery('clients.get', { id: clientId }, { enabled: clientId > 0 });
  const profile = useApiQuery('profile.get');
  // The settings give a new draft its VAT-inclusive default, so the form waits for them.
  const settings = useApiQuery('settings.getInvoicing');
  if ((clientId > 0 && (client.isPending || profile.isPending)) || settings.isPending) return <Center py="xl"><Loader /></Center>;
  const prefill = client.data && {
    clientId: String(client.data.id),
    currency: client.data.currency,
    paymentTermsDays: paymentTermsFor(client.data, profile.data),
  };
  return <DraftEditor {...(prefill ? { prefill } : {})} />;
}

/** /invoices/:id shows a draft in the editor and an issued document read-only; /edit refuses the latter. */
export function InvoicePage({ edit = false }: { edit?: boolean }) {
  const id = Number(useParams().id);
  const issueNow = (useLocation().state as { issue?: boolean } | null)?.issue ?? false;
  const invoice = useApiQuery('invoices.get', { id }, { enabled: id > 0 });
  if (invoice.isPending) return <Center py="xl"><Loader /></Center>;
  if (invoice.isError) return <ErrorPanel error={invoice.error} title="Invoice not available" />;
  const value = invoice.data;
  if (value.status === 'draft') return <DraftEditor key={value.id} invoice={value} issueNow={issueNow} />;
  if (edit) {
    return (
      <Stack maw={640}>
        <Alert color="orange" variant="light" title={`${value.number} can't be edited`} role="alert">
          This invoice is issued and can't be changed. Create a credit note instead.
        </Alert>
        <Anchor component={Link} to={`/invoices/${value.id}`}>
          View {value.number}
        </Anchor>
      </Stack>
    );
  }
  return <IssuedView invoice={value} />;
}
