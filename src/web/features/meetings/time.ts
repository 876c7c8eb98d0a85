import { defineMessages, type IntlShape } from 'react-intl';
import { ApiError } from '../../lib/api.ts';
import type { FormValues } from '../../lib/forms.ts';
import { calendarDateIn, instantAt, timeOfDayIn } from '../../../policy/time.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What is wrong with a date or time, said after the field's label ("Date is required"). */
const problems = defineMessages({
  required: { id: 'meetings.time.required', defaultMessage: 'is required' },
  date: { id: 'meetings.time.date', defaultMessage: 'must be a date such as 2027-03-09' },
  start: {
    id: 'meetings.time.start',
    defaultMessage: 'must be a time on the 24-hour clock, such as 18:00',
  },
  end: {
    id: 'meetings.time.end',
    defaultMessage: 'must be a time on the 24-hour clock, such as 20:00',
  },
  order: { id: 'meetings.time.order', defaultMessage: 'must be after the start time' },
  summary: { id: 'meetings.time.summary', defaultMessage: 'Some details need fixing.' },
});

/**
 * The start and end of a meeting from a form's date and two times, read as
 * wall-clock times where the group meets (its time zone), whatever zone the
 * browser is in. Fields are `date`, `startsAt` and `endsAt`.
 */
export function meetingTimes(
  values: FormValues,
  timeZone: string,
  intl: IntlShape,
): { startsAt: string; endsAt: string } {
  const date = values.date?.trim() ?? '';
  const start = values.startsAt?.trim() ?? '';
  const end = values.endsAt?.trim() ?? '';
  const fields: Record<string, string> = {};
  const say = (message: (typeof problems)[keyof typeof problems]) => intl.formatMessage(message);
  if (!date) fields.date = say(problems.required);
  else if (!DATE.test(date)) fields.date = say(problems.date);
  if (!start) fields.startsAt = say(problems.required);
  else if (!TIME.test(start)) fields.startsAt = say(problems.start);
  if (!end) fields.endsAt = say(problems.required);
  else if (!TIME.test(end)) fields.endsAt = say(problems.end);
  if (!fields.startsAt && !fields.endsAt && end <= start) {
    fields.endsAt = say(problems.order);
  }
  if (Object.keys(fields).length > 0) {
    throw new ApiError(422, 'validation_failed', say(problems.summary), fields);
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
