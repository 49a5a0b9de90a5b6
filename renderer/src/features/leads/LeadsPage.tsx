import { Button, Card, Group, MultiSelect, NumberInput, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconLayoutKanban, IconList, IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { LEAD_SOURCES, SOURCE_LABELS, type LeadSource } from '../../../../shared/leads/sources';
import { LEAD_STAGES, STAGE_LABELS, type LeadStage } from '../../../../shared/leads/stages';
import { countOf } from '../../../../shared/text/plural';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatMoney } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { NO_LEAD_FILTERS, useLeadViewStore } from '../../stores/lead-view';
import { LeadBoard } from './LeadBoard';
import { LeadFormModal } from './LeadFormModal';
import { LeadList } from './LeadList';
import { SavedFiltersMenu } from './SavedFiltersMenu';

/** The pipeline: a board with a column per stage, or a sortable list, with filters that are remembered. `create` opens the new-lead form (/leads/new). */
export function LeadsPage({ create = false }: { create?: boolean }) {
  const navigate = useNavigate();
  const { view, filters, setView, setFilters, clearFilters } = useLeadViewStore();
  const settings = useApiQuery('leads.settings');
  const saveSettings = useApiMutation('leads.saveSettings');
  const showRecruiters = settings.data ? !settings.data.hideRecruiters : false;
  const board = useApiQuery('leads.list', { ...filters, showRecruiters }, { enabled: settings.isSuccess, placeholderData: (previous) => previous });
  const [creating, setCreating] = useState(create);
  // Opened once the form has closed (and with it its unsaved-changes guard).
  const [created, setCreated] = useState<number | null>(null);
  useEffect(() => {
    if (created !== null) navigate(`/leads/${created}`);
  }, [created, navigate]);
  const filtered = JSON.stringify({ ...filters, sort: null, direction: null }) !== JSON.stringify({ ...NO_LEAD_FILTERS, sort: null, direction: null });
  const open = board.data?.stages.filter((s) => s.stage !== 'won' && s.stage !== 'lost') ?? [];
  const home = board.data?.homeCurrency;
  const total = (key: 'valueMinor' | 'weightedMinor') => (home ? formatMoney({ amount: open.reduce((sum, s) => sum + s[key], 0), currency: home }) : '');

  return (
    <>
      <PageHeader
        title="Leads"
        subtitle={board.data && home ? `Open pipeline ${total('valueMinor')}, weighted ${total('weightedMinor')}` : 'Your pipeline, from first contact to a signed contract.'}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New lead
          </Button>
        }
      />
      <Card mb="md" padding="sm">
        <Stack gap="xs">
          <Group gap="sm" align="flex-end">
            <SegmentedControl
              aria-label="View"
              value={view}
              onChange={(v) => setView(v as 'board' | 'list')}
              data={[
                { value: 'board', label: <Group gap={6} wrap="nowrap"><IconLayoutKanban size={16} aria-hidden />Board</Group> },
                { value: 'list', label: <Group gap={6} wrap="nowrap"><IconList size={16} aria-hidden />List</Group> },
              ]}
            />
            <MultiSelect label="Stage" placeholder={filters.stages.length ? undefined : 'Open stages'} w={220} clearable data={LEAD_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} value={filters.stages} onChange={(v) => setFilters({ stages: v as LeadStage[] })} />
            <MultiSelect label="Source" placeholder={filters.sources.length ? undefined : 'All sources'} w={200} clearable data={LEAD_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))} value={filters.sources} onChange={(v) => setFilters({ sources: v as LeadSource[] })} />
            <TextInput label="Tag" w={140} value={filters.tag ?? ''} onChange={(e) => setFilters({ tag: e.currentTarget.value.trim() === '' ? null : e.currentTarget.value })} maxLength={40} />
            <NumberInput label="Overlap at least" suffix=" h" w={130} min={0} max={24} allowDecimal={false} value={filters.minOverlapHours ?? ''} onChange={(v) => setFilters({ minOverlapHours: typeof v === 'number' ? v : null })} />
            <SavedFiltersMenu filters={filters} onApply={(f) => setFilters(f)} />
          </Group>
          <Group gap="lg">
            <Switch label="Stale only" checked={filters.staleOnly} onChange={(e) => setFilters({ staleOnly: e.currentTarget.checked })} />
            <Switch label="Include won and lost" checked={filters.includeClosed} onChange={(e) => setFilters({ includeClosed: e.currentTarget.checked })} />
            <Switch
              label="Hide recruiters"
              checked={!showRecruiters}
              disabled={!settings.data || saveSettings.isPending}
              onChange={(e) => settings.data && saveSettings.mutate({ ...settings.data, hideRecruiters: e.currentTarget.checked })}
            />
            {board.data && board.data.hiddenRecruiters > 0 && (
              <Text size="sm" c="dimmed">
                {countOf(board.data.hiddenRecruiters, 'recruiter lead', 'recruiter leads')} hidden
              </Text>
            )}
            {filtered && (
              <Button variant="subtle" size="compact-sm" onClick={clearFilters}>
                Clear filters
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
      {board.isError ? (
        <ErrorPanel error={board.error} />
      ) : settings.isError ? (
        <ErrorPanel error={settings.error} />
      ) : board.data && board.data.leads.length === 0 && !filtered && board.data.hiddenRecruiters === 0 ? (
        <Card>
          <EmptyState
            icon={<IconTargetArrow size={24} />}
            title="No leads yet"
            description="A lead is work you might win: an email, a referral, a call. Track it from first contact through the intro call and proposal to a contract."
            action={<Button onClick={() => setCreating(true)}>New lead</Button>}
          />
        </Card>
      ) : board.data && view === 'board' ? (
        <LeadBoard board={board.data} />
      ) : board.data && board.data.leads.length === 0 ? (
        <Card>
          <EmptyState icon={<IconTargetArrow size={24} />} title="No leads match these filters" description="Clear a filter to see more." />
        </Card>
      ) : (
        board.data && (
          <Card padding={0}>
            <LeadList leads={board.data.leads} sort={filters.sort} direction={filters.direction} onSort={(sort, direction) => setFilters({ sort, direction })} />
          </Card>
        )
      )}
      {creating && (
        <LeadFormModal
          onCreated={setCreated}
          onClose={() => {
            setCreating(false);
            if (create) navigate('/leads', { replace: true });
          }}
        />
      )}
    </>
  );
}
