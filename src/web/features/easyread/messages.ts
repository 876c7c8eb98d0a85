import { defineMessages, type MessageDescriptor } from 'react-intl';
import type { EasyReadMessageId } from '../../../policy/easy-read.ts';

/**
 * The words of every line the easy-read ToR can show (src/policy/easy-read.ts
 * chooses the lines). Short sentences, one idea each, at most 20 words.
 */
export const LINES: Record<EasyReadMessageId, MessageDescriptor> = defineMessages({
  'easyread.question.purpose': {
    id: 'easyread.question.purpose',
    defaultMessage: 'What is this group for?',
  },
  'easyread.question.membership': {
    id: 'easyread.question.membership',
    defaultMessage: 'Who can be a member?',
  },
  'easyread.question.meetings': {
    id: 'easyread.question.meetings',
    defaultMessage: 'How often do we meet?',
  },
  'easyread.question.remit': {
    id: 'easyread.question.remit',
    defaultMessage: 'What do we work on?',
  },
  'easyread.question.outOfScope': {
    id: 'easyread.question.outOfScope',
    defaultMessage: 'What do we not work on?',
  },
  'easyread.question.waysOfWorking': {
    id: 'easyread.question.waysOfWorking',
    defaultMessage: 'How do we work?',
  },
  'easyread.question.behaviour': {
    id: 'easyread.question.behaviour',
    defaultMessage: 'How do we treat each other?',
  },
  'easyread.question.confidentialityChathamHouse': {
    id: 'easyread.question.confidentialityChathamHouse',
    defaultMessage: 'What happens to what we say? (Chatham House Rule)',
  },
  'easyread.question.confidentiality': {
    id: 'easyread.question.confidentiality',
    defaultMessage: 'What happens to what we say?',
  },
  'easyread.question.decisions': {
    id: 'easyread.question.decisions',
    defaultMessage: 'How do we decide?',
  },
  'easyread.question.roles': {
    id: 'easyread.question.roles',
    defaultMessage: 'Who does what?',
  },
  'easyread.question.requests': {
    id: 'easyread.question.requests',
    defaultMessage: 'How do we ask for information?',
  },
  'easyread.question.involvement': {
    id: 'easyread.question.involvement',
    defaultMessage: 'Do I get paid or get my costs back?',
  },
  'easyread.question.impact': {
    id: 'easyread.question.impact',
    defaultMessage: 'How will we know it is working?',
  },
  'easyread.question.review': {
    id: 'easyread.question.review',
    defaultMessage: 'When do we look at these rules again?',
  },
  'easyread.line.groupWords': {
    id: 'easyread.line.groupWords',
    defaultMessage: '{text}',
  },
  'easyread.purpose.started': {
    id: 'easyread.purpose.started',
    defaultMessage: 'The group started on {date}.',
  },
  'easyread.purpose.endsOn': {
    id: 'easyread.purpose.endsOn',
    defaultMessage: 'The group ends on {date}.',
  },
  'easyread.purpose.endsWhen': {
    id: 'easyread.purpose.endsWhen',
    defaultMessage: 'The group ends: {when}',
  },
  'easyread.purpose.endsNoLaterThan': {
    id: 'easyread.purpose.endsNoLaterThan',
    defaultMessage: 'It ends on {date} at the latest.',
  },
  'easyread.membership.participant': {
    id: 'easyread.membership.participant',
    defaultMessage: 'When you join, you take part as a participant.',
  },
  'easyread.membership.member': {
    id: 'easyread.membership.member',
    defaultMessage:
      'You become a member when you have been to more than {count, plural, one {# meeting} other {# meetings}}.',
  },
  'easyread.membership.ownMeetingsCount': {
    id: 'easyread.membership.ownMeetingsCount',
    defaultMessage: 'Only meetings of this group count.',
  },
  'easyread.membership.workingGroupMeetingsCount': {
    id: 'easyread.membership.workingGroupMeetingsCount',
    defaultMessage: 'Meetings of its working groups count too.',
  },
  'easyread.membership.lapse': {
    id: 'easyread.membership.lapse',
    defaultMessage:
      'If a member misses {count, plural, one {# meeting} other {# meetings in a row}}, they stop being a member.',
  },
  'easyread.membership.apologiesCountAsAbsence': {
    id: 'easyread.membership.apologiesCountAsAbsence',
    defaultMessage: 'Sending apologies still counts as missing a meeting.',
  },
  'easyread.membership.apologiesDoNotCount': {
    id: 'easyread.membership.apologiesDoNotCount',
    defaultMessage: 'If you send apologies, that meeting does not count as missed.',
  },
  'easyread.membership.comeBack': {
    id: 'easyread.membership.comeBack',
    defaultMessage: 'They can come back and become a member again.',
  },
  'easyread.membership.doesNotVote': {
    id: 'easyread.membership.doesNotVote',
    defaultMessage:
      '{role, select, chair {The chair takes part but does not vote.} co_chair {The co-chairs take part but do not vote.} note_taker {The note-taker takes part but does not vote.} observer {Observers take part but do not vote.} other {People in the role “{title}” take part but do not vote.}}',
  },
  'easyread.meetings.everyWeek': {
    id: 'easyread.meetings.everyWeek',
    defaultMessage:
      'We meet {every, plural, one {every week} other {every # weeks}} on {weekday, select, monday {Monday} tuesday {Tuesday} wednesday {Wednesday} thursday {Thursday} friday {Friday} saturday {Saturday} other {Sunday}}.',
  },
  'easyread.meetings.nthWeekday': {
    id: 'easyread.meetings.nthWeekday',
    defaultMessage:
      'We meet {every, plural, one {every month} other {every # months}}, on the {nth, select, 1 {first} 2 {second} 3 {third} 4 {fourth} 5 {fifth} other {last}} {weekday, select, monday {Monday} tuesday {Tuesday} wednesday {Wednesday} thursday {Thursday} friday {Friday} saturday {Saturday} other {Sunday}}.',
  },
  'easyread.meetings.dayOfMonth': {
    id: 'easyread.meetings.dayOfMonth',
    defaultMessage:
      'We meet {every, plural, one {every month} other {every # months}}, on day {day} of the month.',
  },
  'easyread.meetings.startTime': {
    id: 'easyread.meetings.startTime',
    defaultMessage: 'Meetings start at {time}.',
  },
  'easyread.meetings.length': {
    id: 'easyread.meetings.length',
    defaultMessage:
      '{kind, select, hours {A meeting lasts {hours, plural, one {# hour} other {# hours}}.} minutes {A meeting lasts {minutes} minutes.} other {A meeting lasts {hours, plural, one {# hour} other {# hours}} and {minutes} minutes.}}',
  },
  'easyread.meetings.timeZone': {
    id: 'easyread.meetings.timeZone',
    defaultMessage: 'Times are in the {timeZone} time zone.',
  },
  'easyread.meetings.from': {
    id: 'easyread.meetings.from',
    defaultMessage: 'We meet like this from {date}.',
  },
  'easyread.meetings.papers': {
    id: 'easyread.meetings.papers',
    defaultMessage:
      'You get the papers at least {days, plural, one {# day} other {# days}} before each meeting.',
  },
  'easyread.meetings.workingGroupsLater': {
    id: 'easyread.meetings.workingGroupsLater',
    defaultMessage: 'Smaller working groups can look at one area of work.',
  },
  'easyread.meetings.workingGroupsIntro': {
    id: 'easyread.meetings.workingGroupsIntro',
    defaultMessage: 'Smaller working groups look at one area of work each.',
  },
  'easyread.meetings.workingGroup': {
    id: 'easyread.meetings.workingGroup',
    defaultMessage: 'Working group: {title}.',
  },
  'easyread.meetings.workingGroupArea': {
    id: 'easyread.meetings.workingGroupArea',
    defaultMessage: 'It covers {area}.',
  },
  'easyread.remit.intro': {
    id: 'easyread.remit.intro',
    defaultMessage: 'We work on these things:',
  },
  'easyread.remit.area': {
    id: 'easyread.remit.area',
    defaultMessage: '{title}.',
  },
  'easyread.remit.nothingOut': {
    id: 'easyread.remit.nothingOut',
    defaultMessage: 'The group has not listed anything it will not cover.',
  },
  'easyread.remit.outIntro': {
    id: 'easyread.remit.outIntro',
    defaultMessage: 'We do not work on these things:',
  },
  'easyread.remit.outArea': {
    id: 'easyread.remit.outArea',
    defaultMessage: '{title}.',
  },
  'easyread.remit.takeInstead': {
    id: 'easyread.remit.takeInstead',
    defaultMessage: 'Take this to {place}.',
  },
  'easyread.remit.outsideMeeting': {
    id: 'easyread.remit.outsideMeeting',
    defaultMessage: 'If a conversation goes beyond our work, we have it outside the meeting.',
  },
  'easyread.remit.outsideList': {
    id: 'easyread.remit.outsideList',
    defaultMessage: 'We write down where it can be taken instead.',
  },
  'easyread.waysOfWorking.title': {
    id: 'easyread.waysOfWorking.title',
    defaultMessage: '{title}.',
  },
  'easyread.behaviour.intro': {
    id: 'easyread.behaviour.intro',
    defaultMessage: 'We all agree to these things:',
  },
  'easyread.behaviour.clause': {
    id: 'easyread.behaviour.clause',
    defaultMessage: '{number}. {text}',
  },
  'easyread.behaviour.reminder': {
    id: 'easyread.behaviour.reminder',
    defaultMessage:
      'Anyone can remind the group of a point in this agreement. No name is written down.',
  },
  'easyread.confidentiality.staysInGroup': {
    id: 'easyread.confidentiality.staysInGroup',
    defaultMessage: 'What we share in the group stays in the group.',
  },
  'easyread.confidentiality.byDecision': {
    id: 'easyread.confidentiality.byDecision',
    defaultMessage: 'It is only shared outside if the group decides so.',
  },
  'easyread.confidentiality.byDecisionOrChair': {
    id: 'easyread.confidentiality.byDecisionOrChair',
    defaultMessage: 'It is only shared outside if the group agrees. The chair writes that down.',
  },
  'easyread.confidentiality.mayBeShared': {
    id: 'easyread.confidentiality.mayBeShared',
    defaultMessage: 'What we share can be shared outside the group.',
  },
  'easyread.confidentiality.askToKeep': {
    id: 'easyread.confidentiality.askToKeep',
    defaultMessage: 'The group can ask for something to stay in the group.',
  },
  'easyread.confidentiality.sayWhatYouThink': {
    id: 'easyread.confidentiality.sayWhatYouThink',
    defaultMessage: 'You can say what you think.',
  },
  'easyread.confidentiality.notAttributed': {
    id: 'easyread.confidentiality.notAttributed',
    defaultMessage: 'No one outside the group is told who said it.',
  },
  'easyread.confidentiality.notesWithoutNames': {
    id: 'easyread.confidentiality.notesWithoutNames',
    defaultMessage: 'The notes say what we talked about, not who said what.',
  },
  'easyread.confidentiality.notesWithNames': {
    id: 'easyread.confidentiality.notesWithNames',
    defaultMessage: 'The notes may say who said what.',
  },
  'easyread.decisions.consensus': {
    id: 'easyread.decisions.consensus',
    defaultMessage: 'First we try to agree together. This is called consensus.',
  },
  'easyread.decisions.consensusOptions': {
    id: 'easyread.decisions.consensusOptions',
    defaultMessage: 'You can agree, agree with concerns, stand aside or block.',
  },
  'easyread.decisions.block': {
    id: 'easyread.decisions.block',
    defaultMessage: 'If one person blocks, there is no consensus.',
  },
  'easyread.decisions.byVote': {
    id: 'easyread.decisions.byVote',
    defaultMessage: 'We decide by voting.',
  },
  'easyread.decisions.whoCallsVote': {
    id: 'easyread.decisions.whoCallsVote',
    defaultMessage:
      '{role, select, chair {The chair} co_chair {A co-chair} note_taker {The note-taker} observer {An observer} other {Someone in the role “{title}”}} can ask for a vote.',
  },
  'easyread.decisions.whoVotes': {
    id: 'easyread.decisions.whoVotes',
    defaultMessage:
      '{eligibility, select, members {Members can vote.} members_present {Members at the meeting can vote.} other {Everyone taking part can vote.}}',
  },
  'easyread.decisions.threshold': {
    id: 'easyread.decisions.threshold',
    defaultMessage:
      'A proposal passes with {proportion, select, majority {more than half} two_thirds {at least two thirds} other {at least three quarters}} of {of, select, votes_cast {the votes cast} present {the people there who can vote} other {everyone who can vote}}.',
  },
  'easyread.decisions.abstentionsCount': {
    id: 'easyread.decisions.abstentionsCount',
    defaultMessage: 'If you abstain (vote neither way), it counts as a vote cast.',
  },
  'easyread.decisions.abstentionsDoNotCount': {
    id: 'easyread.decisions.abstentionsDoNotCount',
    defaultMessage: 'If you abstain (vote neither way), it is not counted.',
  },
  'easyread.decisions.noQuorum': {
    id: 'easyread.decisions.noQuorum',
    defaultMessage: 'We can decide with whoever is there.',
  },
  'easyread.decisions.quorumCount': {
    id: 'easyread.decisions.quorumCount',
    defaultMessage:
      'A vote needs at least {count, plural, one {# person} other {# people}} there who can vote.',
  },
  'easyread.decisions.quorumFraction': {
    id: 'easyread.decisions.quorumFraction',
    defaultMessage: 'A vote needs at least {numerator} in {denominator} of the voters to be there.',
  },
  'easyread.decisions.quorumCategory': {
    id: 'easyread.decisions.quorumCategory',
    defaultMessage: 'At least {count} of them must be in the group “{category}”.',
  },
  'easyread.decisions.onlinePresent': {
    id: 'easyread.decisions.onlinePresent',
    defaultMessage:
      '{counts, select, yes {If you join online, you count as there.} other {If you join online, you do not count as there.}}',
  },
  'easyread.decisions.onlineQuorum': {
    id: 'easyread.decisions.onlineQuorum',
    defaultMessage:
      '{counts, select, yes {People online count towards that number.} other {People online do not count towards that number.}}',
  },
  'easyread.decisions.castingVoteChair': {
    id: 'easyread.decisions.castingVoteChair',
    defaultMessage: 'If the votes are equal, the chair decides.',
  },
  'easyread.decisions.castingVoteNone': {
    id: 'easyread.decisions.castingVoteNone',
    defaultMessage: 'If the votes are equal, the proposal does not pass.',
  },
  'easyread.decisions.secret': {
    id: 'easyread.decisions.secret',
    defaultMessage: 'Votes are secret.',
  },
  'easyread.decisions.named': {
    id: 'easyread.decisions.named',
    defaultMessage: 'Everyone can see how each person voted.',
  },
  'easyread.decisions.mayChange': {
    id: 'easyread.decisions.mayChange',
    defaultMessage: 'You can change your vote until the vote closes.',
  },
  'easyread.decisions.mayNotChange': {
    id: 'easyread.decisions.mayNotChange',
    defaultMessage: 'Once you have voted, you cannot change your vote.',
  },
  'easyread.decisions.allOpinions': {
    id: 'easyread.decisions.allOpinions',
    defaultMessage: 'Every opinion can go in the report, not just the one most people hold.',
  },
  'easyread.decisions.opinionsWithoutNames': {
    id: 'easyread.decisions.opinionsWithoutNames',
    defaultMessage: 'The report does not say who held which opinion.',
  },
  'easyread.roles.chairs': {
    id: 'easyread.roles.chairs',
    defaultMessage: 'The group has {count, plural, one {one chair} other {# co-chairs}}.',
  },
  'easyread.roles.selection': {
    id: 'easyread.roles.selection',
    defaultMessage:
      '{selection, select, elected_by_members {The members elect {count, plural, one {the chair} other {the co-chairs}}.} agreed_by_consensus {The group agrees who {count, plural, one {the chair is} other {the co-chairs are}}.} appointed {{count, plural, one {The chair is} other {The co-chairs are}} appointed, not elected.} other {People take turns to be {count, plural, one {the chair} other {co-chairs}}.}}',
  },
  'easyread.roles.term': {
    id: 'easyread.roles.term',
    defaultMessage: 'A chair serves for {months, plural, one {# month} other {# months}}.',
  },
  'easyread.roles.termLimit': {
    id: 'easyread.roles.termLimit',
    defaultMessage:
      'A chair can serve at most {count, plural, one {# term} other {# terms}} in a row.',
  },
  'easyread.roles.otherRole': {
    id: 'easyread.roles.otherRole',
    defaultMessage: 'The role “{title}”:',
  },
  'easyread.roles.declareInterests': {
    id: 'easyread.roles.declareInterests',
    defaultMessage: 'If an agenda item affects you, say so before we talk about it.',
  },
  'easyread.roles.noInterests': {
    id: 'easyread.roles.noInterests',
    defaultMessage: 'You do not need to declare interests for each item.',
  },
  'easyread.requests.purpose': {
    id: 'easyread.requests.purpose',
    defaultMessage: 'Public sector staff are busy. We only ask for what we need.',
  },
  'easyread.requests.time': {
    id: 'easyread.requests.time',
    defaultMessage:
      'Each request says what it is for. It gives at least {days, plural, one {# day} other {# days}} to answer.',
  },
  'easyread.requests.perOrganisation': {
    id: 'easyread.requests.perOrganisation',
    defaultMessage:
      'An organisation has at most {count, plural, one {# request} other {# requests}} from us at a time.',
  },
  'easyread.requests.perPerson': {
    id: 'easyread.requests.perPerson',
    defaultMessage:
      'Each of us can have at most {count, plural, one {# request} other {# requests}} open at a time.',
  },
  'easyread.involvement.paid': {
    id: 'easyread.involvement.paid',
    defaultMessage: 'You can be paid for your time.',
  },
  'easyread.involvement.notPaid': {
    id: 'easyread.involvement.notPaid',
    defaultMessage: 'You are not paid for your time.',
  },
  'easyread.involvement.expenses': {
    id: 'easyread.involvement.expenses',
    defaultMessage: 'You get your costs of taking part paid back.',
  },
  'easyread.involvement.noExpenses': {
    id: 'easyread.involvement.noExpenses',
    defaultMessage: 'Costs of taking part are not paid back.',
  },
  'easyread.impact.realisticGoal': {
    id: 'easyread.impact.realisticGoal',
    defaultMessage: 'A goal for what will be done:',
  },
  'easyread.impact.measure': {
    id: 'easyread.impact.measure',
    defaultMessage: 'How we will know:',
  },
  'easyread.impact.moodGoal': {
    id: 'easyread.impact.moodGoal',
    defaultMessage: 'A goal for how people will feel:',
  },
  'easyread.impact.moodTarget': {
    id: 'easyread.impact.moodTarget',
    defaultMessage: 'We want at least {percent}% of people to agree: “{question}”.',
  },
  'easyread.impact.surveyWhy': {
    id: 'easyread.impact.surveyWhy',
    defaultMessage: 'We ask everyone how they feel in a short survey.',
  },
  'easyread.impact.surveyWave': {
    id: 'easyread.impact.surveyWave',
    defaultMessage:
      'A survey {months, plural, one {# month} other {# months}} after we start: {date}.',
  },
  'easyread.impact.anonymous': {
    id: 'easyread.impact.anonymous',
    defaultMessage: 'Your answers do not have your name on them.',
  },
  'easyread.impact.minResponses': {
    id: 'easyread.impact.minResponses',
    defaultMessage:
      'We show results only when at least {count, plural, one {# person has} other {# people have}} answered.',
  },
  'easyread.review.every': {
    id: 'easyread.review.every',
    defaultMessage:
      'We look at these rules again {months, plural, =12 {every year} one {every month} other {every # months}}.',
  },
  'easyread.review.notice': {
    id: 'easyread.review.notice',
    defaultMessage:
      'The group is told {days, plural, one {# day} other {# days}} before the review is due.',
  },
  'easyread.review.how': {
    id: 'easyread.review.how',
    defaultMessage: 'The group decides any changes together, in its usual way.',
  },
});
