import { Button, CopyButton, Stack, Text, Textarea } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';

/** "Propose three slots": the next free slots in both working days, as text to paste into an email, with a Copy button. */
export function ProposeSlots({ leadId }: { leadId: number }) {
  const proposed = useApiQuery('introCalls.proposeSlots', { leadId });
  if (proposed.isPending) return <Text size="sm">Finding slots…</Text>;
  if (proposed.error) return <Text c="red" size="sm">{proposed.error.message}</Text>;
  if (proposed.data.slots.length === 0) return <Text size="sm">No free slot inside both working days in the next month.</Text>;
  return (
    <Stack gap="xs">
      <Textarea label="Proposed slots" readOnly autosize minRows={5} value={proposed.data.text} />
      <CopyButton value={proposed.data.text}>
        {({ copied, copy }) => (
          <Button variant="light" onClick={copy} w="fit-content">
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}
