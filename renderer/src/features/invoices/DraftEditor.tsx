import { Alert, Button, Card, Grid, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { suffixProps } from '../../components/input-suffix';
import { useForm } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconSend, IconTrash } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { draftInput, type Invoice } from '../../../../shared/api/invoices';
import { paymentTermsFor } from '../../../../shared/clients/payment-terms';
import { previewDraft } from '../../../../shared/invoice/draft-preview';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { call } from '../../api/client';
import { CurrencySelect } from '../../components/ReferenceSelects';
import { BackLink } from '../../components/BackLink';
import { PageHeader } from '../../components/PageHeader';
import { useToday } from '../../components/dates';
import { ClientSelect } from '../clients/ClientSelect';
import { ContractLink } from '../contracts/ContractLink';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { canonicalDraft, draftInputFrom, draftNumberProblems, draftValues, lineNumberProblems, newDraftValues, type DraftValues } from './draft-form';
import { IssueModal } from './IssueModal';
import { InvoiceMoreMenu } from './InvoiceMoreMenu';
import { BilledWorkCard } from './BilledWorkCard';
import { LinePricingCard } from './LinePricingCard';
import { LinesEditor } from './LinesEditor';
import { TaxPointPanel } from './TaxPointPanel';
import { TotalsPanel } from './TotalsPanel';
import { VatPanel } from './VatPanel';
import { fieldMaxLength } from '../../forms/max-length';
import { useUnsavedChanges } from '../../forms/unsaved-changes';
import { useSingleFlight } from '../../forms/single-flight';
import { SHORTCUTS } from '../../app/shortcuts';
import { displayLocale } from '../../app/locale';
import { numberInputProps } from '../../forms/numbers';
import { DateField } from '../../components/DateField';

/** Live figures for whatever is valid so far (invalid lines are left out until fixed), or why the rules refuse them. */
function usePreview(values: DraftValues) {
  const profile = useApiQuery('profile.get');
  const settings = useApiQuery('settings.getInvoicing');
  const clientId = Number(values.clientId);
  const client = useApiQuery('clients.get', { id: clientId }, { enabled: clientId > 0 });
  return useMemo(() => {
    if (!profile.data || !settings.data || !client.data) return { figures: null, refused: null };
    const result = previewDraft(profile.data, client.data, settings.data, values);
    if (result && 'refused' in result) return { figures: null, refused: result.refused };
    return { figures: result && { ...result, homeCurrency: profile.data.homeCurrency }, refused: null };
  }, [profile.data, settings.data, client.data, values]);
}

interface EditorProps {
  invoice?: Invoice;
  /** A new draft for a known client starts with its currency and payment terms. */
  prefill?: Partial<DraftValues>;
  /** Open the issue dialog at once: a new draft was saved on its way to being issued. */
  issueNow?: boolean;
}

export function DraftEditor({ invoice, prefill, issueNow = false }: EditorProps) {
  const navigate = useNavigate();
  const profile = useApiQuery('profile.get');
  const settings = useApiQuery('settings.getInvoicing');
  const create = useApiMutation('invoices.createDraft');
  const update = useApiMutation('invoices.updateDraft');
  const remove = useApiMutation('invoices.deleteDraft');
  const [issuing, setIssuing] = useState<Invoice | null>(issueNow && invoice ? invoice : null);
  const [failure, setFailure] = useState<string | null>(null);
  const today = useToday();
  const form = useForm<DraftValues>({
    initialValues: invoice ? draftValues(invoice, displayLocale()) : { ...newDraftValues(today, settings.data?.pricesIncludeVat), ...prefill },
    validate: (values: DraftValues) => ({ ...zodValidate(draftInput, (v: DraftValues) => draftInputFrom(canonicalDraft(v, displayLocale())))(values), ...draftNumberProblems(values, displayLocale()) }),
  });
  useUnsavedChanges(() => form.isDirty());
  const canonical = useMemo(() => canonicalDraft(form.values, displayLocale()), [form.values]);
  const { figures: preview, refused } = usePreview(canonical);
  const lineProblems = useMemo(() => lineNumberProblems(form.values.lines, displayLocale()), [form.values.lines]);
  const saving = create.isPending || update.isPending;

  const chooseClient = async (id: string | null) => {
    form.setFieldValue('clientId', id);
    if (!id) return;
    const client = await call('clients.get', { id: Number(id) });
    form.setFieldValue('currency', client.currency);
    form.setFieldValue('paymentTermsDays', paymentTermsFor(client, profile.data));
  };

  // One save at a time: a second Ctrl+S or Enter while the first is on its way would create a second draft and a second toast.
  const once = useSingleFlight();
  // The draft this editor created, until the move to its own address lands: a save in between updates it rather than creating another.
  const created = useRef<Invoice | null>(null);
  const save = async (then: 'stay' | 'issue' = 'stay'): Promise<Invoice | null> =>
    (await once(async () => {
      setFailure(null);
      if (form.validate().hasErrors) return null;
      const input = draftInputFrom(canonicalDraft(form.values, displayLocale()));
      try {
        const existing = invoice ?? created.current;
        const saved = existing ? await update.mutateAsync({ ...input, id: existing.id }) : await create.mutateAsync(input);
        form.resetDirty();
        // A new draft moves to its own address; the dialog reopens there if it was being issued.
        if (!invoice) {
          created.current = saved;
          navigate(`/invoices/${saved.id}`, { replace: true, state: { issue: then === 'issue' } });
        }
        // One id, so saves in quick succession keep one "Draft saved" on screen instead of a stack.
        notifications.show({ id: 'draft-saved', message: 'Draft saved', color: 'teal', icon: <IconCheck size={16} /> });
        return saved;
      } catch (error) {
        const fieldErrors = serverFieldErrors(error);
        form.setErrors(fieldErrors);
        if (Object.keys(fieldErrors).length === 0) setFailure((error as Error).message);
        return null;
      }
    })) ?? null;

  const startIssue = async () => {
    const saved = await save('issue');
    if (saved && invoice) setIssuing(saved);
  };

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: 'Delete this draft?',
      children: <Text size="sm">The draft has no number yet, so deleting it leaves no gap in your invoice numbers.</Text>,
      labels: { confirm: 'Delete draft', cancel: 'Keep' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void remove.mutateAsync({ id: invoice!.id }).then(() => {
          // The draft is gone, so its changes are not "unsaved work" to ask about.
          form.resetDirty();
          navigate('/invoices');
        }),
    });

  useHotkeys([[SHORTCUTS.saveDraft.hotkey, () => void save()]], []);

  return (
    <>
      <BackLink to="/invoices" label="Invoices" />
      <PageHeader
        title={invoice ? 'Draft invoice' : 'New invoice'}
        subtitle={
          <>
            Drafts have no number; it is given when you issue.
            {form.values.contractId !== null && <ContractLink contractId={Number(form.values.contractId)} />}
          </>
        }
        actions={
          <>
            {invoice && (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete}>
                Delete draft
              </Button>
            )}
            <Button variant="default" onClick={() => void save()} loading={saving}>
              Save draft
            </Button>
            <Button leftSection={<IconSend size={16} />} onClick={() => void startIssue()} disabled={saving}>
              Issue invoice
            </Button>
            {invoice && <InvoiceMoreMenu invoice={invoice} />}
          </>
        }
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
        aria-label="Invoice draft"
      >
        {/* The client, then the lines: the two things every invoice needs come first in the tab order and on screen. */}
        <Card mb="lg">
          <Stack gap="sm">
            <SimpleGrid cols={3}>
              <ClientSelect
                label="Client"
                withAsterisk
                placeholder="Choose a client"
                status="active"
                {...form.getInputProps('clientId')}
                value={form.values.clientId}
                onChange={(v) => void chooseClient(v)}
                error={form.errors.clientId}
              />
            </SimpleGrid>
            <LinesEditor form={form} calculation={preview?.calculation ?? null} defaultPrice="" />
          </Stack>
        </Card>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="lg">
              <Card>
                <Stack gap="sm">
                  <SimpleGrid cols={3}>
                    <CurrencySelect label="Currency" withAsterisk {...form.getInputProps('currency')} />
                    <TextInput label="Payment terms" inputMode="numeric" {...suffixProps('days')} {...form.getInputProps('paymentTermsDays')} />
                    <DateField label="Issue date" withAsterisk {...form.getInputProps('issueDate')} />
                  </SimpleGrid>
                  <SimpleGrid cols={3}>
                    <DateField label="Supply from" {...form.getInputProps('supplyStart')} />
                    <DateField label="Supply to" {...form.getInputProps('supplyEnd')} />
                    <TextInput label="PO number" maxLength={fieldMaxLength(draftInput, 'poNumber')} {...form.getInputProps('poNumber')} />
                  </SimpleGrid>
                  <SimpleGrid cols={3}>
                    <TextInput label="Discount on fees (%)" placeholder="0" maxLength={fieldMaxLength(draftInput, 'discountPercent')} {...numberInputProps(form, 'discountPercent')} />
                    <TextInput label="Withholding (%)" placeholder="e.g. 15 for IRPF" maxLength={fieldMaxLength(draftInput, 'withholdingPercent')} {...numberInputProps(form, 'withholdingPercent')} />
                  </SimpleGrid>
                  <Switch
                    label="Prices include VAT"
                    description="Unit prices are what the client pays; the VAT is the part of each amount that is VAT, and the invoice says so"
                    {...form.getInputProps('pricesIncludeVat', { type: 'checkbox' })}
                  />
                </Stack>
              </Card>
              <Card>
                <Textarea label="Notes printed on the invoice" autosize minRows={2} maxLength={fieldMaxLength(draftInput, 'notes')} {...form.getInputProps('notes')} />
              </Card>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              {invoice && <LinePricingCard invoice={invoice} />}
              {invoice && <BilledWorkCard invoice={invoice} />}
              {failure && (
                <Alert color="red" variant="light" role="alert">
                  {failure}
                </Alert>
              )}
              {lineProblems.length > 0 ? (
                <Alert color="red" variant="light" role="alert" title="Fix these lines to see the totals" data-testid="line-problems">
                  {lineProblems.map((problem) => (
                    <Text key={problem} size="sm">
                      {problem}
                    </Text>
                  ))}
                </Alert>
              ) : preview ? (
                <TotalsPanel calculation={preview.calculation} />
              ) : refused ? (
                <Alert color="red" variant="light" role="alert" title="These figures can't be calculated">
                  {refused}
                </Alert>
              ) : (
                <Card>
                  <Text size="sm" c="dimmed">
                    Choose a client and add lines to see the totals.
                  </Text>
                </Card>
              )}
              <VatPanel form={form} treatment={preview?.treatment ?? null} />
              <TaxPointPanel form={form} taxPoint={preview?.taxPoint ?? null} invoiceDeadline={preview?.invoiceDeadline ?? null} />
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
      {issuing && preview && (
        <IssueModal
          invoice={issuing}
          homeCurrency={preview.homeCurrency}
          fxRequired={preview.fxRequired}
          rateDate={preview.taxPoint.date}
          onClose={() => setIssuing(null)}
        />
      )}
    </>
  );
}
