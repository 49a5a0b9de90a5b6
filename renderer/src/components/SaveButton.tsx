import { Button } from '@mantine/core';

/** The submit button of a settings form: enabled once something changed. */
export function SaveButton({ saving, dirty }: { saving: boolean; dirty: boolean }) {
  return (
    <Button type="submit" loading={saving} disabled={!dirty}>
      Save changes
    </Button>
  );
}
