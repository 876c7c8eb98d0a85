import type { ReactNode } from 'react';
import { FormattedMessage, defineMessages, useIntl } from 'react-intl';
import { searchQuery } from '../../../contracts/notes.ts';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { pageFrame } from '../../components/PageFrames.tsx';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import { navigate, usePlace } from '../../lib/router.ts';
import { groupApi, groupPage, searchPage, type Group, type SearchResults } from './types.ts';
import './notes.css';

const KIND_WORDS = defineMessages({
  notes: { id: 'notes.search.kindNotes', defaultMessage: 'Notes' },
  decision: { id: 'notes.search.kindDecision', defaultMessage: 'Decision' },
  learning: { id: 'notes.search.kindLearning', defaultMessage: 'Learning' },
  suggestion: { id: 'notes.search.kindSuggestion', defaultMessage: 'Suggestion' },
  paper: { id: 'notes.search.kindPaper', defaultMessage: 'Paper' },
}) satisfies Record<SearchResults['results'][number]['kind'], unknown>;

/** What the page says before it can be shown. */
const FRAME = defineMessages({
  pageTitle: { id: 'notes.search.title', defaultMessage: 'Search' },
  title: { id: 'notes.search.notFoundTitle', defaultMessage: 'We could not search this group' },
  missing: {
    id: 'notes.search.notFound',
    defaultMessage: 'The group may have been removed, or you may not be in it.',
  },
  back: { id: 'notes.search.toGroups', defaultMessage: 'Go to my groups' },
});

/** The search box: on the group's home and at the top of the results. */
export function SearchForm({
  groupId,
  defaultValue,
  id = 'search',
}: {
  groupId: string;
  defaultValue?: string;
  id?: string;
}) {
  const intl = useIntl();
  const form = useFormState();

  async function search(values: FormValues) {
    const { q } = validate(searchQuery, { q: values.q ?? '' });
    navigate(searchPage(groupId, q));
  }

  return (
    <Form
      id={id}
      state={form}
      labels={{
        q: intl.formatMessage({
          id: 'notes.search.label',
          defaultMessage: 'Search our notes, decisions, learning and papers',
        }),
      }}
      onSubmit={search}
    >
      <div className="notes-search" role="search">
        <TextField name="q" type="search" defaultValue={defaultValue} />
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="notes.search.submit" defaultMessage="Search" />
        </SubmitButton>
      </div>
    </Form>
  );
}

type Result = SearchResults['results'][number];

/**
 * The passage that matched, its matched words in <mark>: the text stays one
 * run of words (screen readers read it as written), and the ranges only ever
 * wrap parts of it, so nothing in it is taken as markup.
 */
export function Snippet({ text, highlights }: { text: string; highlights: Result['highlights'] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { start, length } of highlights) {
    if (start < at || start + length > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, start + length)}</mark>);
    at = start + length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <p className="notes-snippet">{parts}</p>;
}

/** Results of a search across the group's records: only what the reader may see. */
export function SearchPage({ groupId }: { groupId: string }) {
  const intl = useIntl();
  const place = usePlace();
  const q = (new URLSearchParams(place.search).get('q') ?? '').trim();
  const group = useResource<Group>(groupApi(groupId));
  const results = useResource<SearchResults>(
    q.length >= 2 ? groupApi(groupId, `/search?q=${encodeURIComponent(q)}`) : null,
  );
  const frame = pageFrame([group], FRAME, '/groups');
  if (frame || !group.data) return frame;

  const list = results.data?.results ?? [];
  return (
    <Page
      title={intl.formatMessage({ id: 'notes.search.title', defaultMessage: 'Search' })}
      busy={results.loading}
      lead={
        <div className="lead">
          <p>
            <FormattedMessage
              id="notes.search.lead"
              defaultMessage="Search the records of <link>{group}</link>."
              values={{
                group: group.data.name,
                link: (chunks: ReactNode[]) => <Link to={groupPage(groupId)}>{chunks}</Link>,
              }}
            />
          </p>
        </div>
      }
    >
      <SearchForm key={q} groupId={groupId} defaultValue={q} />
      {q.length > 0 && q.length < 2 ? (
        <p>
          <FormattedMessage
            id="notes.search.tooShort"
            defaultMessage="Type at least 2 characters to search."
          />
        </p>
      ) : null}
      {results.error ? <LoadProblem error={results.error} retry={results.reload} /> : null}
      {results.loading ? (
        <Loading>
          <FormattedMessage id="notes.search.searching" defaultMessage="Searching…" />
        </Loading>
      ) : null}
      {results.data ? (
        <section aria-labelledby="results-title" className="section">
          <h2 id="results-title">
            <FormattedMessage
              id="notes.search.resultsHeading"
              defaultMessage="{count, plural, =0 {Nothing found for “{q}”} one {# result for “{q}”} other {# results for “{q}”}}"
              values={{ count: list.length, q }}
            />
          </h2>
          {list.length > 0 ? (
            <ul className="item-list" aria-labelledby="results-title">
              {list.map((result) => (
                <li key={`${result.kind}-${result.id}`} className="item">
                  <div className="item-main">
                    <p className="item-title">
                      <span className="notes-kind">
                        {intl.formatMessage(KIND_WORDS[result.kind])}
                      </span>
                      {result.path.startsWith('/') ? (
                        <Link to={result.path}>{result.title}</Link>
                      ) : (
                        result.title
                      )}
                    </p>
                    <Snippet text={result.snippet} highlights={result.highlights} />
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p>
              <FormattedMessage
                id="notes.search.tryOther"
                defaultMessage="Try other words, or fewer of them."
              />
            </p>
          )}
        </section>
      ) : null}
    </Page>
  );
}
