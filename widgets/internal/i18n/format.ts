/** Dates and sizes in a language's own format (`Intl`), shared by the language modules. */

/** `82 kB`, `1,1 MB` — with a no-break space, so the number and its unit never wrap apart. */
export function formatFileSize(language: string, bytes: number): string {
  const megabytes = bytes >= 1024 * 1024;
  const format = new Intl.NumberFormat(language, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: megabytes ? 1 : 0,
  });
  return format.format(megabytes ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024))).replace(/\s/g, '\u00a0');
}

/** Date and time of day as the housing company keeps them (Berlin time), e.g. `15. März 2026 um 14:30`. */
export function formatDateTime(language: string, iso: string): string {
  return new Date(iso).toLocaleString(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' });
}

/** A share of 0 … 100 as the language writes it (`42 %`, `42%`, `%42`), the number and the sign never apart. */
export function formatPercent(language: string, percent: number): string {
  return new Intl.NumberFormat(language, { style: 'percent' }).format(percent / 100).replace(/\s/g, '\u00a0');
}
