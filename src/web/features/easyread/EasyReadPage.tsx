import { defineMessages, FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { z } from 'zod';
import type { Group } from '../../../contracts/groups.ts';
import type { termsInForce } from '../../../contracts/terms.ts';
import { easyReadTerms, type EasyReadLine, type EasyReadValue } from '../../../policy/easy-read.ts';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { pageFrame } from '../../components/PageFrames.tsx';
import { segment } from '../../lib/api.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { LINES } from './messages.ts';
import './easyread.css';

type TermsInForce = z.infer<typeof termsInForce>;

function say(intl: IntlShape, line: EasyReadLine): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(line.values) as [string, EasyReadValue][]) {
    values[name] = typeof value === 'object' ? formatCalendarDate(value.date) : value;
  }
  return intl.formatMessage(LINES[line.messageId], values);
}

/** What the page says before it can be shown. */
const FRAME = defineMessages({
  pageTitle: { id: 'easyread.page.title', defaultMessage: 'Terms of Reference in easy read' },
  title: {
    id: 'easyread.page.notShown',
    defaultMessage: 'We could not show these Terms of Reference',
  },
  missing: {
    id: 'easyread.page.notFound',
    defaultMessage: 'The group may have been removed, or you may not be in it.',
  },
  forbidden: {
    id: 'easyread.page.forbidden',
    defaultMessage: 'Observers do not see the Terms of Reference here. Ask a chair for a copy.',
  },
  back: { id: 'easyread.page.myGroups', defaultMessage: 'Go to my groups' },
});

/**
 * A group's Terms of Reference in easy read: short sentences, one idea per
 * line, each heading a question. Made from the version in force, so it says
 * the same as the full document, in the reader's language.
 */
export function EasyReadPage({ groupId }: { groupId: string }) {
  const intl = useIntl();
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const terms = useResource<TermsInForce>(`/api/v1/groups/${segment(groupId)}/terms`);
  const title = intl.formatMessage(FRAME.pageTitle);
  const fullVersion = `/groups/${segment(groupId)}/terms`;

  const frame = pageFrame([group, terms], FRAME, '/groups');
  if (frame || !group.data || !terms.data) return frame;

  const lead = (
    <p className="lead">
      <FormattedMessage
        id="easyread.page.of"
        defaultMessage="Of <link>{group}</link>"
        values={{
          group: group.data.name,
          link: (chunks) => <Link to={`/groups/${segment(groupId)}`}>{chunks}</Link>,
        }}
      />
    </p>
  );
  const back = (
    <p className="easy-read-back">
      <Link to={fullVersion}>
        <FormattedMessage
          id="easyread.page.back"
          defaultMessage="Back to the full Terms of Reference"
        />
      </Link>
    </p>
  );

  const version = terms.data.version;
  if (!version) {
    return (
      <Page title={title} lead={lead}>
        <div className="easy-read">
          <p>
            <FormattedMessage
              id="easyread.page.noVersion"
              defaultMessage="This group has not agreed its Terms of Reference yet."
            />
          </p>
          <p>
            <FormattedMessage
              id="easyread.page.noVersionNext"
              defaultMessage="When it does, you can read them here in easy read."
            />
          </p>
          {back}
        </div>
      </Page>
    );
  }

  const sections = easyReadTerms(version.document);
  return (
    <Page title={title} lead={lead}>
      <div className="easy-read">
        <p>
          <FormattedMessage
            id="easyread.page.intro"
            defaultMessage="This is a short, simple version of the group’s rules."
          />
        </p>
        <p>
          <FormattedMessage
            id="easyread.page.fullIsAgreed"
            defaultMessage="The full version is the one the group agreed. It says the same, in more detail."
          />
        </p>
        <p>
          <FormattedMessage
            id="easyread.page.version"
            defaultMessage="This is version {number}. The group agreed it on {date}."
            values={{
              number: version.number ?? 0,
              date: formatCalendarDate(version.adoptedOn ?? ''),
            }}
          />
        </p>
        {back}
        {sections.map((section) => {
          const headingId = `easy-read-${section.questionId.split('.').at(-1)}`;
          return (
            <section key={section.questionId} aria-labelledby={headingId}>
              <h2 id={headingId}>{intl.formatMessage(LINES[section.questionId])}</h2>
              <ul className="easy-read-lines">
                {section.lines.map((line, index) => (
                  <li key={index}>{say(intl, line)}</li>
                ))}
              </ul>
            </section>
          );
        })}
        {back}
      </div>
    </Page>
  );
}
