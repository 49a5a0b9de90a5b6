import { Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Lead } from '../../../../shared/api/leads';
import type { Proposal } from '../../../../shared/api/proposals';
import { estimateUnit } from '../../../../shared/proposals/price';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatDate } from '../../components/dates';
import { downloadBase64 } from '../../components/downloads';
import { describeRate, formatDecimal, formatMoney } from '../../components/format';
import { AcceptProposalModal } from './AcceptProposalModal';
import { ProposalFormModal } from './ProposalFormModal';
import { proposalBadge } from './labels';

type Dialog = { kind: 'form'; proposal?: Proposal } | { kind: 'accept'; proposal: Proposal } | null;

/** Saves the proposal's PDF (a save dialog in the app, a download in the browser). */
async function savePdf(id: number) {
  try {
    const result = await call('proposals.savePdf', { id });
    if (result.status === 'saved') notifications.show({ color: 'teal', message: `Saved ${result.path}` });
    else if (result.status === 'download') {
      const { dataBase64, fileName } = await call('proposals.pdf', { id });
      notifications.show({ message: `Downloaded ${downloadBase64(dataBase64, fileName)}` });
    }
  } catch (error) {
    notifications.show({ color: 'red', message: (error as Error).message });
  }
}

function ProposalRow({ proposal: p, lead, onEdit, onAccept }: { proposal: Proposal; lead: Lead; onEdit(): void; onAccept(): void }) {
  const markSent = useApiMutation('proposals.markSent');
  const decline = useApiMutation('proposals.decline');
  const badge = proposalBadge(p);
  const run = (work: Promise<unknown>) => work.catch((error: Error) => notifications.show({ color: 'red', message: error.message }));
  return (
    <Stack gap={4} py="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }} aria-label={`Proposal ${p.title}`} role="group">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Text fw={600}>{p.title}</Text>
          <Badge color={badge.color} variant="light">
            {badge.label}
          </Badge>
        </Group>
        <Text fw={650}>{formatMoney({ amount: p.priceMinor, currency: p.terms.rate.currency })} excl. VAT</Text>
      </Group>
      <Text size="sm" c="dimmed">
        {formatDecimal(p.terms.estimate)} {estimateUnit(p.terms.rate.unit)} at {describeRate(p.terms.rate)} · {p.rateCardName} · valid until {formatDate(p.validUntil)}
      </Text>
      {p.status === 'accepted' && (
        <Group gap="md">
          {p.clientId && (
            <Anchor component={Link} to={`/clients/${p.clientId}`} size="sm">
              Open client
            </Anchor>
          )}
          {p.contractId && (
            <Anchor component={Link} to={`/contracts/${p.contractId}`} size="sm">
              Open draft contract
            </Anchor>
          )}
        </Group>
      )}
      <Group gap="xs">
        {p.status !== 'declined' && !p.expired && (
          <Button size="xs" variant="default" onClick={() => void savePdf(p.id)}>
            PDF
          </Button>
        )}
        {p.status === 'draft' && (
          <>
            <Button size="xs" variant="default" onClick={onEdit}>
              Edit
            </Button>
            {!p.expired && (
              <Button size="xs" variant="light" loading={markSent.isPending} onClick={() => void run(markSent.mutateAsync({ id: p.id }))}>
                Mark sent
              </Button>
            )}
          </>
        )}
        {p.status === 'sent' && !p.expired && lead.stage !== 'won' && (
          <Button size="xs" color="teal" onClick={onAccept}>
            Accept
          </Button>
        )}
        {p.status === 'sent' && (
          <Button size="xs" variant="subtle" color="red" loading={decline.isPending} onClick={() => void run(decline.mutateAsync({ id: p.id }))}>
            Declined
          </Button>
        )}
      </Group>
      {p.expired && (
        <Text size="xs" c="orange">
          This proposal expired on {formatDate(p.validUntil)}. {p.status === 'draft' ? 'Edit it to extend its validity.' : 'Make a new proposal to extend it.'}
        </Text>
      )}
    </Stack>
  );
}

/** The proposals section of a lead's page: each proposal with its price and status, and the steps from draft to accepted. */
export function ProposalsCard({ lead }: { lead: Lead }) {
  const proposals = useApiQuery('proposals.list', { leadId: lead.id });
  const [dialog, setDialog] = useState<Dialog>(null);
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Proposals
        </Title>
        {lead.stage !== 'won' && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setDialog({ kind: 'form' })}>
            New proposal
          </Button>
        )}
      </Group>
      {proposals.isError ? (
        <ErrorPanel error={proposals.error} />
      ) : proposals.isPending ? (
        <Loader size="sm" />
      ) : proposals.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No proposals yet.
        </Text>
      ) : (
        proposals.data.map((p) => <ProposalRow key={p.id} proposal={p} lead={lead} onEdit={() => setDialog({ kind: 'form', proposal: p })} onAccept={() => setDialog({ kind: 'accept', proposal: p })} />)
      )}
      {dialog?.kind === 'form' && <ProposalFormModal lead={lead} proposal={dialog.proposal} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'accept' && <AcceptProposalModal proposal={dialog.proposal} lead={lead} onClose={() => setDialog(null)} />}
    </Card>
  );
}
