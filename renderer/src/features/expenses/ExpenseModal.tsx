import { Alert, Anchor, Button, Checkbox, Grid, Group, Modal, Radio, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconLock, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { FieldErrors } from '../../../../shared/api/errors';
import { expenseInput, type Expense } from '../../../../shared/api/expenses';
import { fieldErrorsFromZod } from '../../../../shared/api/errors';
import { billingStateLabel, CATEGORY_LABELS, checkReceipt, EXPENSE_CATEGORIES, REBILL_KIND_HELP, REBILL_KINDS, RECEIPT_MAX_BYTES } from '../../../../shared/expenses/rules';
import { FX_SOURCE_LABELS } from '../../../../shared/money/fx';
import type { CurrencyCode } from '../../../../shared/reference/currencies';
import { ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate, useToday } from '../../components/dates';
import { FormError } from '../../components/FormError';
import { CurrencySelect } from '../../components/ReferenceSelects';
import { blankValues, inputOf, valuesOf, type ExpenseValues } from './expense-form';
import { numberInputProps, numberProblems, typedText, withCanonicalNumbers, withTypedNumbers } from '../../forms/numbers';
import { ReceiptPreview } from './Receipts';
import { fieldMaxLength } from '../../forms/max-length';
import { useConfirmedClose } from '../../forms/unsaved-changes';
import { formatDecimal } from '../../components/format';
import { DateField } from '../../components/DateField';

/** API field paths that the form names differently. */
/** The fields typed as numbers in the display locale. */
const NUMBER_FIELDS = ['amount', 'vat', 'fxRate'] as const;
const FIELD_OF: Record<string, string> = { 'fx.rate': 'fxRate', 'fx.date': 'fxDate', fx: 'fxRate' };
const toFormErrors = (errors: FieldErrors): FieldErrors => Object.fromEntries(Object.entries(errors).map(([path, message]) => [FIELD_OF[path] ?? path, message]));

/** A file as base64, for the API. */
async function base64Of(file: File): Promise<string> {
  const buffer = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < buffer.length; i += 0x8000) binary += String.fromCharCode(...buffer.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The first bytes of a file, enough for checkReceipt to know its type before it is sent (main checks the whole file again). */
async function receiptProblem(file: File): Promise<string | null> {
  if (file.size > RECEIPT_MAX_BYTES) return `${file.name} is larger than 20 MB; choose a smaller scan or photo`;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = checkReceipt(file.name, bytes);
  return checked.ok ? null : checked.message;
}

/**
 * Records or changes an expense: what was paid, VAT in it, the contract and whether the client
 * pays it back (and how: recharge or disbursement, explained beside the choice), a conversion
 * rate when the contract is in another currency (the stored one offered), and the receipt, shown
 * as it will be kept. An expense on an invoice is shown read-only, saying why.
 */
export function ExpenseModal({ expense, onClose }: { expense: Expense | null; onClose(): void }) {
  // A new expense starts in the home currency, so the form waits for the profile (else it could start blank and ask for one).
  const profile = useApiQuery('profile.get');
  if (profile.isPending) return null;
  return <ExpenseForm expense={expense} onClose={onClose} homeCurrency={profile.data?.homeCurrency ?? null} />;
}

function ExpenseForm({ expense, onClose, homeCurrency }: { expense: Expense | null; onClose(): void; homeCurrency: CurrencyCode | null }) {
  const today = useToday();
  const contracts = useApiQuery('contracts.list', {});
  const create = useApiMutation('expenses.create');
  const update = useApiMutation('expenses.update');
  const remove = useApiMutation('expenses.delete');
  const fileInput = useRef<HTMLInputElement>(null);
  // The receipt: 'keep' what is stored, null for none, or a file just chosen.
  const [receipt, setReceipt] = useState<'keep' | null | File>(expense?.receipt ? 'keep' : null);
  const [receiptError, setReceiptError] = useState<string | null>(null);
  const locked = expense !== null && (expense.billing.state === 'invoiced' || expense.billing.state === 'draft');

  const contractOptions = (contracts.data ?? []).filter((c) => c.status !== 'cancelled' || String(c.id) === (expense?.contract ? String(expense.contract.id) : null));
  const currencyOfContract = (contractId: string | null): CurrencyCode | null => contractOptions.find((c) => String(c.id) === contractId)?.rate.currency ?? null;

  const form = useForm<ExpenseValues>({
    initialValues: expense ? withTypedNumbers(valuesOf(expense), NUMBER_FIELDS) : blankValues(today, homeCurrency),
    validate: (values) => {
      const result = expenseInput.safeParse({ ...inputOf(withCanonicalNumbers(values, NUMBER_FIELDS), currencyOfContract(values.contractId)), receipt: null });
      return { ...(result.success ? {} : toFormErrors(fieldErrorsFromZod(result.error))), ...numberProblems(values, NUMBER_FIELDS) };
    },
  });
  const close = useConfirmedClose(() => form.isDirty(), onClose);
  const { values } = form;
  const contractCurrency = currencyOfContract(values.contractId);
  const needsFx = contractCurrency !== null && values.currency !== '' && contractCurrency !== values.currency;
  const suggestion = useApiQuery(
    'expenses.suggestRate',
    { currency: values.currency, contractId: Number(values.contractId), date: values.date },
    { enabled: needsFx && !locked && /^\d{4}-\d{2}-\d{2}$/.test(values.date) },
  );

  const pickFile = async (file: File | undefined) => {
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    const problem = await receiptProblem(file);
    setReceiptError(problem);
    if (!problem) setReceipt(file);
  };

  const submit = form.onSubmit(async (v) => {
    // A refused file is not silently left behind: the user chooses another or removes it first.
    if (receiptError) return;
    const input = inputOf(withCanonicalNumbers(v, NUMBER_FIELDS), contractCurrency);
    try {
      const upload = receipt instanceof File ? { fileName: receipt.name, dataBase64: await base64Of(receipt) } : null;
      if (expense) await update.mutateAsync({ ...input, id: expense.id, receipt: receipt === 'keep' ? 'keep' : upload });
      else await create.mutateAsync({ ...input, receipt: upload });
      onClose();
    } catch (error) {
      if (error instanceof ApiCallError) {
        const { receipt: receiptMessage, ...rest } = toFormErrors(error.fieldErrors);
        form.setErrors(rest);
        if (receiptMessage) setReceiptError(receiptMessage);
      }
    }
  });

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: 'Delete this expense?',
      children: (
        <Text size="sm">
          {expense!.supplier}, {formatDate(expense!.date)}. Its receipt stays in your backups.
        </Text>
      ),
      labels: { confirm: 'Delete expense', cancel: 'Keep' },
      confirmProps: { color: 'red' },
      onConfirm: () => void remove.mutateAsync({ id: expense!.id }).then(onClose, () => undefined),
    });

  const saving = create.isPending || update.isPending;
  const mutationError = create.error ?? update.error ?? remove.error;
  const receiptShown = receipt instanceof File || (receipt === 'keep' && expense?.receipt);

  return (
    <Modal opened onClose={close} size={980} title={<Text fw={650} size="lg">{expense ? 'Expense' : 'New expense'}</Text>}>
      <form onSubmit={submit} noValidate aria-label={expense ? 'Edit expense' : 'New expense'}>
        <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          {locked && (
            <Alert color={expense!.billing.state === 'invoiced' ? 'gray' : 'yellow'} icon={<IconLock size={16} />} mb="md" data-testid="expense-locked">
              {expense!.billing.state === 'invoiced'
                ? `${billingStateLabel('invoiced', expense!.billing.invoiceNumber)}: an issued invoice is a legal record, so this expense can't be changed or deleted.`
                : 'This expense is on a draft invoice. Delete that draft, or its line for this expense, to change it.'}
            </Alert>
          )}
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="sm">
                <SimpleGrid cols={2}>
                  <DateField label="Date" withAsterisk data-autofocus {...form.getInputProps('date')} />
                  <Select label="Category" withAsterisk placeholder="Choose…" allowDeselect={false} data={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} {...form.getInputProps('category')} />
                </SimpleGrid>
                <TextInput label="Supplier" withAsterisk placeholder="Who you paid" maxLength={fieldMaxLength(expenseInput, 'supplier')} {...form.getInputProps('supplier')} />
                <TextInput label="Description" withAsterisk placeholder="What it was for" maxLength={fieldMaxLength(expenseInput, 'description')} {...form.getInputProps('description')} />
                <SimpleGrid cols={2}>
                  <TextInput label="Amount paid" description="VAT included" withAsterisk inputMode="decimal" placeholder={typedText('0.00')} maxLength={fieldMaxLength(expenseInput, 'amount')} {...numberInputProps(form, 'amount')} />
                  <CurrencySelect label="Currency" withAsterisk description="As on the receipt" {...form.getInputProps('currency')} />
                </SimpleGrid>
                <SimpleGrid cols={2}>
                  <TextInput label="VAT in it" description="From the receipt; blank for none" inputMode="decimal" placeholder={typedText('0.00')} maxLength={fieldMaxLength(expenseInput, 'vat')} {...numberInputProps(form, 'vat')} />
                  <Checkbox mt={30} label="I can reclaim this VAT" description="A VAT receipt made out to your business" {...form.getInputProps('vatReclaimable', { type: 'checkbox' })} />
                </SimpleGrid>
                <Select
                  label="Contract"
                  placeholder="None"
                  clearable
                  searchable
                  nothingFoundMessage="No contract matches"
                  data={contractOptions.map((c) => ({ value: String(c.id), label: `${c.reference} · ${c.title} (${c.clientName}, ${c.rate.currency})` }))}
                  {...form.getInputProps('contractId')}
                />
                <Switch
                  label="Rebillable: the client pays this back"
                  disabled={values.contractId === null}
                  description={values.contractId === null ? 'Choose a contract first' : undefined}
                  {...form.getInputProps('rebillable', { type: 'checkbox' })}
                />
                {values.contractId !== null && values.rebillable && (
                  <Radio.Group label="Bill it as" {...form.getInputProps('rebillKind')}>
                    <Stack gap="xs" mt={6}>
                      {REBILL_KINDS.map((kind) => (
                        <Radio key={kind} value={kind} label={REBILL_KIND_HELP[kind].label} description={REBILL_KIND_HELP[kind].help} />
                      ))}
                    </Stack>
                  </Radio.Group>
                )}
                {needsFx && (
                  <Stack gap={4}>
                    <SimpleGrid cols={2}>
                      <TextInput label={`${contractCurrency} per 1 ${values.currency}`} description="The contract's currency" withAsterisk inputMode="decimal" maxLength={fieldMaxLength(expenseInput, 'fx.rate')} {...numberInputProps(form, 'fxRate')} />
                      <DateField label="Rate date" description=" " withAsterisk {...form.getInputProps('fxDate')} />
                    </SimpleGrid>
                    {suggestion.data ? (
                      <Text size="xs" c="dimmed">
                        Stored rate: {formatDecimal(suggestion.data.rate)} {contractCurrency} per 1 {values.currency}, {FX_SOURCE_LABELS[suggestion.data.source]} for {formatDate(suggestion.data.date)}.{' '}
                        <Anchor component="button" type="button" size="xs" onClick={() => form.setValues({ fxRate: typedText(suggestion.data!.rate), fxDate: suggestion.data!.date })}>
                          Use it
                        </Anchor>
                      </Text>
                    ) : (
                      suggestion.isSuccess && (
                        <Text size="xs" c="dimmed">
                          No rate for {values.currency} is stored for this date. Enter the rate you paid at, or add one in Settings → Exchange rates.
                        </Text>
                      )
                    )}
                  </Stack>
                )}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text size="sm" fw={500}>
                    Receipt
                  </Text>
                  {receiptShown && !locked && (
                    <Button variant="subtle" color="red" size="compact-sm" onClick={() => setReceipt(null)}>
                      Remove receipt
                    </Button>
                  )}
                </Group>
                <input ref={fileInput} type="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" hidden data-testid="receipt-file" onChange={(e) => void pickFile(e.currentTarget.files?.[0])} />
                {receiptShown ? (
                  <ReceiptPreview file={receipt instanceof File ? receipt : null} expense={expense} />
                ) : (
                  <Stack align="center" justify="center" gap="xs" h={260} style={{ border: '1px dashed var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}>
                    <Text size="sm" c="dimmed" ta="center" maw={260}>
                      {locked ? 'No receipt was attached.' : 'A PDF, JPEG or PNG of the receipt, up to 20 MB.'}
                    </Text>
                  </Stack>
                )}
                {!locked && (
                  <Button variant="default" leftSection={<IconPaperclip size={16} />} onClick={() => fileInput.current?.click()}>
                    {receiptShown ? 'Replace receipt…' : 'Attach receipt…'}
                  </Button>
                )}
                {receiptError && (
                  <>
                    <Text c="red" size="sm" role="alert" data-testid="receipt-error">
                      {receiptError}
                    </Text>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => {
                        setReceiptError(null);
                        if (receipt instanceof File) setReceipt(expense ? 'keep' : null);
                      }}
                    >
                      {expense?.receipt ? 'Keep the stored receipt instead' : 'Save without a receipt'}
                    </Button>
                  </>
                )}
              </Stack>
            </Grid.Col>
          </Grid>
        </fieldset>
        <Stack mt="lg" gap="sm">
          <FormError error={mutationError} />
          <Group justify="space-between">
            <div>
              {expense && !locked && (
                <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete}>
                  Delete
                </Button>
              )}
            </div>
            <Group>
              <Button variant="default" onClick={close} disabled={saving}>
                {locked ? 'Close' : 'Cancel'}
              </Button>
              {!locked && (
                <Button type="submit" loading={saving}>
                  {expense ? 'Save expense' : 'Add expense'}
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
