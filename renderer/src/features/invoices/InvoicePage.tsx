import { Alert, Anchor, Center, Loader, Stack } from '@mantine/core';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { paymentTermsFor } from '../../../../shared/clients/payment-terms';
import { useApiQuery } from '../../api/hooks';
import { ErrorPanel } from '../../components/ErrorPanel';
import { DraftEditor } from './DraftEditor';
import { emptyLine, type DraftValues } from './draft-form';
import { IssuedView } from './IssuedView';
import { toMajorString } from '../../../../shared/money/money';

/**
 * /invoices/new[?client=ID | ?contract=ID]: a blank draft, one for a client (its currency and
 * terms), or one started from a signed contract (its client, currency, terms, PO number and a
 * first line at the contract's rate, recorded as the draft's contract).
 */
export function NewInvoicePage() {
  const params = useSearchParams()[0];
  const contractId = Number(params.get('contract'));
  const contract = useApiQuery('contracts.get', { id: contractId }, { enabled: contractId > 0 });
  const clientId = contract.data?.clientId ?? Number(params.get('client'));
  const client = useApiQuery('clients.get', { id: clientId }, { enabled: clientId > 0 });
  const profile = useApiQuery('profile.get');
  // The settings give a new draft its VAT-inclusive default, so the form waits for them.
  const settings = useApiQuery('settings.getInvoicing');
  if ((contractId > 0 && contract.isPending) || (clientId > 0 && (client.isPending || profile.isPending)) || settings.isPending) return <Center py="xl"><Loader /></Center>;
  if (contract.isError) return <ErrorPanel error={contract.error} title="Contract not available" />;
  // The terms in effect today, or the first signed ones when the contract has not started yet.
  const terms = contract.data && (contract.data.versions.find((v) => v.id === contract.data.current) ?? contract.data.versions.find((v) => v.signedAt !== null) ?? null);
  const prefill: Partial<DraftValues> | undefined = client.data && {
    clientId: String(client.data.id),
    currency: client.data.currency,
    paymentTermsDays: paymentTermsFor(client.data, profile.data),
    ...(terms && {
      contractId: String(contract.data!.id),
      currency: terms.rate.currency,
      paymentTermsDays: terms.paymentTermsDays,
      continuousSupply: terms.continuousSupply,
      poNumber: terms.poNumber ?? '',
      // A retainer bills its monthly fee; other contracts bill time (or the fixed price) at the contract's rate.
      lines: [
        terms.retainer
          ? { ...emptyLine(toMajorString(terms.retainer.monthlyFeeMinor, terms.rate.currency)), description: `${terms.title}: monthly retainer, ${terms.retainer.includedHours} h included`, unit: 'fixed' as const, quantity: '1' }
          : { ...emptyLine(terms.rate.rate), description: terms.title, unit: terms.rate.unit, quantity: terms.rate.unit === 'fixed' ? '1' : '' },
      ],
    }),
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
