const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

const calendarFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** A calendar date (YYYY-MM-DD) in words, on that day wherever the reader is. */
export function formatCalendarDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return calendarFormat.format(new Date(y, m - 1, d));
}
