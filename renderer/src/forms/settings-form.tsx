import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import type { z } from 'zod';
import { useSingleFlight } from './single-flight';
import { useUnsavedChanges } from './unsaved-changes';
import { serverFieldErrors, zodValidate } from './zod-form';

/**
 * A settings page's form: checked by the API's own `schema`, saved once however often Save is
 * pressed, a leave-page warning while unsaved, then `savedMessage` and the values as stored shown
 * as the new clean state; the API's field errors land on their fields.
 */
export function useSettingsForm<V extends Record<string, unknown>>(
  save: { mutateAsync(values: V): Promise<V> },
  settings: V,
  schema: z.ZodType,
  savedMessage: string,
): { form: UseFormReturnType<V>; submit: (event?: FormEvent<HTMLFormElement>) => void } {
  const form = useForm<V>({ initialValues: settings, validate: zodValidate(schema) });
  useUnsavedChanges(() => form.isDirty());
  const once = useSingleFlight();
  const submit = form.onSubmit((values) =>
    once(async () => {
      try {
        const saved = await save.mutateAsync(values);
        // Show what was stored (trimmed, lower-cased), so the form is clean and leaving asks nothing.
        form.setValues(saved);
        form.resetDirty(saved);
        notifications.show({ message: savedMessage, color: 'teal', icon: <IconCheck size={16} /> });
      } catch (error) {
        form.setErrors(serverFieldErrors(error));
      }
    }),
  );
  return { form, submit };
}
