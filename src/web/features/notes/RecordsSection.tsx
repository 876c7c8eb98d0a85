import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from '../../components/Link.tsx';
import { segment } from '../../lib/api.ts';
import { SearchForm } from './SearchPage.tsx';
import { actionsPage, groupPage, type Group } from './types.ts';
import './notes.css';

/**
 * On a group's home: search, and the way to its notes, actions, learning log,
 * suggestions and public page. Observers see only the public page: the rest
 * is confidential to the people who take part.
 */
export function RecordsSection({ group }: { group: Group }) {
  const intl = useIntl();
  const base = groupPage(group.id);
  const takesPart = group.myRole !== null && group.myRole !== 'observer';
  return (
    <section aria-labelledby="records-title" className="section">
      <h2 id="records-title">
        <FormattedMessage id="notes.records.heading" defaultMessage="Notes, actions and learning" />
      </h2>
      {takesPart ? (
        <>
          <SearchForm groupId={group.id} id="home-search" />
          <ul
            className="notes-links"
            aria-label={intl.formatMessage({
              id: 'notes.records.listLabel',
              defaultMessage: 'Our records',
            })}
          >
            <li>
              <Link to={`${base}/meetings?when=past`}>
                <FormattedMessage
                  id="notes.records.notes"
                  defaultMessage="Meeting notes (from past meetings)"
                />
              </Link>
            </li>
            <li>
              <Link to={actionsPage(group.id)}>
                <FormattedMessage id="notes.records.actions" defaultMessage="Actions" />
              </Link>
            </li>
            <li>
              <Link to={`${base}/learning`}>
                <FormattedMessage id="notes.records.learning" defaultMessage="Learning log" />
              </Link>
            </li>
            <li>
              <Link to={`${base}/suggestions`}>
                <FormattedMessage
                  id="notes.records.suggestions"
                  defaultMessage="Suggestions: you said, we did"
                />
              </Link>
            </li>
            <li>
              <Link to={`/public/groups/${segment(group.id)}`}>
                <FormattedMessage id="notes.records.public" defaultMessage="Our public page" />
              </Link>
            </li>
          </ul>
        </>
      ) : (
        <p>
          <Link to={`/public/groups/${segment(group.id)}`}>
            <FormattedMessage
              id="notes.records.released"
              defaultMessage="What {group} has released to the public"
              values={{ group: group.name }}
            />
          </Link>
        </p>
      )}
    </section>
  );
}
