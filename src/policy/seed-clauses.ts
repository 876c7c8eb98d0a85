/**
 * Every clause of the seed document (`seeds/000_65bf951c90a41e1e.txt`): a
 * short quote in the seed's own words, and the plain words that say it in
 * the document `renderTermsMarkdown(seedTemplate(...))` prints. A test checks
 * that each quote is in the seed, that every line of the seed is covered, and
 * that each plain-words phrase is in the rendered template.
 */
export type SeedClause = { id: string; quote: string; plainWords: string };

export const SEED_CLAUSES: readonly SeedClause[] = [
  { id: 'title', quote: 'Terms of Reference', plainWords: 'Terms of Reference' },
  {
    id: 'purpose',
    quote: 'a clear statement about what we are working towards',
    plainWords: 'What we are working towards',
  },
  {
    id: 'purpose.consultation',
    quote: 'the implementation of consultation decisions',
    plainWords: 'the implementation of the consultation decisions',
  },
  {
    id: 'scope.clarity',
    quote: 'clarity about what is in scope and what is not came back as being vital',
    plainWords: 'clarity about what is in scope and what is not came back as vital',
  },
  {
    id: 'scope.influence',
    quote: 'People don’t want to waste their times on thinks they can’t influence',
    plainWords: 'people do not want to spend their time on things they cannot influence',
  },
  {
    id: 'behaviour.shared',
    quote: 'the importance of a shared agreement around behaviour',
    plainWords: 'the importance of a shared agreement about behaviour',
  },
  {
    id: 'behaviour.challenge',
    quote: 'challenge others in a way that isn’t personal',
    plainWords: 'challenge each other in a way that is not personal',
  },
  {
    id: 'behaviour.example',
    quote: 'you agreed to behave x,y and z and your behaviour now doesn’t reflect that',
    plainWords: 'you agreed to behave in these ways, and your behaviour now does not reflect that',
  },
  { id: '1.open', quote: 'Membership – open to all', plainWords: 'Membership is open to all' },
  {
    id: '1.member',
    quote: 'someone who has been to more than one meeting',
    plainWords: 'A member is someone who has been to more than one meeting',
  },
  {
    id: '1.change',
    quote: 'the membership of the group may change as people commit time to working groups',
    plainWords: 'the membership of the group may change as people commit time to working groups',
  },
  {
    id: '2.frequency',
    quote: 'the steering group will meet monthly / 6 weekly / bi-monthly / weekly',
    plainWords: 'The group meets every',
  },
  {
    id: '2.working-groups',
    quote: 'Smaller working groups will focus on specific areas of work',
    plainWords: 'Smaller working groups focus on specific areas of work',
  },
  { id: '3.remit', quote: 'Remit – specifically A, B and C', plainWords: 'remit is specifically' },
  { id: '3.not', quote: 'it will not cover D, E and F', plainWords: 'It will not cover' },
  {
    id: '4.outside',
    quote: 'Conversations that exceed that remit should be held outside this meeting',
    plainWords: 'Conversations that go beyond the remit are held outside this meeting',
  },
  {
    id: '5.external',
    quote: 'Respectful of any other external process',
    plainWords: 'respectful of any other external process',
  },
  {
    id: '5.isolation',
    quote: 'we do not work in isolation',
    plainWords: 'we do not work in isolation',
  },
  {
    id: '5.impact',
    quote: 'Any impact should be communicated between groups',
    plainWords: 'Any impact should be communicated between groups',
  },
  {
    id: '6.learning',
    quote: 'We will generate learning and new ideas for co-production and should share them',
    plainWords:
      'We will generate learning and new ideas for co-production, and we should share them',
  },
  {
    id: 'b.share-early',
    quote: 'To share everything early and to learn as much as possible',
    plainWords: 'To share everything early, and to learn as much as possible',
  },
  {
    id: 'b.make-point',
    quote: 'To expect to be able to make your point',
    plainWords: 'To expect to be able to make your point',
  },
  {
    id: 'b.co-operation',
    quote: 'To expect, and to role-model, co-operation',
    plainWords: 'To expect, and to role-model, co-operation',
  },
  {
    id: 'b.suggestions',
    quote: 'For all suggestions to be considered and discussed – ideas should not be ridiculed',
    plainWords: 'For all suggestions to be considered and discussed: ideas should not be ridiculed',
  },
  {
    id: 'b.professional',
    quote: 'To respect people’s professional roles and responsibilities',
    plainWords: 'To respect people’s professional roles and responsibilities',
  },
  {
    id: 'b.volunteers',
    quote: 'To respect the time and energy committed by volunteers',
    plainWords: 'To respect the time and energy committed by volunteers',
  },
  {
    id: 'b.confidentiality',
    quote: 'information shared for the process should not be shared outside the group',
    plainWords: 'information shared for the process should not be shared outside the group',
  },
  {
    id: 'b.chatham-house',
    quote: 'To work to an ethos of trust – ‘Chatham House Rule’',
    plainWords: 'To work to an ethos of trust, the ‘Chatham House Rule’',
  },
  {
    id: 'b.attribution',
    quote: 'without having those views attributed to a particular individual',
    plainWords: 'without having those views attributed to a particular individual',
  },
  {
    id: 'b.notes',
    quote: 'notes of meetings will reflect the discussion',
    plainWords: 'notes of meetings will reflect the discussion',
  },
  {
    id: 'b.trust',
    quote: 'We acknowledge that trust needs to be built',
    plainWords: 'We acknowledge that trust needs to be built',
  },
  {
    id: 'b.challenge',
    quote: 'Members should feel safe to challenge behaviours',
    plainWords: 'Members should feel safe to challenge behaviours',
  },
  {
    id: 'b.outside',
    quote: 'should never criticise each other’s behaviour outside of the group',
    plainWords: 'should never criticise each other’s behaviour outside of the group',
  },
  {
    id: 'b.blame',
    quote: 'learning when things go wrong, not to attributing blame',
    plainWords: 'learning when things go wrong, not to attributing blame',
  },
  {
    id: 'w.existing',
    quote: 'Utilising existing information from local reviews by independent experts',
    plainWords: 'existing information from local reviews by independent experts',
  },
  {
    id: 'w.requests',
    quote:
      'Respecting the significant pressure already on public sector staff and making reasonable requests for further information',
    plainWords:
      'Respecting the significant pressure already on public sector staff, we make reasonable requests for further information',
  },
  {
    id: 'w.permission',
    quote: 'Not asking permission to do things',
    plainWords: 'We do not need to ask permission to do things',
  },
  {
    id: 'w.solo',
    quote: 'keeping members of the group in the loop and not going off on ‘solo missions’',
    plainWords: 'keep members of the group in the loop and do not go off on ‘solo missions’',
  },
  {
    id: 'd.consensus',
    quote: 'Our way of working intends to form resolutions by consensus',
    plainWords: 'Our way of working is to form resolutions by consensus',
  },
  {
    id: 'd.formal-test',
    quote:
      'If the chair requires a formal test of that consensus, then a vote of members will include those that have been to more than one meeting',
    plainWords:
      'If the chair requires a formal test of that consensus, there is a vote of members (people who have been to more than one meeting)',
  },
  {
    id: 'd.opinions',
    quote:
      'The group may hold a variety of opinions, all of which may be reflected in any consequent report',
    plainWords:
      'The group may hold a variety of opinions, all of which may be reflected in any report that follows',
  },
  {
    id: 'review',
    quote: 'The terms of reference are subject to annual review',
    plainWords: 'These terms of reference are reviewed every 12 months (an annual review)',
  },
  {
    id: 'impact',
    quote: 'How will we know co-production has had an impact?',
    plainWords: 'How we will know co-production has had an impact',
  },
  {
    id: 'impact.realistic',
    quote: 'We set a realistic goal – x has been achieved.',
    plainWords: 'We set a realistic goal: what will have been achieved.',
  },
  {
    id: 'impact.mood',
    quote: 'We set a mood goal – x will feel.',
    plainWords: 'We set a mood goal: how people will feel.',
  },
  {
    id: 'surveys.why',
    quote: 'measure more about how people felt',
    plainWords: 'To measure how people feel',
  },
  {
    id: 'surveys.waves',
    quote: 'We did a survey 3 months in to be repeated 6 and 12 months on',
    plainWords: 'we do a survey 3 months in, repeated 6 and 12 months on',
  },
];
