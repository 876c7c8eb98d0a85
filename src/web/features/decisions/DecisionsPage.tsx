import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import type { Group } from '../../../contracts/groups.ts';
import { Link } from '../../components/Link.tsx';
import { ListSection } from '../../components/ListSection.tsx';
import { Page } from '../../components/Page.tsx';
import { pageFrame } from '../../components/PageFrames.tsx';
import { segment } from '../../lib/api.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import {
  decisionOutcome,
  decisionsApi,
  decisionsPage,
  METHODS,
  type DecisionList,
} from './types.ts';
import { RegisterLead } from './RegisterLead.tsx';
import { GROUP_MISSING, TO_MY_GROUPS } from './unavailable.ts';
import './decisions.css';

/** What the page says before it can be shown. */
const FRAME = {
  ...defineMessages({
    pageTitle: { id: 'decisions.register.title', defaultMessage: 'Decision register' },
    title: {
      id: 'decisions.register.notFoundTitle',
      defaultMessage: 'We could not show the decision register',
    },
    forbidden: {
      id: 'decisions.register.forbidden',
      defaultMessage:
        'Only people who take part in the group see its decisions, until it releases them.',
    },
  }),
  missing: GROUP_MISSING,
  back: TO_MY_GROUPS,
};

/** The page's lists: their headings, and what stands in for an empty one. */
const LISTS = defineMessages({
  decisions: { id: 'decisions.register.heading', defaultMessage: 'Decisions' },
  decisionsEmpty: {
    id: 'decisions.register.none',
    defaultMessage: 'The group has not recorded any decisions yet.',
  },
  decisionsLabel: { id: 'decisions.register.listLabel', defaultMessage: 'Decisions, newest first' },
});

/** The decision register: every decision the group has recorded, newest first, and exports. */
export function DecisionsPage({ groupId }: { groupId: string }) {
  const intl = useIntl();
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const decisions = useResource<DecisionList>(decisionsApi(groupId));
  const frame = pageFrame([group, decisions], FRAME, '/groups');
  if (frame || !group.data || !decisions.data) return frame;

  const list = [...decisions.data.decisions].sort((a, b) => b.number - a.number);
  return (
    <Page
      title={intl.formatMessage({
        id: 'decisions.register.title',
        defaultMessage: 'Decision register',
      })}
      lead={<RegisterLead groupId={groupId} groupName={group.data.name} next="proposals" />}
    >
      <p>
        <FormattedMessage
          id="decisions.register.lead"
          defaultMessage="Every decision the group has made, with every opinion voiced and never who held it. A correction is a new decision, linked to the one it corrects."
        />
      </p>
      <ul
        className="link-list"
        aria-label={intl.formatMessage({
          id: 'decisions.register.downloads',
          defaultMessage: 'Download the register',
        })}
      >
        <li>
          <a href={decisionsApi(groupId, undefined, '/export?format=csv')} download>
            <FormattedMessage
              id="decisions.register.csv"
              defaultMessage="Download as CSV (spreadsheet)"
            />
          </a>
        </li>
        <li>
          <a href={decisionsApi(groupId, undefined, '/export?format=json')} download>
            <FormattedMessage id="decisions.register.json" defaultMessage="Download as JSON" />
          </a>
        </li>
      </ul>

      <ListSection
        id="decisions-title"
        heading={LISTS.decisions}
        count={list.length}
        empty={LISTS.decisionsEmpty}
        listClassName="card-list"
        ordered
        listLabel={LISTS.decisionsLabel}
      >
        {list.map((decision) => (
          <li key={decision.id} className="card">
            <h3 className="card-title">
              <Link to={decisionsPage(groupId, decision.id)}>
                <FormattedMessage
                  id="decisions.decision.name"
                  defaultMessage="Decision {number}: {title}"
                  values={{ number: decision.number, title: decision.title }}
                />
              </Link>
            </h3>
            <dl className="facts">
              <dt>
                <FormattedMessage id="decisions.decision.outcome" defaultMessage="Outcome" />
              </dt>
              <dd>{decisionOutcome(intl, decision)}</dd>
              <dt>
                <FormattedMessage id="decisions.decision.how" defaultMessage="How" />
              </dt>
              <dd>{intl.formatMessage(METHODS[decision.method])}</dd>
              <dt>
                <FormattedMessage id="decisions.register.date" defaultMessage="Date" />
              </dt>
              <dd>{formatCalendarDate(decision.decidedOn)}</dd>
            </dl>
            {decision.correctedBy ? (
              <p className="corrected">
                <FormattedMessage
                  id="decisions.register.corrected"
                  defaultMessage="This decision has been corrected."
                />
              </p>
            ) : null}
          </li>
        ))}
      </ListSection>
    </Page>
  );
}
