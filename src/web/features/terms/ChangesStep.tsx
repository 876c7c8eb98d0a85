import { FormattedMessage, useIntl } from 'react-intl';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Markdown } from '../../components/Markdown.tsx';
import { useResource } from '../../lib/resource.ts';
import { DiffView } from './DiffView.tsx';
import { termsApi, type TermsDiff, type TermsVersion } from './types.ts';

/** What the draft changes from the version in force, or all of it for a first version. */
export function Changes({
  groupId,
  inForceNumber,
}: {
  groupId: string;
  inForceNumber: number | null;
}) {
  const intl = useIntl();
  const diff = useResource<TermsDiff>(
    inForceNumber ? termsApi(groupId, `/diff?from=${inForceNumber}&to=draft`) : null,
  );
  const draft = useResource<TermsVersion>(inForceNumber ? null : termsApi(groupId, '/draft'));
  const error = diff.error ?? draft.error;
  if (error)
    return <LoadProblem error={error} retry={inForceNumber ? diff.reload : draft.reload} />;
  if (!inForceNumber) {
    return (
      <>
        <p>
          <FormattedMessage
            id="terms.changes.allNew"
            defaultMessage="There is no version in force yet, so all of this draft is new. Here it is in full."
          />
        </p>
        {draft.data ? (
          <div className="terms-document">
            <Markdown source={draft.data.markdown} />
          </div>
        ) : (
          <Loading />
        )}
      </>
    );
  }
  if (!diff.data) return <Loading />;
  return (
    <>
      <p>
        <FormattedMessage
          id="terms.changes.fromInForce"
          defaultMessage="What this draft changes from version {number}, the version in force."
          values={{ number: inForceNumber }}
        />
      </p>
      <DiffView
        diff={diff.data}
        fromLabel={intl.formatMessage(
          { id: 'terms.changes.fromLabel', defaultMessage: 'version {number}' },
          { number: inForceNumber },
        )}
        toLabel={intl.formatMessage({ id: 'terms.changes.toLabel', defaultMessage: 'the draft' })}
        headingLevel={3}
      />
    </>
  );
}
