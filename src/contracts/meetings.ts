import { z } from 'zod';
import {
  ATTENDANCE_CORRECTION_KINDS,
  INTENTS,
  ITEM_PLACEMENTS,
  MARKS,
  MEETING_SOURCES,
  MEETING_STATUSES,
} from './domains.ts';
import { id, secretToken, text, timestamp } from './common.ts';

const calendarDate = z.iso.date({ error: 'must be a real date written YYYY-MM-DD' });
const instant = z.iso.datetime({
  offset: true,
  error: 'must be a date and time with its offset, such as 2027-03-09T18:00:00+00:00',
});
const remitKey = z
  .string({ error: 'must be the key of a remit area' })
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be the key of a remit area, such as housing_repairs');
const url = text({ max: 2000 }).pipe(
  z
    .string()
    .refine(
      (s) => /^https?:\/\/[^\s]+$/i.test(s) && URL.canParse(s),
      'must be a web address starting with https:// or http://',
    ),
);
const reason = (what: string) =>
  text({ min: 1, max: 1000 }).describe(`Why ${what}: shown to the group and kept in the record`);

export const meetingParams = z.strictObject({ groupId: id, meetingId: id });
export const itemParams = z.strictObject({ groupId: id, meetingId: id, itemId: id });
export const paperParams = z.strictObject({ groupId: id, meetingId: id, paperId: id });
export const attendeeParams = z.strictObject({ groupId: id, meetingId: id, userId: id });
export const memberParams = z.strictObject({ groupId: id, userId: id });

export const meetingStatus = z.enum(MEETING_STATUSES);
/** Where the meeting is in time: before, during (its check-in window), after. */
export const meetingPhase = z.enum(['upcoming', 'live', 'past', 'cancelled']);

export const meetingSummary = z
  .object({
    id,
    groupId: id,
    title: z.string(),
    startsAt: timestamp,
    endsAt: timestamp,
    timeZone: z.string(),
    place: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    status: meetingStatus,
    phase: meetingPhase,
    source: z.enum(MEETING_SOURCES),
    moved: z.boolean(),
    movedReason: z.string().nullable(),
    cancelledReason: z.string().nullable(),
    agendaPublished: z.boolean(),
    /** The caller's answer beforehand, if any. */
    myIntent: z.enum(INTENTS).nullable(),
  })
  .meta({ id: 'MeetingSummary' });
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const listMeetingsQuery = z.strictObject({
  when: z
    .enum(['upcoming', 'past', 'all'], { error: 'must be upcoming, past or all' })
    .default('upcoming'),
});
export const meetingList = z.object({ meetings: z.array(meetingSummary) });

export const scheduleBody = z.strictObject({
  months: z
    .number({ error: 'must be a whole number of months from 1 to 12' })
    .int('must be a whole number of months from 1 to 12')
    .min(1, 'must be a whole number of months from 1 to 12')
    .max(12, 'must be a whole number of months from 1 to 12')
    .default(12),
});
export const scheduleResult = z.object({
  created: z.number().int(),
  kept: z.number().int(),
  removed: z.number().int(),
  cancelled: z.number().int(),
  meetings: z.array(meetingSummary),
});

export const createMeetingBody = z.strictObject({
  title: text({ min: 1, max: 200 }).optional(),
  startsAt: instant,
  endsAt: instant,
  place: text({ min: 1, max: 500 }).nullable().optional(),
  onlineUrl: url.nullable().optional(),
  checkInMarginMinutes: z
    .number({ error: 'must be a whole number of minutes from 0 to 240' })
    .int('must be a whole number of minutes from 0 to 240')
    .min(0, 'must be a whole number of minutes from 0 to 240')
    .max(240, 'must be a whole number of minutes from 0 to 240')
    .optional(),
});

export const updateMeetingBody = z.strictObject({
  title: text({ min: 1, max: 200 }).optional(),
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  place: text({ min: 1, max: 500 }).nullable().optional(),
  onlineUrl: url.nullable().optional(),
  checkInMarginMinutes: createMeetingBody.shape.checkInMarginMinutes,
  /** Required when the time changes: why it moved. */
  reason: reason('it moved').optional(),
  /** Publish the agenda to the group (true), or take it back to draft (false). */
  agendaPublished: z.boolean({ error: 'must be true or false' }).optional(),
});

export const cancelMeetingBody = z.strictObject({ reason: reason('it is cancelled') });

export const agendaItem = z
  .object({
    id,
    position: z.number().int(),
    title: z.string(),
    purpose: z.string(),
    remitKey: z.string().nullable(),
    remitTitle: z.string().nullable(),
    placement: z.enum(ITEM_PLACEMENTS),
    takeInstead: z.string().nullable(),
    placementReason: z.string().nullable(),
    /** Needs a chair's judgement: no remit area, or one the ToR does not name. */
    needsReview: z.string().nullable(),
    declarations: z.array(
      z.object({ userId: id, name: z.string(), interest: z.string().nullable() }),
    ),
  })
  .meta({ id: 'AgendaItem' });

export const addAgendaItemBody = z.strictObject({
  title: text({ min: 1, max: 200 }),
  purpose: text({ min: 1, max: 2000 }),
  remitKey: remitKey.nullable().optional(),
});

export const updateAgendaItemBody = z
  .strictObject({
    title: text({ min: 1, max: 200 }).optional(),
    purpose: text({ min: 1, max: 2000 }).optional(),
    remitKey: remitKey.nullable().optional(),
    position: z
      .number({ error: 'must be a whole number from 1' })
      .int('must be a whole number from 1')
      .min(1, 'must be a whole number from 1')
      .max(500, 'must be at most 500')
      .optional(),
    /** 'agenda' moves an item back from outside this meeting; a reason is required. */
    placement: z.literal('agenda', { error: 'must be agenda (to move an item back)' }).optional(),
    reason: reason('it moves back onto the agenda').optional(),
  })
  .refine((b) => Object.keys(b).length > 0, {
    message: 'send something to change',
    path: ['title'],
  });

export const moveOutsideBody = z.strictObject({
  reason: reason('it is outside the remit'),
  /** Where it can be taken instead; by default the ToR's note for its area. */
  takeInstead: text({ min: 1, max: 1000 }).optional(),
});

export const declareInterestBody = z.strictObject({
  /** null: "I have no interest to declare". */
  interest: text({ min: 1, max: 1000 }).nullable(),
});

/** The agenda item the meeting is taking now, as the live view shows it. */
export const currentItem = z.object({ id, title: z.string() }).meta({ id: 'CurrentAgendaItem' });

export const setCurrentItemBody = z.strictObject({
  /** An item on this meeting's agenda; null: no item is being taken now. */
  itemId: id.nullable(),
});
export const currentItemResult = z.object({ currentItem: currentItem.nullable() });

export const paper = z
  .object({
    id,
    itemId: id.nullable(),
    title: z.string(),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    late: z.boolean(),
    uploadedAt: timestamp,
    uploadedBy: z.string().nullable(),
  })
  .meta({ id: 'Paper' });

export const uploadPaperQuery = z.strictObject({
  title: text({ min: 1, max: 200 }),
  fileName: text({ min: 1, max: 200 }),
  itemId: id.optional(),
});

export const intent = z.enum(INTENTS, {
  error: 'must be attending or apologies',
});
export const mark = z.enum(MARKS, {
  error: 'must be present_in_person, present_online, apologies or absent',
});

export const rsvpBody = z.strictObject({
  response: intent,
  /** Seen by chairs only. */
  reason: text({ max: 1000 }).nullable().optional(),
});
export const rsvpResult = z.object({ response: intent });

export const checkInBody = z.strictObject({
  code: secretToken,
  mode: z
    .enum(['in_person', 'online'], { error: 'must be in_person or online' })
    .default('in_person'),
});
export const checkInResult = z.object({
  mark,
  checkedInAt: timestamp,
  meeting: z.object({ id, title: z.string() }),
});

export const checkInLink = z.object({
  link: z.string(),
  code: z.string(),
  opensAt: timestamp,
  closesAt: timestamp,
  /** The QR code's modules, row by row: '1' dark, '0' light. */
  qr: z.array(z.string()),
});

/** Why attendance is changed after the meeting ended: required then, and shown on the meeting. */
export const correctionReason = text({ min: 1, max: 1000 });

export const recordAttendanceBody = z.strictObject({
  mark,
  /** Required once the meeting has ended: a correction is shown to the group with its reason. */
  reason: correctionReason.optional(),
});
export const attendee = z
  .object({
    userId: id,
    name: z.string(),
    role: z.string(),
    intent: intent.nullable(),
    /** Only for chairs. */
    apologyReason: z.string().nullable(),
    mark: mark.nullable(),
    checkedInAt: timestamp.nullable(),
  })
  .meta({ id: 'Attendee' });

export const quorumView = z.object({
  required: z.number().int(),
  present: z.number().int(),
  met: z.boolean(),
  explanation: z.string(),
  /** The kinds of people the quorum names ("carer"), with how many are here of those needed. */
  categories: z.array(
    z.object({ category: z.string(), present: z.number().int(), min: z.number().int() }),
  ),
});

export const meetingDetail = z
  .object({
    meeting: meetingSummary,
    workingGroup: z.object({ key: z.string(), title: z.string() }).nullable(),
    agenda: z.array(agendaItem),
    outside: z.array(agendaItem),
    papers: z.array(paper),
    papersDueAt: timestamp.nullable(),
    declareInterests: z.boolean(),
    remitAreas: z.array(z.object({ key: z.string(), title: z.string(), inScope: z.boolean() })),
    attendees: z.array(attendee),
    counts: z.object({
      attending: z.number().int(),
      apologies: z.number().int(),
      present: z.number().int(),
      noAnswer: z.number().int(),
    }),
    checkIn: z.object({ opensAt: timestamp, closesAt: timestamp, open: z.boolean() }),
    quorum: quorumView.nullable(),
    /**
     * While the meeting is on: the agenda item being taken now, which the
     * chair sets; null before and after the meeting, or until the chair sets one.
     */
    currentItem: currentItem.nullable(),
    /** When the meeting was added to Accord, if that was after it ended. */
    addedAfterItOn: timestamp.nullable(),
    /** Attendance recorded or changed after the meeting ended, with why. */
    attendanceCorrections: z.array(
      z.object({
        kind: z.enum(ATTENDANCE_CORRECTION_KINDS),
        reason: z.string(),
        changes: z.number().int(),
        madeAt: timestamp,
      }),
    ),
    can: z.object({
      manage: z.boolean(),
      /** Set the current item while the meeting is on. */
      run: z.boolean(),
      addItem: z.boolean(),
      uploadPaper: z.boolean(),
      recordAttendance: z.boolean(),
      rsvp: z.boolean(),
    }),
  })
  .meta({ id: 'MeetingDetail' });

export const importAttendanceBody = z.strictObject({
  /** CSV with a header row: date, email, attendance. */
  csv: text({ min: 1, max: 2_000_000 }),
  /** Why this attendance is added after the meetings: shown on each meeting it changes. */
  reason: correctionReason,
});
export const importResult = z.object({
  imported: z.number().int(),
  meetings: z.number().int(),
  /** People whose membership the import changed; each is told. */
  membershipChanged: z.number().int(),
});

export const membershipState = z.enum(['participant', 'member', 'lapsed']);
export const membershipRule = z.object({
  memberAfterMoreThan: z.number().int(),
  meetingsThatCount: z.enum(['own', 'own_and_working_groups']),
  lapseAfter: z.number().int().nullable(),
  /** Whether sending apologies counts as an absence towards lapsing. */
  apologiesCountAsAbsence: z.boolean(),
  /** In plain words, for people lists. */
  summary: z.string(),
  /** 'terms' when from the ToR in force, 'seed' when the group has none yet. */
  source: z.enum(['terms', 'seed']),
});
export const membershipEntry = z
  .object({
    userId: id,
    name: z.string(),
    role: z.string(),
    status: membershipState,
    meetingsCounted: z.number().int(),
    becameMemberOn: timestamp.nullable(),
    lapsedOn: timestamp.nullable(),
  })
  .meta({ id: 'MembershipEntry' });
export const membershipQuery = z.strictObject({ asOf: calendarDate.optional() });
export const membershipList = z.object({
  asOf: timestamp,
  rule: membershipRule,
  people: z.array(membershipEntry),
});
export const timelineEvent = z.object({
  kind: z.enum(['joined', 'became_member', 'lapsed', 'returned']),
  on: timestamp,
  /** e.g. "became a member on 9 March 2027 after their 2nd meeting" */
  text: z.string(),
  /** Meetings attended when they became a member; absences in a row when it lapsed. */
  count: z.number().int().nullable(),
  meetingId: id.nullable(),
});
export const personMembership = z.object({
  asOf: timestamp,
  rule: membershipRule,
  person: membershipEntry,
  timeline: z.array(timelineEvent),
  attendance: z.array(
    z.object({
      meetingId: id,
      title: z.string(),
      startsAt: timestamp,
      workingGroup: z.boolean(),
      mark: z.enum([
        'present_in_person',
        'present_online',
        'apologies',
        'absent',
        'none',
        'not_checked_in_yet',
      ]),
    }),
  ),
});

export const commitBody = z.strictObject({
  hoursPerMonth: z
    .number({ error: 'must be a whole number of hours from 1 to 200' })
    .int('must be a whole number of hours from 1 to 200')
    .min(1, 'must be a whole number of hours from 1 to 200')
    .max(200, 'must be a whole number of hours from 1 to 200')
    .nullable()
    .default(null),
});
export const commitment = z
  .object({
    userId: id,
    name: z.string(),
    hoursPerMonth: z.number().int().nullable(),
    committedAt: timestamp,
  })
  .meta({ id: 'Commitment' });
export const commitmentList = z.object({
  workingGroup: z.object({
    id,
    name: z.string(),
    termsKey: z.string().nullable(),
    remit: z.array(z.object({ key: z.string(), title: z.string() })),
  }),
  commitments: z.array(commitment),
  mine: commitment.nullable(),
});

export const feedParams = z.strictObject({ feedId: id });
export const feedTokenParams = z.strictObject({ token: secretToken });
export const createFeedBody = z.strictObject({ groupId: id.optional() });
export const calendarFeed = z
  .object({
    id,
    group: z.object({ id, name: z.string() }).nullable(),
    createdAt: timestamp,
    /** Only when created: the secret address, shown once. */
    url: z.string().optional(),
  })
  .meta({ id: 'CalendarFeed' });
export const feedList = z.object({ feeds: z.array(calendarFeed) });

export const notificationSettingsBody = z.strictObject({
  weekBefore: z.boolean({ error: 'must be true or false' }),
  dayBefore: z.boolean({ error: 'must be true or false' }),
});
export const notificationSettings = notificationSettingsBody;

/** The categories the Terms of Reference's quorum names, and who a chair has counted in each. */
export const quorumCategories = z.object({
  categories: z.array(z.object({ category: z.string(), min: z.number().int() })),
  people: z.array(z.object({ userId: id, name: z.string(), categories: z.array(z.string()) })),
});

export const setPersonCategoriesBody = z.strictObject({
  /** Every category this person is counted in (the list replaces the one kept). */
  categories: z
    .array(z.string({ error: 'must be a list of category keys' }).max(60, 'is too long'), {
      error: 'must be a list of category keys',
    })
    .max(10, 'must list at most 10 categories'),
});

export const personCategories = z.object({ userId: id, categories: z.array(z.string()) });
