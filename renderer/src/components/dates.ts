/** Today's date in the user's time zone, as ISO (the "sv" locale formats YYYY-MM-DD). */
export function todayIso(): string {
  return new Date().toLocaleDateString('sv');
}

const display = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDate(iso: string | null | undefined): string {
  return iso ? display.format(new Date(`${iso}T00:00:00Z`)) : '—';
}
