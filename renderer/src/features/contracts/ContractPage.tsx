import { Alert, Anchor, Badge, Button, Card, Center, Grid, Group, Loader, Menu, Modal, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDownload, IconPaperclip } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { COUNTERSIGNED_MAX_BYTES, type Contract, type ContractVersion } from '../../../../shared/api/contracts';
import { paymentTermsFor } from '../../../../shared/clients/payment-terms';
import { call, ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { TimesheetAppendixCard } from './TimesheetAppendixCard';
import { BackLink } from '../../components/BackLink';
import { formatDate, useToday } from '../../components/dates';
import { downloadBase64 } from '../../components/downloads';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { PageHeader } from '../../components/PageHeader';
import { ContractEditor } from './ContractEditor';
import { ContractStatusBadge } from './ContractStatusBadge';
import { newContractValues, versionValues } from './contract-form';
import { ContractTerms } from './ContractTerms';
import { modals } from '@mantine/modals';
import { describeRate, formatDecimal, formatMoney } from '../../components/format';
import { DateField } from '../../components/DateField';

function Loading() {
  return (
    <Center py="xl">
      <Loader />
    </Center>
  );
}

/** /contracts/new[?client=ID]: a draft contract with the client's currency and terms and the default rate card. */
export function NewContractPage() {
  const clientId = Number(useSearchParams()[0].get('client'));
  const client = useApiQuery('clients.get', { id: clientId }, { enabled: clientId > 0 });
  const profile = useApiQuery('profile.get');
  const cards = useApiQuery('rateCards.list');
  const today = useToday();
  if ((clientId > 0 && client.isPending) || profile.isPending || cards.isPending) return <Loading />;
  const card = cards.data?.find((c) => c.isDefault && !c.archived) ?? null;
  const values = newContractValues({
    clientId: client.data?.id ?? null,
    currency: client.data?.currency ?? card?.currency ?? profile.data?.homeCurrency ?? '',
    paymentTermsDays: client.data ? paymentTermsFor(client.data, profile.data) : (profile.data?.defaultPaymentTermsDays ?? 30),
    rateCardId: card?.id ?? null,
    today,
  });
  return (
    <>
      <BackLink to="/contracts" label="Contracts" />
      <PageHeader title="New contract" subtitle="A draft until it is signed. Signing freezes the terms and stores the engagement letter." />
      <ContractEditor initial={values} contract={null} amendmentFrom={null} today={today} />
    </>
  );
}

/** /contracts/:id/edit: the draft, or the amendment being drafted. */
export function EditContractPage() {
  const id = Number(useParams().id);
  const contract = useApiQuery('contracts.get', { id }, { enabled: id > 0 });
  const today = useToday();
  if (contract.isPending) return <Loading />;
  if (contract.isError) return <ErrorPanel error={contract.error} title="Contract not available" />;
  const c = contract.data;
  const draft = c.versions.find((v) => v.id === c.draft);
  if (!draft) {
    return (
      <Stack maw={640}>
        <ErrorPanel error={new Error('Every version of this contract is signed. Amend it to change its terms from a date.')} title={`${c.reference} can't be edited`} />
        <Anchor component={Link} to={`/contracts/${c.id}`}>
          Back to the contract
        </Anchor>
      </Stack>
    );
  }
  const isAmendment = draft.versionNumber > 1;
  return (
    <>
      <BackLink to={`/contracts/${c.id}`} label={c.reference} />
      <PageHeader title={isAmendment ? `Amendment ${draft.versionNumber - 1} to ${c.reference}` : `Edit ${c.reference}`} subtitle={c.clientName} />
      <ContractEditor key={draft.id} initial={versionValues(c.clientId, draft)} contract={c} amendmentFrom={isAmendment ? draft.effectiveFrom : null} today={today} />
    </>
  );
}

/** /contracts/:id: the terms in effect, every version with its PDF, and what can be done next. */
export function ContractPage() {
  const id = Number(useParams().id);
  const contract = useApiQuery('contracts.get', { id }, { enabled: id > 0 });
  if (contract.isPending) return <Loading />;
  if (contract.isError) return <ErrorPanel error={contract.error} title="Contract not available" />;
  return <ContractView contract={contract.data} />;
}

function ContractView({ contract: c }: { contract: Contract }) {
  const navigate = useNavigate();
  const [shownId, setShownId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'sign' | 'amend' | 'discard' | null>(null);
  const setStatus = useApiMutation('contracts.setStatus');
  const shown = c.versions.find((v) => v.id === (shownId ?? c.current ?? c.draft)) ?? c.versions.at(-1)!;
  const draft = c.versions.find((v) => v.id === c.draft) ?? null;
  const inEffect = c.versions.find((v) => v.id === c.current) ?? null;
  const headline = inEffect ?? c.versions.find((v) => v.signedAt !== null) ?? c.versions.at(-1)!;
  const over = c.status === 'ended' || c.status === 'cancelled';
  const today = useToday();

  const move = async (status: 'sent' | 'active' | 'ended' | 'cancelled') => {
    try {
      await setStatus.mutateAsync({ id: c.id, status });
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  };
  /** Ending and cancelling can't be undone, so they ask first. */
  const confirmMove = (status: 'ended' | 'cancelled') =>
    modals.openConfirmModal({
      title: status === 'ended' ? `End ${c.reference}?` : `Cancel ${c.reference}?`,
      children: <Text size="sm">{status === 'ended' ? 'The engagement is over: no more billing dates, and the contract can no longer be amended.' : 'The contract will not go ahead. Its signed versions stay readable.'} This can't be undone.</Text>,
      labels: { confirm: status === 'ended' ? 'End contract' : 'Cancel contract', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => void move(status),
    });

  return (
    <>
      <BackLink to="/contracts" label="Contracts" />
      <PageHeader
        title={headline.title}
        badges={<ContractStatusBadge status={c.status} />}
        subtitle={
          <>
            {c.reference} ·{' '}
            <Anchor component={Link} to={`/clients/${c.clientId}`} size="sm">
              {c.clientName}
            </Anchor>
          </>
        }
        actions={
          <>
            {draft && !over && (
              <Button variant="default" onClick={() => navigate(`/contracts/${c.id}/edit`)}>
                {draft.versionNumber > 1 ? 'Edit amendment' : 'Edit'}
              </Button>
            )}
            {draft && !over && <Button onClick={() => setDialog('sign')}>{draft.versionNumber > 1 ? 'Sign amendment' : 'Sign'}</Button>}
            {(c.status === 'signed' || c.status === 'active') && (
              <Button variant="default" onClick={() => navigate(`/invoices/new?contract=${c.id}`)}>
                New invoice
              </Button>
            )}
            {!draft && (c.status === 'signed' || c.status === 'active') && <Button onClick={() => setDialog('amend')}>Amend</Button>}
            {(draft || !over) && (
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="default" rightSection={<IconChevronDown size={14} />}>
                    More
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {c.status === 'draft' && <Menu.Item onClick={() => void move('sent')}>Mark as sent</Menu.Item>}
                  {c.status === 'signed' && !draft && <Menu.Item onClick={() => void move('active')}>Mark as active</Menu.Item>}
                  {(c.status === 'signed' || c.status === 'active') && !draft && <Menu.Item onClick={() => confirmMove('ended')}>End contract</Menu.Item>}
                  {(c.status === 'draft' || c.status === 'sent' || c.status === 'signed') && (
                    <Menu.Item color="red" onClick={() => confirmMove('cancelled')}>
                      Cancel contract
                    </Menu.Item>
                  )}
                  {draft && (
                    <Menu.Item color="red" onClick={() => setDialog('discard')}>
                      {draft.versionNumber > 1 ? 'Discard amendment' : 'Delete draft contract'}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
          </>
        }
      />
      {c.tierDue && !draft && (
        <Alert color="blue" variant="light" mb="lg" title={`${formatDecimal(c.tierDue.percent)}% discount now applies`} data-testid="tier-due">
          <Group justify="space-between" align="center">
            <Text size="sm">
              {c.tierDue.reason ? `${c.tierDue.reason}.` : 'The discount rule has a later tier.'} The signed terms still have {formatDecimal(headline.rate.discountPercent)}%. Amend the contract to bill {formatRateText(c.tierDue.rate, headline)}.
            </Text>
            <Button size="xs" onClick={() => setDialog('amend')}>
              Amend
            </Button>
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="lg">
        <Card>
          <Text size="sm" c="dimmed">
            {inEffect ? 'Effective rate' : headline.signedAt ? `Rate from ${formatDate(headline.effectiveFrom)}` : 'Rate (not signed yet)'}
          </Text>
          <Text fw={650} size="lg" data-testid="contract-rate">
            {describeRate(headline.rate)}
          </Text>
        </Card>
        <Card>
          <Text size="sm" c="dimmed">
            Next billing date
          </Text>
          <Text fw={650} size="lg" data-testid="contract-next-billing">
            {c.nextBillingDate
              ? formatDate(c.nextBillingDate)
              : c.status === 'ended'
                ? `Ended ${formatDate(c.statusSince)}`
                : c.status === 'cancelled'
                  ? `Cancelled ${formatDate(c.statusSince)}`
                  : headline.endDate !== null && headline.endDate < today
                    ? `The term ended ${formatDate(headline.endDate)}`
                    : c.status === 'signed' || c.status === 'active'
                      ? 'On milestones or completion'
                      : 'Once signed'}
          </Text>
        </Card>
        <BudgetCard contract={c} version={headline} />
      </SimpleGrid>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <ContractTerms version={shown} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <VersionsCard contract={c} shown={shown} onShow={setShownId} />
          <TimesheetAppendixCard contract={c} />
        </Grid.Col>
      </Grid>
      {dialog === 'sign' && draft && <SignModal contract={c} version={draft} onClose={() => setDialog(null)} />}
      {dialog === 'amend' && <AmendModal contract={c} onClose={() => setDialog(null)} onAmended={() => navigate(`/contracts/${c.id}/edit`)} />}
      {dialog === 'discard' && draft && <DiscardModal contract={c} version={draft} onClose={() => setDialog(null)} onDeleted={() => navigate('/contracts')} />}
    </>
  );
}

/** A rate in the words the rate line uses: "$285/h". */
function formatRateText(rate: string, version: ContractVersion): string {
  return describeRate({ ...version.rate, listRate: rate, listCurrency: version.rate.currency, discountPercent: '0', discountReason: null, rate }).replace(/ list$/, '');
}

function BudgetCard({ contract, version }: { contract: Contract; version: ContractVersion }) {
  const burn = contract.burn;
  const budget = version.budget;
  const color = burn?.level === 'over' ? 'red' : burn?.level === 'warning' ? 'orange' : 'teal';
  const amount = (v: string) => (budget?.kind === 'money' ? formatMoney({ amount: Number(v), currency: version.rate.currency }) : `${formatDecimal(v)} h`);
  return (
    <Card>
      <Text size="sm" c="dimmed">
        Budget
      </Text>
      {!budget || !burn ? (
        <Text fw={650} size="lg">
          No budget
        </Text>
      ) : (
        <Stack gap={6}>
          <Group justify="space-between">
            <Text fw={650} size="lg" data-testid="budget-burn">
              {burn.percent}% used
            </Text>
            {burn.level !== 'ok' && (
              <Badge color={color} variant="light">
                {burn.level === 'over' ? 'Over budget' : 'Over 80%'}
              </Badge>
            )}
          </Group>
          <Progress value={Math.min(100, burn.percent)} color={color} aria-label={`Budget used: ${burn.percent}%`} />
          <Text size="xs" c="dimmed">
            {amount(burn.used)} of {amount(budget.amount)}, from issued invoices started from this contract
          </Text>
        </Stack>
      )}
    </Card>
  );
}

function VersionsCard({ contract, shown, onShow }: { contract: Contract; shown: ContractVersion; onShow(id: number): void }) {
  const attach = useApiMutation('contracts.attachCountersigned');
  const input = useRef<HTMLInputElement>(null);
  const [target, setTarget] = useState<number | null>(null);
  const download = async (versionId: number) => {
    try {
      const result = await call('contracts.savePdf', { versionId });
      if (result.status === 'saved') notifications.show({ color: 'teal', message: `Saved ${result.path}` });
      else if (result.status === 'download') {
        const { dataBase64, fileName } = await call('contracts.pdf', { versionId });
        notifications.show({ message: `Downloaded ${downloadBase64(dataBase64, fileName)}` });
      }
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  };
  const saveCountersigned = async (documentId: number) => {
    try {
      const result = await call('contracts.saveCountersigned', { contractId: contract.id, documentId });
      if (result.status === 'saved') notifications.show({ color: 'teal', message: `Saved ${result.path}` });
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  };
  const onFile = async (file: File | undefined) => {
    if (!file || target === null) return;
    // Checked here too, so a large file is not sent just to be refused (main checks again).
    const problem = file.size === 0 ? 'The file is empty' : file.size > COUNTERSIGNED_MAX_BYTES ? 'Choose a PDF of at most 20 MB' : null;
    if (problem) {
      notifications.show({ color: 'red', title: `${file.name} was not attached`, message: problem });
      if (input.current) input.current.value = '';
      return;
    }
    try {
      const buffer = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < buffer.length; i += 0x8000) binary += String.fromCharCode(...buffer.subarray(i, i + 0x8000));
      await attach.mutateAsync({ versionId: target, fileName: file.name, dataBase64: btoa(binary) });
      notifications.show({ color: 'teal', message: `Attached ${file.name}` });
    } catch (error) {
      const message = error instanceof ApiCallError ? (Object.values(error.fieldErrors)[0] ?? error.message) : (error as Error).message;
      notifications.show({ color: 'red', title: `${file.name} was not attached`, message });
    } finally {
      if (input.current) input.current.value = '';
    }
  };
  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        Versions
      </Title>
      <input ref={input} type="file" accept="application/pdf,.pdf" hidden data-testid="countersigned-file" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
      <Table verticalSpacing="xs" aria-label="Contract versions">
        <Table.Tbody>
          {contract.versions.map((v) => {
            const docs = contract.documents.filter((d) => d.versionId === v.id);
            return (
              <Table.Tr key={v.id} bg={v.id === shown.id ? 'var(--mantine-color-default-hover)' : undefined}>
                <Table.Td>
                  <Stack gap={4}>
                  <div>
                  <Anchor component="button" type="button" size="sm" fw={600} onClick={() => onShow(v.id)} aria-current={v.id === shown.id ? 'true' : undefined}>
                    {v.versionNumber === 1 ? 'Original' : `Amendment ${v.versionNumber - 1}`}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    From {formatDate(v.effectiveFrom)} · {v.signedAt ? `signed ${formatDate(v.signedAt.slice(0, 10))}` : 'draft'}
                  </Text>
                  {docs.map((d) => (
                    <Anchor key={d.id} component="button" type="button" size="xs" display="block" ta="left" onClick={() => void saveCountersigned(d.id)}>
                      Countersigned: {d.fileName}
                    </Anchor>
                  ))}
                  </div>
                  {v.signedAt && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" leftSection={<IconDownload size={12} />} onClick={() => void download(v.id)} aria-label={`PDF of ${v.versionNumber === 1 ? 'the original' : `amendment ${v.versionNumber - 1}`}`}>
                        PDF
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        leftSection={<IconPaperclip size={12} />}
                        loading={attach.isPending && target === v.id}
                        onClick={() => (setTarget(v.id), input.current?.click())}
                        aria-label={`Attach the countersigned PDF of ${v.versionNumber === 1 ? 'the original' : `amendment ${v.versionNumber - 1}`}`}
                      >
                        Countersigned
                      </Button>
                    </Group>
                  )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function SignModal({ contract, version, onClose }: { contract: Contract; version: ContractVersion; onClose(): void }) {
  const sign = useApiMutation('contracts.sign');
  const isAmendment = version.versionNumber > 1;
  const submit = async () => {
    try {
      await sign.mutateAsync({ id: contract.id });
      notifications.show({ color: 'teal', message: `${contract.reference} ${isAmendment ? `amendment ${version.versionNumber - 1}` : ''} signed. Its PDF is stored.` });
      onClose();
    } catch {
      // The error shows in the dialog.
    }
  };
  return (
    <Modal opened onClose={onClose} title={<Text fw={650} size="lg">{isAmendment ? 'Sign this amendment?' : 'Sign this contract?'}</Text>}>
      <Stack>
        <Text size="sm">
          {contract.clientName}, {describeRate(version.rate)}, from {formatDate(version.effectiveFrom)}.
        </Text>
        <Text size="sm" c="dimmed">
          Signing freezes these terms for good and stores the engagement letter PDF. A later change is an amendment from a date.
        </Text>
        <FormError error={sign.error} />
        <ModalFooter action={isAmendment ? 'Sign amendment' : 'Sign contract'} onCancel={onClose} onAction={() => void submit()} loading={sign.isPending} />
      </Stack>
    </Modal>
  );
}

function AmendModal({ contract, onClose, onAmended }: { contract: Contract; onClose(): void; onAmended(): void }) {
  const amend = useApiMutation('contracts.amend');
  const today = useToday();
  const [effectiveFrom, setEffectiveFrom] = useState(today);
  const submit = async () => {
    try {
      await amend.mutateAsync({ id: contract.id, effectiveFrom });
      onClose();
      onAmended();
    } catch {
      // The error shows in the dialog.
    }
  };
  return (
    <Modal opened onClose={onClose} title={<Text fw={650} size="lg">Amend {contract.reference}</Text>}>
      <Stack>
        <Text size="sm" c="dimmed">
          An amendment is a new version of the terms from a date. The signed versions stay as they are and stay readable.
        </Text>
        <DateField label="Takes effect on" withAsterisk value={effectiveFrom} onChange={(value) => setEffectiveFrom(value)} error={amend.error?.fieldErrors.effectiveFrom} />
        <FormError error={amend.error} />
        <ModalFooter action="Start amendment" onCancel={onClose} onAction={() => void submit()} loading={amend.isPending} />
      </Stack>
    </Modal>
  );
}

function DiscardModal({ contract, version, onClose, onDeleted }: { contract: Contract; version: ContractVersion; onClose(): void; onDeleted(): void }) {
  const discard = useApiMutation('contracts.discardDraft');
  const isAmendment = version.versionNumber > 1;
  const submit = async () => {
    try {
      const result = await discard.mutateAsync({ id: contract.id });
      onClose();
      if (result === null) onDeleted();
    } catch {
      // The error shows in the dialog.
    }
  };
  return (
    <Modal opened onClose={onClose} title={<Text fw={650} size="lg">{isAmendment ? 'Discard this amendment?' : 'Delete this draft contract?'}</Text>}>
      <Stack>
        <Text size="sm">{isAmendment ? 'The draft amendment is thrown away. The signed versions stay.' : `${contract.reference} with ${contract.clientName} is deleted. Nothing of it was signed.`}</Text>
        <FormError error={discard.error} />
        <ModalFooter action={isAmendment ? 'Discard amendment' : 'Delete draft'} color="red" onCancel={onClose} onAction={() => void submit()} loading={discard.isPending} />
      </Stack>
    </Modal>
  );
}
