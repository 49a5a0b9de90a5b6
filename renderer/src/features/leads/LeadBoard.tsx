import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { Badge, Card, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Lead, LeadBoard as Board } from '../../../../shared/api/leads';
import { OPEN_STAGES, STAGE_LABELS, type LeadStage } from '../../../../shared/leads/stages';
import { countOf } from '../../../../shared/text/plural';
import { useApiMutation } from '../../api/hooks';
import { formatDate, useToday } from '../../components/dates';
import { formatMoney, formatNumber } from '../../components/format';
import { isDue, overlapText } from './lead-text';
import { LostReasonModal } from './LostReasonModal';

/** The board's columns: every open stage, then a drop target for lost. Won comes only from an accepted proposal. */
const COLUMNS: readonly LeadStage[] = [...OPEN_STAGES, 'lost'];

/** Arrow keys move a picked-up card one column left or right (the default moves it 25 px at a time). */
const columnCoordinates: KeyboardCoordinateGetter = (event, { context: { droppableRects, over, collisionRect } }) => {
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') return undefined;
  event.preventDefault();
  const columns = COLUMNS.map((stage) => droppableRects.get(stage)).filter((r) => r !== undefined);
  const current = over ? COLUMNS.indexOf(over.id as LeadStage) : -1;
  const next = columns[Math.max(0, Math.min(columns.length - 1, current + (event.code === 'ArrowRight' ? 1 : -1)))];
  if (!next || !collisionRect) return undefined;
  return { x: next.left + next.width / 2 - collisionRect.width / 2, y: next.top + 8 };
};

const announcements = (titleOf: (id: string | number) => string): Announcements => ({
  onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}. Use the left and right arrows to choose a stage, space to drop, escape to cancel.`,
  onDragOver: ({ active, over }) => (over ? `${titleOf(active.id)} is over ${STAGE_LABELS[over.id as LeadStage]}.` : `${titleOf(active.id)} is not over a stage.`),
  onDragEnd: ({ active, over }) => (over ? `${titleOf(active.id)} dropped on ${STAGE_LABELS[over.id as LeadStage]}.` : `${titleOf(active.id)} put back.`),
  onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
});

/**
 * The pipeline as columns, one per open stage, each headed by its count, value and weighted value
 * in the home currency. Cards move by drag and drop, or from the keyboard: Space picks a card up,
 * the arrows choose a column, Space drops it, Escape cancels. Dropping on Lost asks for the reason.
 */
export function LeadBoard({ board }: { board: Board }) {
  const setStage = useApiMutation('leads.setStage');
  const [losing, setLosing] = useState<Lead | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
  );
  const byId = new Map(board.leads.map((l) => [String(l.id), l]));

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const lead = byId.get(String(active.id));
    const stage = over?.id as LeadStage | undefined;
    if (!lead || !stage || stage === lead.stage) return;
    if (stage === 'lost') return setLosing(lead);
    setStage.mutate(
      { id: lead.id, stage },
      { onError: (error) => notifications.show({ color: 'red', title: `“${lead.title}” was not moved`, message: error.message }) },
    );
  };

  return (
    <>
      <DndContext
        sensors={sensors}
        onDragEnd={onDragEnd}
        accessibility={{ announcements: announcements((id) => byId.get(String(id))?.title ?? 'the lead'), screenReaderInstructions: { draggable: 'To move this lead to another stage, press space, then the left or right arrow, then space again. Press Enter to open it.' } }}
      >
        <ScrollArea type="auto" offsetScrollbars>
          {/* Every column fits a laptop-wide window, so a dragged card never has to scroll the board to reach one. */}
          <div role="list" aria-label="Pipeline stages" style={{ display: 'grid', gridTemplateColumns: 'repeat(6, minmax(138px, 1fr)) minmax(112px, 0.75fr)', gap: 'var(--mantine-spacing-xs)', minWidth: 960, paddingBottom: 'var(--mantine-spacing-sm)', alignItems: 'start' }}>
            {COLUMNS.map((stage) => (
              <Column key={stage} stage={stage} board={board} leads={board.leads.filter((l) => l.stage === stage)} />
            ))}
          </div>
        </ScrollArea>
      </DndContext>
      {losing && <LostReasonModal lead={losing} onClose={() => setLosing(null)} />}
    </>
  );
}

function Column({ stage, board, leads }: { stage: LeadStage; board: Board; leads: Lead[] }) {
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const summary = board.stages.find((s) => s.stage === stage)!;
  const money = (amount: number) => (board.homeCurrency ? formatMoney({ amount, currency: board.homeCurrency }) : '');
  const lost = stage === 'lost';
  return (
    <Paper
      ref={setNodeRef}
      role="listitem"
      aria-labelledby={`stage-${stage}`}
      withBorder
      radius="md"
      p="xs"
      bg={isOver ? 'var(--mantine-primary-color-light)' : 'var(--mantine-color-default-hover)'}
      style={{ minHeight: 240 }}
      data-testid={`stage-${stage}`}
    >
      <Stack gap={2} mb="xs" px={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap={4}>
          <Title order={2} size="h6" id={`stage-${stage}`}>
            {STAGE_LABELS[stage]}
          </Title>
          <Badge variant="light" color="gray" style={{ flexShrink: 0 }} aria-label={countOf(summary.count, 'lead', 'leads')}>
            {summary.count}
          </Badge>
        </Group>
        {!lost && (
          <Text size="xs" c="dimmed" className="tabular" title={`${money(summary.valueMinor)} at ${summary.probability}%`}>
            {money(summary.valueMinor)}
            <br />
            {summary.probability}% → <b>{money(summary.weightedMinor)}</b>
          </Text>
        )}
        {lost && (
          <Text size="xs" c="dimmed">
            Drop here to mark lost
          </Text>
        )}
        {summary.unconvertedCount > 0 && (
          <Text size="xs" c="dimmed">
            {countOf(summary.unconvertedCount, 'estimate', 'estimates')} without an exchange rate left out
          </Text>
        )}
      </Stack>
      <Stack gap="xs">
        {leads.map((lead) => (
          <LeadCard key={lead.id} lead={lead} />
        ))}
      </Stack>
    </Paper>
  );
}

function LeadCard({ lead }: { lead: Lead }) {
  const navigate = useNavigate();
  const today = useToday();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: String(lead.id) });
  const overlap = overlapText(lead, (h) => formatNumber(h, { maximumFractionDigits: 1 }));
  const open = () => navigate(`/leads/${lead.id}`);
  return (
    <Card
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      padding="xs"
      radius="sm"
      withBorder
      shadow={isDragging ? 'md' : undefined}
      style={{ cursor: 'grab', transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, zIndex: isDragging ? 10 : undefined, position: 'relative' }}
      onClick={open}
      onKeyDown={(e: React.KeyboardEvent) => {
        listeners?.onKeyDown?.(e);
        if (e.key === 'Enter' && !isDragging) open();
      }}
      aria-roledescription="lead card"
      data-testid="lead-card"
    >
      <Text size="sm" fw={600} lineClamp={2}>
        {lead.title}
      </Text>
      {lead.organisation && (
        <Text size="xs" c="dimmed" truncate>
          {lead.organisation}
        </Text>
      )}
      {lead.estimateMinor !== null && lead.currency && (
        <Text size="xs" className="tabular" mt={4}>
          {formatMoney({ amount: lead.estimateMinor, currency: lead.currency })}
        </Text>
      )}
      {lead.nextAction && (
        <Text size="xs" mt={4} c={isDue(lead, today) ? 'red' : undefined} fw={isDue(lead, today) ? 600 : undefined}>
          {lead.nextAction}
          {lead.nextActionDue && ` · ${formatDate(lead.nextActionDue)}`}
        </Text>
      )}
      <Group gap={4} mt={6}>
        {lead.stale && (
          <Badge size="xs" color="orange" variant="light">
            Stale
          </Badge>
        )}
        {lead.recruiter && (
          <Badge size="xs" color="grape" variant="light">
            Recruiter
          </Badge>
        )}
        {overlap && (
          <Badge size="xs" color="gray" variant="light" title={overlap} style={{ textTransform: 'none' }}>
            {lead.overlapMinutes === 0 ? 'No overlap' : `${formatNumber(lead.overlapMinutes! / 60, { maximumFractionDigits: 1 })} h overlap`}
          </Badge>
        )}
      </Group>
    </Card>
  );
}
