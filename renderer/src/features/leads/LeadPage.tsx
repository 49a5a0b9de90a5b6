import { Anchor, Badge, Button, Card, Center, Grid, Group, Loader, Menu, Select, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconEdit, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { LeadDetail } from '../../../../shared/api/leads';
import { SOURCE_LABELS } from '../../../../shared/leads/sources';
import { LOST_REASON_LABELS, OPEN_STAGES, STAGE_LABELS, type LeadStage } from '../../../../shared/leads/stages';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { BackLink } from '../../components/BackLink';
import { formatDate, formatDateTime, useToday } from '../../components/dates';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatMoney, formatNumber } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { isDue, overlapText } from './lead-text';
import { LeadFormModal } from './LeadFormModal';
import { LeadTimeline } from './LeadTimeline';
import { LostReasonModal } from './LostReasonModal';
import { IntroCallsCard } from '../intro-calls/IntroCallsCard';
import { ProposalsCard } from '../proposals/ProposalsCard';
import { countryName } from '../../../../shared/reference/countries';

/** One lead: who and what, its stage and next action, and its timeline. */
export function LeadPage() {
  const id = Number(useParams().id);
  const lead = useApiQuery('leads.get', { id });
  if (lead.isError) return <ErrorPanel error={lead.error} title="Lead not available" />;
  if (!lead.data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  return <LeadView lead={lead.data} />;
}

function LeadView({ lead }: { lead: LeadDetail }) {
  const navigate = useNavigate();
  const today = useToday();
  const [editing, setEditing] = useState(false);
  const [losing, setLosing] = useState(false);
  const setStage = useApiMutation('leads.setStage');
  const remove = useApiMutation('leads.delete');
  const overlap = overlapText(lead, (h) => formatNumber(h, { maximumFractionDigits: 1 }));

  const moveTo = (stage: LeadStage) => {
    if (stage === 'lost') return setLosing(true);
    setStage.mutate({ id: lead.id, stage }, { onError: (error) => notifications.show({ color: 'red', title: 'Stage not changed', message: error.message }) });
  };
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: 'Delete this lead?',
      children: <Text size="sm">Its timeline and calls are deleted with it. To keep the history, mark it lost instead.</Text>,
      labels: { confirm: 'Delete lead', cancel: 'Keep' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void remove
          .mutateAsync({ id: lead.id })
          .then(() => navigate('/leads'))
          .catch((error: Error) => notifications.show({ color: 'red', title: 'Lead not deleted', message: error.message })),
    });

  return (
    <>
      <BackLink to="/leads" label="Leads" />
      <PageHeader
        title={lead.title}
        subtitle={[lead.organisation, lead.contactName].filter(Boolean).join(' · ') || undefined}
        badges={
          <Group gap={6}>
            <Badge variant="light" color={lead.stage === 'won' ? 'green' : lead.stage === 'lost' ? 'gray' : 'blue'} data-testid="lead-stage">
              {STAGE_LABELS[lead.stage]}
            </Badge>
            {lead.stale && (
              <Badge variant="light" color="orange">
                Stale
              </Badge>
            )}
            {lead.recruiter && (
              <Badge variant="light" color="grape">
                Recruiter
              </Badge>
            )}
          </Group>
        }
        actions={
          <Group gap="xs">
            {lead.stage !== 'won' && (
              <Select
                aria-label="Stage"
                w={200}
                allowDeselect={false}
                value={lead.stage}
                disabled={setStage.isPending}
                data={[...OPEN_STAGES, 'lost' as const].map((s) => ({ value: s, label: s === lead.stage ? STAGE_LABELS[s] : `Move to ${STAGE_LABELS[s]}` }))}
                onChange={(v) => v && v !== lead.stage && moveTo(v as LeadStage)}
              />
            )}
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" px="xs" aria-label="More actions">
                  <IconChevronDown size={16} />
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item color="red" leftSection={<IconTrash size={14} />} disabled={lead.stage === 'won'} onClick={confirmDelete}>
                  Delete lead
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Card component="section" aria-labelledby="lead-details">
              <Title order={2} size="h4" id="lead-details" mb="sm">
                Details
              </Title>
              <Stack gap={8}>
                <Fact label="Source" value={`${SOURCE_LABELS[lead.source]}${lead.sourceDetail ? `: ${lead.sourceDetail}` : ''}`} />
                {lead.estimateMinor !== null && lead.currency && <Fact label="Estimate" value={formatMoney({ amount: lead.estimateMinor, currency: lead.currency })} />}
                {lead.expectedStart && <Fact label="Expected start" value={formatDate(lead.expectedStart)} />}
                {lead.contactEmail && (
                  <Fact label="Email">
                    <Anchor href={`mailto:${lead.contactEmail}`} size="sm">
                      {lead.contactEmail}
                    </Anchor>
                  </Fact>
                )}
                {lead.contactPhone && <Fact label="Phone" value={lead.contactPhone} />}
                {lead.country && <Fact label="Country" value={countryName(lead.country)} />}
                {lead.timezone && <Fact label="Time zone" value={overlap ?? lead.timezone} />}
                {lead.links.map((link) => (
                  <Fact key={link} label="Link">
                    <Anchor href={link} target="_blank" rel="noreferrer noopener" size="sm" style={{ wordBreak: 'break-all' }}>
                      {link}
                    </Anchor>
                  </Fact>
                ))}
                {lead.tags.length > 0 && (
                  <Fact label="Tags">
                    <Group gap={4}>
                      {lead.tags.map((t) => (
                        <Badge key={t} variant="outline" color="gray" size="sm" style={{ textTransform: 'none' }}>
                          {t}
                        </Badge>
                      ))}
                    </Group>
                  </Fact>
                )}
                {lead.stage === 'lost' && lead.lostReason && <Fact label="Lost" value={`${LOST_REASON_LABELS[lead.lostReason]}${lead.lostNote ? `: ${lead.lostNote}` : ''}`} />}
                {lead.clientId && (
                  <Fact label="Client">
                    <Anchor component={Link} to={`/clients/${lead.clientId}`} size="sm">
                      Open the client
                    </Anchor>
                  </Fact>
                )}
                {lead.contractId && (
                  <Fact label="Contract">
                    <Anchor component={Link} to={`/contracts/${lead.contractId}`} size="sm">
                      Open the contract
                    </Anchor>
                  </Fact>
                )}
                <Fact label="Last contact" value={formatDateTime(lead.lastActivityAt)} />
              </Stack>
              {lead.notes && (
                <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
                  {lead.notes}
                </Text>
              )}
            </Card>
            <Card component="section" aria-labelledby="lead-next">
              <Title order={2} size="h4" id="lead-next" mb="xs">
                Next action
              </Title>
              {lead.nextAction ? (
                <Text size="sm" c={isDue(lead, today) ? 'red' : undefined} fw={isDue(lead, today) ? 600 : undefined}>
                  {lead.nextAction}
                  {lead.nextActionDue && ` · due ${formatDate(lead.nextActionDue)}`}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  None set. Edit the lead to plan the next step, so it shows on Today.
                </Text>
              )}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <IntroCallsCard lead={lead} />
            <ProposalsCard lead={lead} />
            <LeadTimeline lead={lead} />
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <LeadFormModal lead={lead} onClose={() => setEditing(false)} />}
      {losing && <LostReasonModal lead={lead} onClose={() => setLosing(false)} />}
    </>
  );
}

function Fact({ label, value, children }: { label: string; value?: string; children?: React.ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      {children ?? <Text size="sm">{value}</Text>}
    </Group>
  );
}
