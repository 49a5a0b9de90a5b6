import { Button, FileButton, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { LOGO_MAX_BYTES } from '../../../../shared/api/profile';

export interface LogoFile {
  mimeType: 'image/png' | 'image/jpeg';
  dataBase64: string;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

interface Props {
  value: LogoFile | null;
  onChange(logo: LogoFile | null): void;
  error?: string | undefined;
  busy?: boolean;
}

/** Picks a PNG or JPEG logo; size and type are checked here and again by the API. */
export function LogoPicker({ value, onChange, error, busy }: Props) {
  const [localError, setLocalError] = useState<string | null>(null);
  const pick = async (file: File | null) => {
    if (!file) return;
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') return setLocalError('Choose a PNG or JPEG image');
    if (file.size > LOGO_MAX_BYTES) return setLocalError('The logo must be 1 MB or smaller');
    setLocalError(null);
    onChange({ mimeType: file.type, dataBase64: await readAsBase64(file) });
  };
  const message = localError ?? error;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Logo
      </Text>
      <Group align="center" gap="md">
        <Paper withBorder w={160} h={80} radius="md" p={6} style={{ display: 'grid', placeItems: 'center' }}>
          {value ? (
            <Image src={`data:${value.mimeType};base64,${value.dataBase64}`} alt="Your logo" mah={68} maw={148} fit="contain" />
          ) : (
            <IconPhoto size={28} stroke={1.3} color="var(--mantine-color-dimmed)" aria-hidden />
          )}
        </Paper>
        <Stack gap={6}>
          <FileButton onChange={(file) => void pick(file)} accept="image/png,image/jpeg">
            {(props) => (
              <Button {...props} variant="default" size="xs" leftSection={<IconUpload size={14} />} loading={busy ?? false}>
                {value ? 'Replace logo' : 'Upload logo'}
              </Button>
            )}
          </FileButton>
          {value && (
            <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={() => onChange(null)} disabled={busy ?? false}>
              Remove
            </Button>
          )}
        </Stack>
      </Group>
      <Text size="xs" c={message ? 'red' : 'dimmed'} role={message ? 'alert' : undefined}>
        {message ?? 'PNG or JPEG, up to 1 MB. Printed on your invoices.'}
      </Text>
    </Stack>
  );
}
