import { ApiError } from '../../lib/api.ts';
import type { FormValues } from '../../lib/forms.ts';
import { calendarDateIn, instantAt, timeOfDayIn } from '../../../policy/time.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The start and end of a meeting from a form's date and two times, read as
 * wall-clock times where the group meets (its time zone), whatever zone the
 * browser is in. Fields are `date`, `startsAt` and `endsAt`.
 */
export function meetingTimes(
  values: FormValues,
  timeZone: string,
): { startsAt: string; endsAt: string } {
  const date = values.date?.trim() ?? '';
  const start = values.startsAt?.trim() ?? '';
  const end = values.endsAt?.trim() ?? '';
  const fields: Record<string, string> = {};
  if (!date) fields.date = 'is required';
  else if (!DATE.test(date)) fields.date = 'must be a date such as 2027-03-09';
  if (!start) fields.startsAt = 'is required';
  else if (!TIME.test(start))
    fields.startsAt = 'must be a time on the 24-hour clock, such as 18:00';
  if (!end) fields.endsAt = 'is required';
  else if (!TIME.test(end)) fields.endsAt = 'must be a time on the 24-hour clock, such as 20:00';
  if (!fields.startsAt && !fields.endsAt && end <= start) {
    fields.endsAt = 'must be after the start time';
  }
  if (Object.keys(fields).length > 0) {
    throw new ApiError(422, 'validation_failed', 'Some details need fixing.', fields);
  }
  return {
    startsAt: instantAt(timeZone, date, start).toISOString(),
    endsAt: instantAt(timeZone, date, end).toISOString(),
  };
}

/** A meeting's date and times as its form shows them, where the group meets. */
export function formTimes(startsAt: string, endsAt: string, timeZone: string) {
  return {
    date: calendarDateIn(timeZone, new Date(startsAt)),
    startsAt: timeOfDayIn(timeZone, new Date(startsAt)),
    endsAt: timeOfDayIn(timeZone, new Date(endsAt)),
  };
}
