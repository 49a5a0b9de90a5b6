export const AGE_BUCKETS = ['not-due', '0-30', '31-60', '61-90', '90+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/**
 * The aged-debt bucket of an invoice `daysPastDue` days after its due date (negative: not due
 * yet): 0–30, 31–60, 61–90 and over 90 days, the usual credit-control ages.
 */
export function ageBucket(daysPastDue: number): AgeBucket {
  if (daysPastDue < 0) return 'not-due';
  if (daysPastDue <= 30) return '0-30';
  if (daysPastDue <= 60) return '31-60';
  if (daysPastDue <= 90) return '61-90';
  return '90+';
}

export const AGE_BUCKET_LABELS: Record<AgeBucket, string> = {
  'not-due': 'Not yet due',
  '0-30': '0–30 days overdue',
  '31-60': '31–60 days overdue',
  '61-90': '61–90 days overdue',
  '90+': 'Over 90 days overdue',
};
