/**
 * A date and time as a clerk types them, meant in the housing company's time zone (Europe/Berlin, as every staff date
 * is shown), as an ISO 8601 instant with its offset: "2026-03-29", "10:00" → "2026-03-29T10:00:00+02:00". The device's
 * own time zone plays no part.
 */
export function berlinDateTime(date: string, time: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the wall time read as UTC, then at the instant that gives: right on both sides of a DST change.
  let offset = berlinOffsetMinutes(wall);
  offset = berlinOffsetMinutes(wall - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  return `${date}T${pad(hour)}:${pad(minute)}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

function berlinOffsetMinutes(instant: number): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
      .formatToParts(new Date(instant))
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}
