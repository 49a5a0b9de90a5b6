import { ActionIcon, Anchor, Button, Group, Input, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { discountRuleInput, type DiscountRuleView } from '../../../../shared/api/rate-cards';
import { useApiMutation } from '../../api/hooks';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { suffixProps } from '../../components/input-suffix';
import { canonicalText, numberInputProps, numberProblem, typedNumber, typedText } from '../../forms/numbers';
import { fieldMaxLength } from '../../forms/max-length';
import { useConfirmedClose } from '../../forms/unsaved-changes';

interface TierValues {
  /** As typed; a number once loaded from a saved rule. */
  fromMonths: number | string;
  percent: string;
}

interface DiscountValues {
  name: string;
  tiers: TierValues[];
}

const MAX_TIERS = 12;
const TIER_COLUMN = 150;

const PRESETS: { label: string; tiers: TierValues[] }[] = [
  { label: '10% always', tiers: [{ fromMonths: 0, percent: '10' }] },
  {
    label: '5% from 3 months, 10% from 6 months',
    tiers: [
      { fromMonths: 3, percent: '5' },
      { fromMonths: 6, percent: '10' },
    ],
  },
];

/** What the API takes: each tier's months and percent read in the display locale ("7,5" is 7.5 in de-DE). */
function ruleInput(id: number | null, values: DiscountValues) {
  return { id, name: values.name, tiers: values.tiers.map((t) => ({ fromMonths: typedNumber(t.fromMonths), percent: canonicalText(t.percent) })) };
}

/** The tiers' percents the display locale reads two ways ("2,5" in en-GB), with what to type instead, as field errors. */
function tierProblems(values: DiscountValues): Record<string, string> {
  const problems: Record<string, string> = {};
  values.tiers.forEach((t, i) => {
    const problem = numberProblem(t.percent);
    if (problem) problems[`tiers.${i}.percent`] = problem;
  });
  return problems;
}

/** A new discount rule (`rule` null) or a change to one: a name and its tiers, each a percent from a number of months. */
export function DiscountModal({ rule, onClose }: { rule: DiscountRuleView | null; onClose(): void }) {
  const save = useApiMutation('discounts.save');
  const id = rule?.id ?? null;
  const form = useForm<DiscountValues>({
    initialValues: { name: rule?.name ?? '', tiers: rule ? rule.tiers.map((t) => ({ fromMonths: t.fromMonths, percent: typedText(t.percent) })) : [{ fromMonths: 0, percent: '' }] },
    validate: (values) => ({ ...zodValidate(discountRuleInput, (v: DiscountValues) => ruleInput(id, v))(values), ...tierProblems(values) }),
    // The list's own problem (tiers out of order) is about every row: changing any of them may fix it.
    onValuesChange: (values, previous) => {
      if (values.tiers !== previous.tiers) form.clearFieldError('tiers');
    },
  });
  const close = useConfirmedClose(() => form.isDirty(), onClose);
  const submit = form.onSubmit(async (values) => {
    try {
      await save.mutateAsync(ruleInput(id, values));
      onClose();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });
  const tiers = form.values.tiers;
  const listError = form.errors.tiers;
  return (
    <Modal opened onClose={close} title={<Text fw={650} size="lg">{rule ? `Edit ${rule.name}` : 'New discount rule'}</Text>}>
      <form onSubmit={submit} noValidate aria-label={rule ? 'Edit discount rule' : 'New discount rule'}>
        <Stack>
          {rule && rule.usedBy > 0 && (
            <Text size="sm" c="dimmed" data-testid="rule-in-use">
              {rule.usedBy === 1 ? 'One contract uses' : `${rule.usedBy} contracts use`} this rule. Signed contracts keep the discount they were signed with; a draft takes the change when it is next saved.
            </Text>
          )}
          <TextInput label="Name" withAsterisk placeholder="e.g. Retained, Long-term" data-autofocus maxLength={fieldMaxLength(discountRuleInput, 'name')} {...form.getInputProps('name')} />
          <Input.Wrapper
            label="Tiers"
            labelElement="div"
            description="Each tier starts after months of continuous work with the client (0 is from the start). A longer engagement never gets a smaller discount."
          >
            <Stack gap="xs" mt="xs">
              <Group gap="sm" wrap="nowrap" aria-hidden>
                <Text size="xs" fw={500} c="dimmed" w={TIER_COLUMN}>
                  From (months)
                </Text>
                <Text size="xs" fw={500} c="dimmed" w={TIER_COLUMN}>
                  Discount
                </Text>
              </Group>
              {tiers.map((_, i) => (
                <Group key={i} gap="sm" wrap="nowrap" align="flex-start" data-testid="discount-tier">
                  <TextInput
                    w={TIER_COLUMN}
                    aria-label={`Tier ${i + 1} from months`}
                    inputMode="numeric"
                    {...form.getInputProps(`tiers.${i}.fromMonths`)}
                  />
                  <TextInput
                    w={TIER_COLUMN}
                    aria-label={`Tier ${i + 1} discount percent`}
                    inputMode="decimal"
                    placeholder="10"
                    {...suffixProps('%')}
                    maxLength={fieldMaxLength(discountRuleInput, `tiers.${i}.percent`)}
                    {...numberInputProps(form, `tiers.${i}.percent`)}
                  />
                  <ActionIcon
                    mt={4}
                    variant="subtle"
                    color="red"
                    aria-label={`Remove tier ${i + 1}`}
                    disabled={tiers.length === 1}
                    onClick={() => form.removeListItem('tiers', i)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              {listError && (
                <Text size="xs" c="red" role="alert" data-testid="tiers-error">
                  {listError}
                </Text>
              )}
              <Group justify="space-between" align="center" mt={4}>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  disabled={tiers.length >= MAX_TIERS}
                  onClick={() => form.insertListItem('tiers', { fromMonths: '', percent: '' })}
                >
                  Add tier
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                For example:{' '}
                {PRESETS.map((preset, i) => (
                  <span key={preset.label}>
                    {i > 0 && ' or '}
                    <Anchor component="button" type="button" size="xs" onClick={() => form.setFieldValue('tiers', preset.tiers.map((t) => ({ ...t })))}>
                      {preset.label}
                    </Anchor>
                  </span>
                ))}
                .
              </Text>
            </Stack>
          </Input.Wrapper>
          <FormError error={save.error} />
          <ModalFooter action={rule ? 'Save rule' : 'Add rule'} onCancel={close} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
