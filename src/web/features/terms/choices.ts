/** Words for the choices a cadence is made of, shared by the template form and the editor. */
import { defineMessages, type MessageDescriptor } from 'react-intl';
import { WEEKDAYS } from '../../../policy/terms.ts';

const FREQUENCY = defineMessages({
  weekly: { id: 'terms.frequency.weekly', defaultMessage: 'Every week' },
  every_6_weeks: { id: 'terms.frequency.every6Weeks', defaultMessage: 'Every 6 weeks' },
  monthly: { id: 'terms.frequency.monthly', defaultMessage: 'Every month' },
  every_2_months: { id: 'terms.frequency.every2Months', defaultMessage: 'Every 2 months' },
});

export const FREQUENCIES: readonly (readonly [string, MessageDescriptor])[] = [
  ['weekly', FREQUENCY.weekly],
  ['every_6_weeks', FREQUENCY.every_6_weeks],
  ['monthly', FREQUENCY.monthly],
  ['every_2_months', FREQUENCY.every_2_months],
];

export const WEEKDAY_LABELS: Record<(typeof WEEKDAYS)[number], MessageDescriptor> = defineMessages({
  monday: { id: 'terms.weekday.monday', defaultMessage: 'Monday' },
  tuesday: { id: 'terms.weekday.tuesday', defaultMessage: 'Tuesday' },
  wednesday: { id: 'terms.weekday.wednesday', defaultMessage: 'Wednesday' },
  thursday: { id: 'terms.weekday.thursday', defaultMessage: 'Thursday' },
  friday: { id: 'terms.weekday.friday', defaultMessage: 'Friday' },
  saturday: { id: 'terms.weekday.saturday', defaultMessage: 'Saturday' },
  sunday: { id: 'terms.weekday.sunday', defaultMessage: 'Sunday' },
});

const NTH = defineMessages({
  first: { id: 'terms.nth.first', defaultMessage: '1st' },
  second: { id: 'terms.nth.second', defaultMessage: '2nd' },
  third: { id: 'terms.nth.third', defaultMessage: '3rd' },
  fourth: { id: 'terms.nth.fourth', defaultMessage: '4th' },
  fifth: { id: 'terms.nth.fifth', defaultMessage: '5th (in months that have one)' },
  last: { id: 'terms.nth.last', defaultMessage: 'Last' },
});

export const NTH_LABELS: readonly (readonly [string, MessageDescriptor])[] = [
  ['1', NTH.first],
  ['2', NTH.second],
  ['3', NTH.third],
  ['4', NTH.fourth],
  ['5', NTH.fifth],
  ['last', NTH.last],
];
