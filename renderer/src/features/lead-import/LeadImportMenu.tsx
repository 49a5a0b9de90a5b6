import { Button, FileButton, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconFileSpreadsheet, IconMail, IconTableExport } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { CallInput } from '../../../../shared/api/contract';
import { useApiMutation } from '../../api/hooks';
import { downloadText } from '../../components/downloads';
import { CsvImportModal } from './CsvImportModal';
import { useLeadFromEml } from './useLeadFromEml';

/**
 * The leads screen's "Import…" menu: leads or contacts from a CSV, a lead from an .eml file, and
 * the list as shown (`query`, its filters and sort) exported to a formula-safe CSV.
 */
export function LeadImportMenu({ query }: { query: CallInput<'leads.list'> }) {
  const [csvOpen, setCsvOpen] = useState(false);
  const { importEml, pending } = useLeadFromEml();
  const exportCsv = useApiMutation('leadImport.exportCsv');
  const resetEml = useRef<() => void>(null);
  const saveCsv = () =>
    exportCsv.mutate(query, {
      onSuccess: (file) => notifications.show({ color: 'teal', message: `Saved ${downloadText(file.text, file.fileName, 'text/csv')}.` }),
      onError: (error) => notifications.show({ color: 'red', message: error.message }),
    });
  return (
    <>
      <FileButton
        resetRef={resetEml}
        accept=".eml,message/rfc822"
        onChange={(file) => {
          if (file) void importEml(file);
          resetEml.current?.();
        }}
      >
        {(eml) => (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default" rightSection={<IconChevronDown size={14} />} loading={pending || exportCsv.isPending}>
                Import…
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => setCsvOpen(true)}>
                Leads or contacts from CSV…
              </Menu.Item>
              <Menu.Item leftSection={<IconMail size={16} />} onClick={eml.onClick}>
                Lead from email (.eml)…
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item leftSection={<IconTableExport size={16} />} onClick={saveCsv}>
                Export this list as CSV
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </FileButton>
      <CsvImportModal opened={csvOpen} onClose={() => setCsvOpen(false)} />
    </>
  );
}
