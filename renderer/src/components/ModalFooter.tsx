import { Button, Group, type MantineColor } from '@mantine/core';

interface Props {
  /** The primary action's label, e.g. "Record payment". */
  action: string;
  onCancel(): void;
  /** Runs the action; without it the button submits the dialog's form. */
  onAction?: () => void;
  /** The action is in flight: its button spins and Cancel waits for it. */
  loading?: boolean;
  color?: MantineColor;
  /** The dialog opens with focus on the action (a confirmation with nothing to fill in), not on its close button. */
  focusAction?: boolean;
}

/** A dialog's closing row: Cancel, then the primary action on the right. */
export function ModalFooter({ action, onCancel, onAction, loading = false, color, focusAction = false }: Props) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={loading}>
        Cancel
      </Button>
      <Button type={onAction ? 'button' : 'submit'} onClick={onAction} loading={loading} color={color} data-autofocus={focusAction || undefined}>
        {action}
      </Button>
    </Group>
  );
}
