import { Anchor, Text, Timeline } from '@mantine/core';
import { IconArrowRight, IconCash, IconFileDescription, IconFileInvoice, IconMail, IconNote, IconPhone, IconSignature, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Activity } from '../../../../shared/api/leads';
import { formatDateTime } from '../../components/dates';

const ICONS: Record<Activity['kind'], React.ReactNode> = {
  note: <IconNote size={12} />,
  call: <IconPhone size={12} />,
  email: <IconMail size={12} />,
  meeting: <IconUsers size={12} />,
  stage: <IconArrowRight size={12} />,
  proposal: <IconFileDescription size={12} />,
  contract: <IconSignature size={12} />,
  invoice: <IconFileInvoice size={12} />,
  payment: <IconCash size={12} />,
};

/**
 * A lead's or a client's timeline entries in the order given: each with its kind's icon, `title`,
 * its text when `showBody` says so (linked to its record when it has one), and when it happened.
 */
export function ActivityTimeline({ entries, title, showBody, label }: { entries: readonly Activity[]; title(entry: Activity): string; showBody(entry: Activity): boolean; label?: string }) {
  return (
    <Timeline bulletSize={22} lineWidth={2} aria-label={label}>
      {entries.map((entry) => (
        <Timeline.Item key={entry.id} bullet={ICONS[entry.kind]} title={<Text size="sm" fw={600}>{title(entry)}</Text>}>
          {showBody(entry) && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.href ? (
                <Anchor component={Link} to={entry.href} size="sm">
                  {entry.body}
                </Anchor>
              ) : (
                entry.body
              )}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={2}>
            {formatDateTime(entry.occurredAt)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
