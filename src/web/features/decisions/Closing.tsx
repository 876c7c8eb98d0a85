import { useIntl, type IntlShape } from 'react-intl';
import { TextField } from '../../components/Form.tsx';
import { ApiError } from '../../lib/api.ts';
import type { FormValues } from '../../lib/forms.ts';
import { instantAt } from '../../../policy/time.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * When answers or ballots close, from a form's date (`closesAt`) and time
 * (`closesTime`), read on the clock where the group meets. Both empty: no
 * closing time (undefined), and the server's default applies.
 */
export function closingTime(
  intl: IntlShape,
  values: FormValues,
  timeZone: string,
): string | undefined {
  const date = values.closesAt?.trim() ?? '';
  const time = values.closesTime?.trim() ?? '';
  if (!date && !time) return undefined;
  const fields: Record<string, string> = {};
  if (!date)
    fields.closesAt = intl.formatMessage({
      id: 'decisions.closing.dateNeeded',
      defaultMessage: 'is required when you give a closing time',
    });
  else if (!DATE.test(date))
    fields.closesAt = intl.formatMessage({
      id: 'decisions.closing.dateForm',
      defaultMessage: 'must be a date such as 2027-03-09',
    });
  if (!time)
    fields.closesTime = intl.formatMessage({
      id: 'decisions.closing.timeNeeded',
      defaultMessage: 'is required when you give a closing date',
    });
  else if (!TIME.test(time))
    fields.closesTime = intl.formatMessage({
      id: 'decisions.closing.timeForm',
      defaultMessage: 'must be a time on the 24-hour clock, such as 18:00',
    });
  const fix = intl.formatMessage({
    id: 'decisions.closing.fix',
    defaultMessage: 'Some details need fixing.',
  });
  if (Object.keys(fields).length > 0) {
    throw new ApiError(422, 'validation_failed', fix, fields);
  }
  const at = instantAt(timeZone, date, time);
  if (at.getTime() <= Date.now()) {
    throw new ApiError(422, 'validation_failed', fix, {
      closesAt: intl.formatMessage({
        id: 'decisions.closing.future',
        defaultMessage: 'must be in the future',
      }),
    });
  }
  return at.toISOString();
}

/** The closing date and time boxes; the form's labels name them `closesAt` and `closesTime`. */
export function ClosingFields({ timeZone, hint }: { timeZone: string; hint: string }) {
  const intl = useIntl();
  return (
    <div className="closing-pair">
      <TextField name="closesAt" type="date" optional autoComplete="off" hint={hint} />
      <TextField
        name="closesTime"
        type="time"
        optional
        autoComplete="off"
        hint={intl.formatMessage(
          {
            id: 'decisions.closing.timeHint',
            defaultMessage: 'On the 24-hour clock, {timeZone} time.',
          },
          { timeZone },
        )}
      />
    </div>
  );
}
