import { ActionIcon, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconDots } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { Invoice } from '../../../../shared/api/invoices';
import { useApiMutation } from '../../api/hooks';

/**
 * The invoice page's "More actions" menu: "Duplicate as new draft" asks main for a copy dated
 * today (invoices.duplicate decides what is copied) and opens it. A credit note has no menu,
 * since main refuses to duplicate one.
 */
export function InvoiceMoreMenu({ invoice }: { invoice: Invoice }) {
  const navigate = useNavigate();
  const duplicate = useApiMutation('invoices.duplicate');
  if (invoice.kind !== 'invoice') return null;
  const run = () =>
    duplicate.mutate(
      { id: invoice.id },
      {
        onSuccess: (copy) => void navigate(`/invoices/${copy.id}`),
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label="More actions" loading={duplicate.isPending}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconCopy size={16} />} onClick={run}>
          Duplicate as new draft
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
