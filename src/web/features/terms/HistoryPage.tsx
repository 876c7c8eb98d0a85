import { useState, type FormEvent, type ReactNode } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem, useToProblem } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { Section } from '../../components/Section.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { useResource } from '../../lib/resource.ts';
import { DiffView } from './DiffView.tsx';
import { termsApi, termsPage, type TermsDiff, type VersionList } from './types.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import './terms.css';

/** The headings of the page's sections. */
const SECTIONS = defineMessages({
  compare: { id: 'terms.history.compareTitle', defaultMessage: 'Compare two versions' },
});

/** Every adopted version, and what changed between any two of them. */
export function HistoryPage({ groupId }: { groupId: string }) {
  const list = useResource<VersionList>(termsApi(groupId, '/versions'));
  const [diff, setDiff] = useState<TermsDiff | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const announce = useAnnounce();
  const intl = useIntl();
  const toProblem = useToProblem();
  const title = intl.formatMessage({
    id: 'terms.history.title',
    defaultMessage: 'Version history',
  });

  if (!list.data) {
    return (
      <Page title={title} busy={!list.error}>
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
        announce(
          intl.formatMessage(
            {
              id: 'terms.history.showing',
              defaultMessage: 'Showing what changed from version {from} to version {to}.',
            },
            { from, to },
          ),
        );
      },
      (e: unknown) => setProblem(toProblem(e)),
    );
  }

  const newest = versions[0]?.number ?? 1;
  const older = versions[1]?.number ?? newest;

  return (
    <Page
      title={title}
      lead={
        <p className="lead">
          <Link to={termsPage(groupId)}>
            <FormattedMessage
              id="terms.history.back"
              defaultMessage="Back to the Terms of Reference"
            />
          </Link>
        </p>
      }
    >
      {versions.length === 0 ? (
        <p>
          <FormattedMessage
            id="terms.history.none"
            defaultMessage="No version has been adopted yet."
          />
        </p>
      ) : (
        <>
          <ol
            className="item-list"
            aria-label={intl.formatMessage({
              id: 'terms.history.listLabel',
              defaultMessage: 'Versions, newest first',
            })}
            reversed
          >
            {versions.map((v) => (
              <li key={v.number} className="item">
                <div className="item-main">
                  <p className="item-title">
                    {v.status === 'in_force' ? (
                      <FormattedMessage
                        id="terms.history.versionInForce"
                        defaultMessage="Version {number} (in force)"
                        values={{ number: v.number }}
                      />
                    ) : (
                      <FormattedMessage
                        id="terms.history.version"
                        defaultMessage="Version {number}"
                        values={{ number: v.number }}
                      />
                    )}
                  </p>
                  <p>
                    <FormattedMessage
                      id="terms.history.adoptedOn"
                      defaultMessage="Adopted on {date}. {note}"
                      values={{ date: formatCalendarDate(v.adoptedOn), note: v.adoptionNote }}
                    />
                  </p>
                </div>
                <a href={termsApi(groupId, `/versions/${v.number}/markdown`)} download>
                  <FormattedMessage
                    id="terms.history.download"
                    defaultMessage="Download version {number} as Markdown"
                    values={{ number: v.number }}
                  />
                </a>
              </li>
            ))}
          </ol>
          {versions.length > 1 ? (
            <Section id="compare-title" heading={SECTIONS.compare}>
              <form className="form" onSubmit={compare} aria-labelledby="compare-title">
                <VersionChoice
                  name="from"
                  label={<FormattedMessage id="terms.history.from" defaultMessage="From version" />}
                  versions={versions}
                  defaultValue={older}
                />
                <VersionChoice
                  name="to"
                  label={<FormattedMessage id="terms.history.to" defaultMessage="To version" />}
                  versions={versions}
                  defaultValue={newest}
                />
                <button type="submit" className="button">
                  <FormattedMessage id="terms.history.compare" defaultMessage="Compare" />
                </button>
              </form>
              <Problem error={problem} />
              <div>
                {diff ? (
                  <DiffView
                    diff={diff}
                    fromLabel={intl.formatMessage(
                      { id: 'terms.changes.fromLabel', defaultMessage: 'version {number}' },
                      { number: diff.from },
                    )}
                    toLabel={intl.formatMessage(
                      { id: 'terms.changes.fromLabel', defaultMessage: 'version {number}' },
                      { number: diff.to },
                    )}
                    headingLevel={3}
                  />
                ) : null}
              </div>
            </Section>
          ) : null}
        </>
      )}
    </Page>
  );
}

type VersionChoiceProps = {
  /** The form field's name, "from" or "to". */
  name: string;
  label: ReactNode;
  versions: VersionList['versions'];
  defaultValue: number;
};

/** One end of the comparison: a choice of version. */
function VersionChoice({ name, label, versions, defaultValue }: VersionChoiceProps) {
  const intl = useIntl();
  const id = `compare-${name}`;
  return (
    <div className="field">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select id={id} name={name} className="select" defaultValue={defaultValue}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {intl.formatMessage(
              { id: 'terms.history.version', defaultMessage: 'Version {number}' },
              { number: v.number },
            )}
          </option>
        ))}
      </select>
    </div>
  );
}
