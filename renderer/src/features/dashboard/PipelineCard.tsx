import { Anchor, Card, Group, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { Dashboard } from '../../../../shared/api/dashboard';
import { STAGE_LABELS, type LeadStage } from '../../../../shared/leads/stages';
import type { CurrencyCode } from '../../../../shared/reference/currencies';
import { countOf } from '../../../../shared/text/plural';
import { formatMoney } from '../../components/format';
import { useLeadViewStore } from '../../stores/lead-view';

/** The open pipeline per stage, its value weighted by each stage's probability; a stage opens the leads list filtered to it. */
export function PipelineCard({ dashboard }: { dashboard: Dashboard }) {
  const navigate = useNavigate();
  const { setFilters, setView, clearFilters } = useLeadViewStore();
  const home = dashboard.homeCurrency as CurrencyCode;
  const money = (amount: number) => formatMoney({ amount, currency: home });
  const total = dashboard.pipeline.reduce((sum, s) => sum + s.valueMinor, 0);
  const weighted = dashboard.pipeline.reduce((sum, s) => sum + s.weightedMinor, 0);
  const leads = dashboard.pipeline.reduce((sum, s) => sum + s.count, 0);
  const unconverted = dashboard.pipeline.reduce((sum, s) => sum + s.unconvertedCount, 0);
  const openStage = (stage: LeadStage) => {
    clearFilters();
    setFilters({ stages: [stage] });
    setView('list');
    navigate('/leads');
  };
  return (
    <Card padding="md" component="section" aria-labelledby="pipeline-title">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h4" id="pipeline-title">
            Pipeline: {money(weighted)} weighted
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {countOf(leads, 'open lead', 'open leads')} worth {money(total)}, each stage weighted by its chance of being won (Settings → Lead settings).
            {unconverted > 0 && ` ${countOf(unconverted, 'estimate has', 'estimates have')} no exchange rate to ${home} and ${unconverted === 1 ? 'is' : 'are'} left out.`}
          </Text>
        </div>
        <Anchor component={Link} to="/leads" size="sm">
          Open the board
        </Anchor>
      </Group>
      {leads === 0 ? (
        <Text size="sm" c="dimmed">
          No open leads. Leads you add appear here with their estimated value.
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" aria-label="Pipeline by stage">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Stage</Table.Th>
              <Table.Th ta="right">Leads</Table.Th>
              <Table.Th ta="right">Value</Table.Th>
              <Table.Th ta="right">Chance</Table.Th>
              <Table.Th ta="right">Weighted</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dashboard.pipeline.map((s) => (
              <Table.Tr key={s.stage}>
                <Table.Td>
                  <UnstyledButton onClick={() => openStage(s.stage)} fz="sm" c="var(--mantine-color-anchor)" td="underline" aria-label={`${STAGE_LABELS[s.stage]}: open its leads`}>
                    {STAGE_LABELS[s.stage]}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {s.count}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {money(s.valueMinor)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {s.probability}%
                </Table.Td>
                <Table.Td ta="right" className="tabular" data-testid={`pipeline-weighted-${s.stage}`}>
                  {money(s.weightedMinor)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
