import { useState, type FormEvent } from 'react';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { useResource } from '../../lib/resource.ts';
import { DiffView } from './DiffView.tsx';
import { termsApi, termsPage, type TermsDiff, type VersionList } from './types.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import './terms.css';

/** Every adopted version, and what changed between any two of them. */
export function HistoryPage({ groupId }: { groupId: string }) {
  const list = useResource<VersionList>(termsApi(groupId, '/versions'));
  const [diff, setDiff] = useState<TermsDiff | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const announce = useAnnounce();

  if (!list.data) {
    return (
      <Page title="Version history" busy={!list.error}>
        {list.error ? <LoadProblem error={list.error} retry={list.reload} /> : <Loading />}
      </Page>
    );
  }
  const versions = list.data.versions;

  function compare(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = String(data.get('from'));
    const to = String(data.get('to'));
    setProblem(null);
    api.get<TermsDiff>(termsApi(groupId, `/diff?from=${from}&to=${to}`)).then(
      (found) => {
        setDiff(found);
        announce(`Showing what changed from version ${from} to version ${to}.`);
      },
      (e: unknown) =>
        setProblem(e instanceof ApiError ? e : new ApiError(0, 'unexpected', 'Please try again.')),
    );
  }

  const newest = versions[0]?.number ?? 1;
  const older = versions[1]?.number ?? newest;

  return (
    <Page
      title="Version history"
      lead={
        <p className="lead">
          <Link to={termsPage(groupId)}>Back to the Terms of Reference</Link>
        </p>
      }
    >
      {versions.length === 0 ? (
        <p>No version has been adopted yet.</p>
      ) : (
        <>
          <ol className="item-list" aria-label="Versions, newest first" reversed>
            {versions.map((v) => (
              <li key={v.number} className="item">
                <div className="item-main">
                  <p className="item-title">
                    Version {v.number}
                    {v.status === 'in_force' ? ' (in force)' : ''}
                  </p>
                  <p>
                    Adopted on {formatCalendarDate(v.adoptedOn)}. {v.adoptionNote}
                  </p>
                </div>
                <a href={termsApi(groupId, `/versions/${v.number}/markdown`)} download>
                  Download version {v.number} as Markdown
                </a>
              </li>
            ))}
          </ol>
          {versions.length > 1 ? (
            <section aria-labelledby="compare-title" className="section">
              <h2 id="compare-title">Compare two versions</h2>
              <form className="form" onSubmit={compare} aria-labelledby="compare-title">
                <div className="field">
                  <label htmlFor="compare-from" className="label">
                    From version
                  </label>
                  <select id="compare-from" name="from" className="select" defaultValue={older}>
                    {versions.map((v) => (
                      <option key={v.number} value={v.number}>
                        Version {v.number}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="compare-to" className="label">
                    To version
                  </label>
                  <select id="compare-to" name="to" className="select" defaultValue={newest}>
                    {versions.map((v) => (
                      <option key={v.number} value={v.number}>
                        Version {v.number}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="button">
                  Compare
                </button>
              </form>
              <Problem error={problem} />
              <div>
                {diff ? (
                  <DiffView
                    diff={diff}
                    fromLabel={`version ${diff.from}`}
                    toLabel={`version ${diff.to}`}
                    headingLevel={3}
                  />
                ) : null}
              </div>
            </section>
          ) : null}
        </>
      )}
    </Page>
  );
}
