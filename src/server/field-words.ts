import { defineMessages, type MessageDescriptor } from '@formatjs/intl';
import { descriptorOf, say, wordsIn, type Words } from './errors.ts';

/**
 * What is wrong with one field, in the words the request schemas in
 * src/contracts use. The schemas keep their English (Zod carries a message as
 * text), as do the Terms of Reference checker and the attendance spreadsheet
 * reader; the error handler finds each message's entry here by that English,
 * so it can word it in the reader's language. `test/api/api-language.test.ts`
 * holds every message the schemas use to an entry.
 */
export const FIELD = defineMessages({
  text: { id: 'api.field.text', defaultMessage: 'must be text' },
  required: { id: 'api.field.required', defaultMessage: 'is required' },
  tooLong: { id: 'api.field.tooLong', defaultMessage: 'is too long' },
  notAccepted: {
    id: 'api.field.notAccepted',
    defaultMessage: 'is not a field this request accepts; remove it',
  },
  notValid: { id: 'api.field.notValid', defaultMessage: 'is not valid' },
  mustBeType: { id: 'api.field.mustBeType', defaultMessage: 'must be {expected}' },
  validJson: { id: 'api.field.validJson', defaultMessage: 'must be valid JSON' },
  pathTooLong: {
    id: 'api.field.pathTooLong',
    defaultMessage: 'has a part longer than 200 characters',
  },
  pathEncoding: {
    id: 'api.field.pathEncoding',
    defaultMessage: 'must be valid percent-encoded UTF-8',
  },
  language: {
    id: 'api.field.language',
    defaultMessage: "must be 'en-GB' (English) or 'cy' (Cymraeg)",
  },
  personName: {
    id: 'api.field.personName',
    defaultMessage:
      'must be a name: letters, with spaces, hyphens, apostrophes or full stops between them',
  },
  listOfNames: { id: 'api.field.listOfNames', defaultMessage: 'must be a list of names' },
  atMostFiveNames: { id: 'api.field.atMostFiveNames', defaultMessage: 'must list at most 5 names' },
  changeAccount: {
    id: 'api.field.changeAccount',
    defaultMessage:
      'send a name, the names you go by (knownAs), a job title, an organisation or a language to change',
  },
  sitePath: { id: 'api.field.sitePath', defaultMessage: 'must be a path on this site' },
  sitePathSlash: {
    id: 'api.field.sitePathSlash',
    defaultMessage: 'must be a path on this site, starting with one /',
  },
  noNul: { id: 'api.field.noNul', defaultMessage: 'must not contain NUL characters' },
  brokenCharacter: {
    id: 'api.field.brokenCharacter',
    defaultMessage: 'must be valid Unicode text (it has a broken character)',
  },
  unicode: { id: 'api.field.unicode', defaultMessage: 'must be valid Unicode text' },
  notEmpty: { id: 'api.field.notEmpty', defaultMessage: 'must not be empty' },
  atLeastCharacters: {
    id: 'api.field.atLeastCharacters',
    defaultMessage: 'must be at least {min} characters',
  },
  atMostCharacters: {
    id: 'api.field.atMostCharacters',
    defaultMessage: 'must be at most {max} characters',
  },
  email: { id: 'api.field.email', defaultMessage: 'must be an email address' },
  emailExample: {
    id: 'api.field.emailExample',
    defaultMessage: 'must be an email address such as name@example.org',
  },
  uuid: { id: 'api.field.uuid', defaultMessage: 'must be an id (a UUID)' },
  token: { id: 'api.field.token', defaultMessage: 'must be the token from your link' },
  tokenInFull: {
    id: 'api.field.tokenInFull',
    defaultMessage: 'must be the token from your link, copied in full',
  },
  remitKey: { id: 'api.field.remitKey', defaultMessage: 'must be the key of a remit area' },
  remitKeyExample: {
    id: 'api.field.remitKeyExample',
    defaultMessage: 'must be the key of a remit area, such as housing_repairs',
  },
  instant: {
    id: 'api.field.instant',
    defaultMessage: 'must be a date and time with its offset, such as 2027-03-09T18:00:00+00:00',
  },
  consensusAnswer: {
    id: 'api.field.consensusAnswer',
    defaultMessage: 'must be agree, concerns, stand_aside or block',
  },
  ballotChoice: { id: 'api.field.ballotChoice', defaultMessage: 'must be yes, no or abstain' },
  trueToWithdraw: {
    id: 'api.field.trueToWithdraw',
    defaultMessage: 'must be true (to withdraw it)',
  },
  somethingToChange: {
    id: 'api.field.somethingToChange',
    defaultMessage: 'send something to change',
  },
  consensusOutcome: {
    id: 'api.field.consensusOutcome',
    defaultMessage: 'must be consensus or no_consensus',
  },
  yesOrNo: { id: 'api.field.yesOrNo', defaultMessage: 'must be yes or no' },
  csvOrJson: { id: 'api.field.csvOrJson', defaultMessage: 'must be csv or json' },
  role: {
    id: 'api.field.role',
    defaultMessage: 'must be one of participant, observer, note_taker, chair',
  },
  workingGroupKey: {
    id: 'api.field.workingGroupKey',
    defaultMessage: 'must be the key of a working group in the Terms of Reference',
  },
  workingGroupKeyExample: {
    id: 'api.field.workingGroupKeyExample',
    defaultMessage:
      'must be the key of a working group in the Terms of Reference, such as housing_repairs',
  },
  changeGroup: {
    id: 'api.field.changeGroup',
    defaultMessage: 'send a name, a purpose or a terms key to change',
  },
  wholeDays: { id: 'api.field.wholeDays', defaultMessage: 'must be a whole number of days' },
  atLeastOneDay: { id: 'api.field.atLeastOneDay', defaultMessage: 'must be at least 1 day' },
  atMost365Days: { id: 'api.field.atMost365Days', defaultMessage: 'must be at most 365 days' },
  trueOrFalse: { id: 'api.field.trueOrFalse', defaultMessage: 'must be true or false' },
  realDate: { id: 'api.field.realDate', defaultMessage: 'must be a real date written YYYY-MM-DD' },
  webAddress: {
    id: 'api.field.webAddress',
    defaultMessage: 'must be a web address starting with https:// or http://',
  },
  meetingsWhen: { id: 'api.field.meetingsWhen', defaultMessage: 'must be upcoming, past or all' },
  months: {
    id: 'api.field.months',
    defaultMessage: 'must be a whole number of months from 1 to 12',
  },
  minutes: {
    id: 'api.field.minutes',
    defaultMessage: 'must be a whole number of minutes from 0 to 240',
  },
  wholeFromOne: { id: 'api.field.wholeFromOne', defaultMessage: 'must be a whole number from 1' },
  atMost500: { id: 'api.field.atMost500', defaultMessage: 'must be at most 500' },
  atMost: { id: 'api.field.atMost', defaultMessage: 'must be at most {max}' },
  atLeast: { id: 'api.field.atLeast', defaultMessage: 'must be at least {min}' },
  atMostItems: { id: 'api.field.atMostItems', defaultMessage: 'must have at most {max} items' },
  atLeastItems: { id: 'api.field.atLeastItems', defaultMessage: 'must have at least {min} items' },
  placementAgenda: {
    id: 'api.field.placementAgenda',
    defaultMessage: 'must be agenda (to move an item back)',
  },
  attendingOrApologies: {
    id: 'api.field.attendingOrApologies',
    defaultMessage: 'must be attending or apologies',
  },
  attendanceMark: {
    id: 'api.field.attendanceMark',
    defaultMessage: 'must be present_in_person, present_online, apologies or absent',
  },
  checkInMode: { id: 'api.field.checkInMode', defaultMessage: 'must be in_person or online' },
  hours: { id: 'api.field.hours', defaultMessage: 'must be a whole number of hours from 1 to 200' },
  categoryKeys: { id: 'api.field.categoryKeys', defaultMessage: 'must be a list of category keys' },
  atMostTenCategories: {
    id: 'api.field.atMostTenCategories',
    defaultMessage: 'must list at most 10 categories',
  },
  notesItems: {
    id: 'api.field.notesItems',
    defaultMessage: 'must be a list of agenda items with their discussion',
  },
  atMost200Items: { id: 'api.field.atMost200Items', defaultMessage: 'must have at most 200 items' },
  atMost200Entries: {
    id: 'api.field.atMost200Entries',
    defaultMessage: 'must have at most 200 entries',
  },
  meOrAnyone: { id: 'api.field.meOrAnyone', defaultMessage: 'must be me or anyone' },
  actionsWhich: {
    id: 'api.field.actionsWhich',
    defaultMessage: 'must be open, done, dropped or all',
  },
  actionStatus: { id: 'api.field.actionStatus', defaultMessage: 'must be open, done or dropped' },
  itemType: {
    id: 'api.field.itemType',
    defaultMessage: 'must be notes, decision, learning, paper, terms or suggestion',
  },
  audience: { id: 'api.field.audience', defaultMessage: 'must be public or groups' },
  atMost20Groups: { id: 'api.field.atMost20Groups', defaultMessage: 'must name at most 20 groups' },
  shortTag: { id: 'api.field.shortTag', defaultMessage: 'must be a short tag' },
  shortTagExample: {
    id: 'api.field.shortTagExample',
    defaultMessage: 'must be a short lowercase tag such as access',
  },
  atMost10Tags: { id: 'api.field.atMost10Tags', defaultMessage: 'must have at most 10 tags' },
  releaseOrWithdraw: {
    id: 'api.field.releaseOrWithdraw',
    defaultMessage: 'must be release or withdraw',
  },
  atMost20Items: { id: 'api.field.atMost20Items', defaultMessage: 'must name at most 20 items' },
  acceptOrDecline: { id: 'api.field.acceptOrDecline', defaultMessage: 'must be accept or decline' },
  date: { id: 'api.field.date', defaultMessage: 'must be a date written YYYY-MM-DD' },
  versionNumber: { id: 'api.field.versionNumber', defaultMessage: 'must be a version number' },
  cadence: {
    id: 'api.field.cadence',
    defaultMessage: 'must be weekly, every_6_weeks, monthly or every_2_months',
  },
  shortKey: {
    id: 'api.field.shortKey',
    defaultMessage: 'must be a short key of lowercase letters, digits and _',
  },
  time: { id: 'api.field.time', defaultMessage: 'must be a time such as 18:00' },
  termsLanguage: {
    id: 'api.field.termsLanguage',
    defaultMessage: 'must be en-GB (English) or cy (Welsh)',
  },
  termsDocument: {
    id: 'api.field.termsDocument',
    defaultMessage: 'must be a Terms of Reference document (an object)',
  },
  termsDocumentTooMany: {
    id: 'api.field.termsDocumentTooMany',
    defaultMessage: 'must be a Terms of Reference document (it has far too many fields)',
  },
  versionOrDraft: {
    id: 'api.field.versionOrDraft',
    defaultMessage: 'must be a version number or "draft"',
  },
  clauseNumber: { id: 'api.field.clauseNumber', defaultMessage: 'must be a clause number' },
  notMeetingOfGroup: {
    id: 'api.field.notMeetingOfGroup',
    defaultMessage: 'is not a meeting of this group',
  },
  notPersonInGroup: {
    id: 'api.field.notPersonInGroup',
    defaultMessage: 'is not a person in this group',
  },
  notItemOfThisMeeting: {
    id: 'api.field.notItemOfThisMeeting',
    defaultMessage: 'is not an agenda item of this meeting',
  },
  notItemOfThatMeeting: {
    id: 'api.field.notItemOfThatMeeting',
    defaultMessage: 'is not an agenda item of that meeting',
  },
  notDecisionOfGroup: {
    id: 'api.field.notDecisionOfGroup',
    defaultMessage: 'is not a decision of this group',
  },
  pastMeetingOfGroup: {
    id: 'api.field.pastMeetingOfGroup',
    defaultMessage: 'must be a meeting of this group that has taken place',
  },
  // The Terms of Reference checker's problems (src/policy/terms.ts and validate.ts).
  timeZone: {
    id: 'api.field.timeZone',
    defaultMessage: 'is not a time zone we know: use a name such as Europe/London',
  },
  notTermsField: {
    id: 'api.field.notTermsField',
    defaultMessage: 'is not a field of the Terms of Reference: remove it',
  },
  surveyQuestion: {
    id: 'api.field.surveyQuestion',
    defaultMessage:
      'is not one of the survey questions: a mood goal is measured by a survey question, so add the question or pick another',
  },
  weekOfMonth: { id: 'api.field.weekOfMonth', defaultMessage: 'must be 1, 2, 3, 4, 5 or last' },
  realDateExample: {
    id: 'api.field.realDateExample',
    defaultMessage: 'must be a real date written YYYY-MM-DD, such as 2026-03-10',
  },
  setOfFields: { id: 'api.field.setOfFields', defaultMessage: 'must be a set of fields' },
  termsKey: {
    id: 'api.field.termsKey',
    defaultMessage:
      'must be a short key of lowercase letters, digits and underscores starting with a letter, such as housing_repairs',
  },
  shortKeyOnly: { id: 'api.field.shortKeyOnly', defaultMessage: 'must be a short key' },
  clockTime: {
    id: 'api.field.clockTime',
    defaultMessage: 'must be a time on the 24-hour clock, such as 18:00',
  },
  timeWritten: {
    id: 'api.field.timeWritten',
    defaultMessage: 'must be a time written HH:MM, such as 18:00',
  },
  timeZoneName: {
    id: 'api.field.timeZoneName',
    defaultMessage: 'must be a time zone name such as Europe/London',
  },
  afterStartsOn: {
    id: 'api.field.afterStartsOn',
    defaultMessage: 'must be after the date the group starts (startsOn)',
  },
  monthDayKind: {
    id: 'api.field.monthDayKind',
    defaultMessage: 'must be nth_weekday (such as the 2nd Tuesday) or day_of_month',
  },
  monthsInOrder: {
    id: 'api.field.monthsInOrder',
    defaultMessage: 'must go from earliest to latest with no month repeated, such as 3, 6, 12',
  },
  oneClause: { id: 'api.field.oneClause', defaultMessage: 'must have at least one clause' },
  quorumKind: {
    id: 'api.field.quorumKind',
    defaultMessage: 'must have kind none, count or fraction',
  },
  cadenceUnit: { id: 'api.field.cadenceUnit', defaultMessage: 'must have unit week or month' },
  oneArea: {
    id: 'api.field.oneArea',
    defaultMessage: 'must list at least one area the group covers',
  },
  oneRole: { id: 'api.field.oneRole', defaultMessage: 'must name at least one role' },
  quorumFraction: {
    id: 'api.field.quorumFraction',
    defaultMessage:
      'must not be more than the denominator: a quorum cannot be more than all the members',
  },
  alsoInScope: {
    id: 'api.field.alsoInScope',
    defaultMessage:
      'is also in scope (remit.inScope.{other}): an area cannot be both in and out of scope, so remove it from one list',
  },
  quorumNeverReached: {
    id: 'api.field.quorumNeverReached',
    defaultMessage:
      'is more than the {size} members this group could have, so it could never be reached: lower it',
  },
  moreThanMembers: {
    id: 'api.field.moreThanMembers',
    defaultMessage: 'is more than the {size} members this group could have: lower it',
  },
  moreThanQuorum: {
    id: 'api.field.moreThanQuorum',
    defaultMessage: 'is more than the quorum of {count}: raise the quorum or lower this minimum',
  },
  notARole: {
    id: 'api.field.notARole',
    defaultMessage: 'is not a role of this group: use {roles}, or add it under roles.otherRoles',
  },
  notInGroupScope: {
    id: 'api.field.notInGroupScope',
    defaultMessage:
      "is not one of the group's in-scope areas: a working group covers a part of its group's remit",
  },
  usedTwice: {
    id: 'api.field.usedTwice',
    defaultMessage: 'is used twice (also at {path}): {field}s must differ',
  },
  listOf: { id: 'api.field.listOf', defaultMessage: 'must be a list of {what}' },
  wholeNumberOf: {
    id: 'api.field.wholeNumberOf',
    defaultMessage: 'must be a whole number of {unit} from {min} to {max}',
  },
  wholeNumber: {
    id: 'api.field.wholeNumber',
    defaultMessage: 'must be a whole number from {min} to {max}',
  },
  oneOf: { id: 'api.field.oneOf', defaultMessage: 'must be one of: {values}' },
  atMostOf: { id: 'api.field.atMostOf', defaultMessage: 'must have at most {max} {what}' },
  // The problems of an attendance spreadsheet's rows (modules/attendance/import.ts, and the import).
  csvNul: {
    id: 'api.field.csvNul',
    defaultMessage: 'contains a NUL character; save the file as UTF-8 CSV',
  },
  csvQuoteNotClosed: {
    id: 'api.field.csvQuoteNotClosed',
    defaultMessage: 'a quoted field in this row is never closed',
  },
  csvQuoteInside: {
    id: 'api.field.csvQuoteInside',
    defaultMessage:
      'a quote inside an unquoted field; put the whole field in quotes and double the quote',
  },
  csvAfterClosingQuote: {
    id: 'api.field.csvAfterClosingQuote',
    defaultMessage: 'text follows a closing quote; a quoted field must end at a comma or line end',
  },
  csvUnreadable: {
    id: 'api.field.csvUnreadable',
    defaultMessage: 'this row cannot be read as CSV',
  },
  csvEmpty: { id: 'api.field.csvEmpty', defaultMessage: 'the file is empty' },
  csvTooManyRows: {
    id: 'api.field.csvTooManyRows',
    defaultMessage: 'more than {max} rows; import at most {max} at a time',
  },
  csvRepeatedRow: {
    id: 'api.field.csvRepeatedRow',
    defaultMessage: '{email} on {date} is already on line {line}',
  },
  csvMissingColumn: {
    id: 'api.field.csvMissingColumn',
    defaultMessage: 'missing column {columns}; expected the columns date, email and attendance',
  },
  csvUnexpectedColumn: {
    id: 'api.field.csvUnexpectedColumn',
    defaultMessage: 'unexpected column {columns}; expected the columns date, email and attendance',
  },
  csvRepeatedColumn: {
    id: 'api.field.csvRepeatedColumn',
    defaultMessage: 'column {columns} appears more than once',
  },
  csvCells: {
    id: 'api.field.csvCells',
    defaultMessage: 'expected {count} cells but found {found}',
  },
  csvDate: {
    id: 'api.field.csvDate',
    defaultMessage: 'date "{date}" is not a real date written YYYY-MM-DD',
  },
  csvEmail: {
    id: 'api.field.csvEmail',
    defaultMessage: 'email "{email}" does not look like an email address',
  },
  csvAttendance: {
    id: 'api.field.csvAttendance',
    defaultMessage: 'attendance "{attendance}" is not one of: present, online, apologies, absent',
  },
  csvNoMeeting: {
    id: 'api.field.csvNoMeeting',
    defaultMessage: 'the group has no meeting on {date}',
  },
  csvManyMeetings: {
    id: 'api.field.csvManyMeetings',
    defaultMessage:
      "the group has {count} meetings on {date}: record this one on the meeting's page",
  },
  csvNotHappened: {
    id: 'api.field.csvNotHappened',
    defaultMessage: 'the meeting on {date} has not happened yet',
  },
  csvNotInGroup: { id: 'api.field.csvNotInGroup', defaultMessage: '{email} is not in this group' },
  unworded: { id: 'api.field.unworded', defaultMessage: '{text}' },
});

/** Placeholders that stand for a number; any other stands for some text. */
const NUMBERS = new Set(['min', 'max', 'size', 'count', 'found', 'line']);

type Entry = { message: MessageDescriptor; pattern: RegExp; names: string[] };

const entries: Entry[] = Object.values(FIELD)
  .filter((message) => message !== FIELD.unworded)
  .map((message) => {
    const english = String(message.defaultMessage);
    const names: string[] = [];
    const source = english
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(name);
        if (name === 'expected') return '(\\w+)';
        return NUMBERS.has(name) ? '(\\d+)' : '([^;]+?)';
      })
      .join('');
    return { message, pattern: new RegExp(`^${source}$`), names };
  });

/** A schema's English message, as words of the catalogue; unknown English is passed on as it is. */
export function fieldWords(english: string): Words {
  for (const { message, pattern, names } of entries) {
    const found = pattern.exec(english);
    if (!found) continue;
    if (names.length === 0) return message;
    return say(message, Object.fromEntries(names.map((name, i) => [name, found[i + 1] ?? ''])));
  }
  // Several problems with one field come joined by "; ": each is worded on its own.
  const parts = english.split('; ');
  if (parts.length > 1 && parts.every((part) => !isUnworded(fieldWords(part)))) {
    const each = parts.map(fieldWords);
    return say(FIELD.unworded, {
      text: (locale) => each.map((words) => wordsIn(locale, words)).join('; '),
    });
  }
  return say(FIELD.unworded, { text: english });
}

function isUnworded(words: Words): boolean {
  return descriptorOf(words) === FIELD.unworded;
}
