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
  const base = groupPage(group.id);
  const takesPart = group.myRole !== null && group.myRole !== 'observer';
  return (
    <section aria-labelledby="records-title" className="section">
      <h2 id="records-title">Notes, actions and learning</h2>
      {takesPart ? (
        <>
          <SearchForm groupId={group.id} id="home-search" />
          <ul className="notes-links" aria-label="Our records">
            <li>
              <Link to={`${base}/meetings?when=past`}>Meeting notes (from past meetings)</Link>
            </li>
            <li>
              <Link to={actionsPage(group.id)}>Actions</Link>
            </li>
            <li>
              <Link to={`${base}/learning`}>Learning log</Link>
            </li>
            <li>
              <Link to={`${base}/suggestions`}>Suggestions: you said, we did</Link>
            </li>
            <li>
              <Link to={`/public/groups/${segment(group.id)}`}>Our public page</Link>
            </li>
          </ul>
        </>
      ) : (
        <p>
          <Link to={`/public/groups/${segment(group.id)}`}>
            What {group.name} has released to the public
          </Link>
        </p>
      )}
    </section>
  );
}
