/** "1:40": whole hours and minutes of `seconds` (a whole number from 0), rounded to the nearest minute; as timesheets print time. */
export function hoursAndMinutes(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
