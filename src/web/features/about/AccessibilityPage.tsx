import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Page } from '../../components/Page.tsx';
import { formatCalendarDate } from '../../lib/format.ts';

/** When this statement was prepared and last reviewed (a calendar date). */
const PREPARED_ON = '2026-12-06';

const ABILITYNET = 'https://mcmw.abilitynet.org.uk/';
const WCAG = 'https://www.w3.org/TR/WCAG22/';
const EASS = 'https://www.equalityadvisoryservice.com/';
const ECNI = 'https://www.equalityni.org/Home';

function external(href: string) {
  return function ExternalLink(chunks: ReactNode[]) {
    return (
      <a href={href} rel="noopener noreferrer">
        {chunks}
      </a>
    );
  };
}

function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * The accessibility statement, in the form of GOV.UK's model statement for
 * public sector websites: what works, what does not yet, how to ask for
 * another format or report a problem, enforcement, compliance with WCAG 2.2
 * AA, and how we test. It says what is tested and no more.
 */
export function AccessibilityPage() {
  const intl = useIntl();
  const li = (chunks: ReactNode[]) => <li>{chunks}</li>;
  return (
    <Page
      title={intl.formatMessage({
        id: 'about.accessibility.title',
        defaultMessage: 'Accessibility statement for Accord',
      })}
    >
      <Section
        id="a11y-who"
        title={
          <FormattedMessage
            id="about.accessibility.whoTitle"
            defaultMessage="Who this site is for"
          />
        }
      >
        <p>
          <FormattedMessage
            id="about.accessibility.whoIntro"
            defaultMessage="Accord is where co-production groups meet, decide and keep their notes: people who use public services, carers, volunteers and public-sector staff. This statement covers every page of Accord, in English and in Welsh, and the emails it sends."
          />
        </p>
        <p>
          <FormattedMessage
            id="about.accessibility.whoWant"
            defaultMessage="We want as many people as possible to be able to use it. For example, you should be able to:"
          />
        </p>
        <ul>
          <FormattedMessage
            id="about.accessibility.canList"
            defaultMessage="<li>zoom in to make the text bigger: down to 360 pixels wide, the width of a small phone, nothing should make you scroll sideways</li><li>get from the start to the end of every task with a keyboard alone</li><li>use it with a screen reader: page changes, saved changes and errors are read out</li><li>read it in English or in Welsh, and switch at any time</li>"
            values={{ li }}
          />
        </ul>
        <p>
          <FormattedMessage
            id="about.accessibility.plainLanguage"
            defaultMessage="We have also made the wording as plain as we can. Dates are written out in full and times use the 24-hour clock."
          />
        </p>
        <p>
          <FormattedMessage
            id="about.accessibility.abilityNet"
            defaultMessage="<link>AbilityNet has advice on making your device easier to use</link> if you have a disability."
            values={{ link: external(ABILITYNET) }}
          />
        </p>
      </Section>

      <Section
        id="a11y-how"
        title={
          <FormattedMessage
            id="about.accessibility.howTitle"
            defaultMessage="How accessible Accord is"
          />
        }
      >
        <p>
          <FormattedMessage
            id="about.accessibility.howIntro"
            defaultMessage="We know some parts are not fully accessible yet:"
          />
        </p>
        <ul>
          <FormattedMessage
            id="about.accessibility.howList"
            defaultMessage="<li>papers and other documents that groups upload (such as PDFs) are not checked by Accord and may not work well with a screen reader</li><li>text that groups write themselves, such as notes and purpose statements, may not be in plain language or may skip heading levels</li>"
            values={{ li }}
          />
        </ul>
      </Section>

      <Section
        id="a11y-format"
        title={
          <FormattedMessage
            id="about.accessibility.formatTitle"
            defaultMessage="Information in a different format, and reporting a problem"
          />
        }
      >
        <p>
          <FormattedMessage
            id="about.accessibility.formatBody"
            defaultMessage="If you need something on Accord in a different format, such as large print, easy read, an audio recording or braille, ask the chair of your group or the organisation that runs this Accord. They can send you what you need, or arrange another way for you to take part."
          />
        </p>
        <p>
          <FormattedMessage
            id="about.accessibility.reportBody"
            defaultMessage="We are always looking to improve. If you find a problem not listed on this page, or think we are not meeting accessibility requirements, tell the chair of your group or the organisation that runs this Accord, and say which page and what you were trying to do."
          />
        </p>
      </Section>

      <Section
        id="a11y-enforcement"
        title={
          <FormattedMessage
            id="about.accessibility.enforcementTitle"
            defaultMessage="Enforcement procedure"
          />
        }
      >
        <p>
          <FormattedMessage
            id="about.accessibility.enforcementBody"
            defaultMessage="The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the accessibility regulations). If you are not happy with how we respond to your complaint, <eass>contact the Equality Advisory and Support Service (EASS)</eass>."
            values={{ eass: external(EASS) }}
          />
        </p>
        <p>
          <FormattedMessage
            id="about.accessibility.enforcementNi"
            defaultMessage="If you live in Northern Ireland and are not happy with how we respond, <ecni>contact the Equality Commission for Northern Ireland (ECNI)</ecni>, which advises on and supports complaints under the regulations there."
            values={{ ecni: external(ECNI) }}
          />
        </p>
      </Section>

      <Section
        id="a11y-technical"
        title={
          <FormattedMessage
            id="about.accessibility.technicalTitle"
            defaultMessage="Technical information about Accord’s accessibility"
          />
        }
      >
        <p>
          <FormattedMessage
            id="about.accessibility.technicalBody"
            defaultMessage="Accord is built to be accessible, in line with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018."
          />
        </p>
        <h3>
          <FormattedMessage
            id="about.accessibility.complianceTitle"
            defaultMessage="Compliance status"
          />
        </h3>
        <p>
          <FormattedMessage
            id="about.accessibility.complianceBody"
            defaultMessage="Accord is partially compliant with the <wcag>Web Content Accessibility Guidelines version 2.2</wcag> AA standard, because of the non-compliances listed below."
            values={{ wcag: external(WCAG) }}
          />
        </p>
      </Section>

      <Section
        id="a11y-not-accessible"
        title={
          <FormattedMessage
            id="about.accessibility.nonAccessibleTitle"
            defaultMessage="Content that is not accessible"
          />
        }
      >
        <h3>
          <FormattedMessage
            id="about.accessibility.nonCompliantTitle"
            defaultMessage="Non-compliance with the accessibility regulations"
          />
        </h3>
        <ul>
          <FormattedMessage
            id="about.accessibility.nonCompliantList"
            defaultMessage="<li>Documents that groups upload are shown as they were made. A document without headings, text alternatives for images or a reading order may fail WCAG 2.2 success criteria 1.1.1 (non-text content) and 1.3.1 (info and relationships). Accord shows each paper’s title and type so that you can decide whether to open it, and a group can share the same content as text in its notes.</li>"
            values={{ li }}
          />
        </ul>
        <h3>
          <FormattedMessage
            id="about.accessibility.burdenTitle"
            defaultMessage="Disproportionate burden"
          />
        </h3>
        <p>
          <FormattedMessage
            id="about.accessibility.burdenBody"
            defaultMessage="We are not claiming that fixing anything would be a disproportionate burden."
          />
        </p>
        <h3>
          <FormattedMessage
            id="about.accessibility.outOfScopeTitle"
            defaultMessage="Content that is not within the scope of the accessibility regulations"
          />
        </h3>
        <p>
          <FormattedMessage
            id="about.accessibility.outOfScopeBody"
            defaultMessage="Recordings and papers that a group links to from elsewhere are the responsibility of whoever publishes them."
          />
        </p>
      </Section>

      <Section
        id="a11y-testing"
        title={
          <FormattedMessage
            id="about.accessibility.testingTitle"
            defaultMessage="What we do to test Accord and make it better"
          />
        }
      >
        <p>
          <FormattedMessage
            id="about.accessibility.testingIntro"
            defaultMessage="Every change to Accord is tested before it is released:"
          />
        </p>
        <ul>
          <FormattedMessage
            id="about.accessibility.testingList"
            defaultMessage="<li>automated checks with axe on every page, in each role and in English and Welsh, must find nothing serious or critical</li><li>the main journeys, such as joining a group, taking part in a meeting and voting, are run in a real browser, finding each button, link and field by the name a screen reader announces; we also go through them with a keyboard alone</li><li>every page is checked at 360 pixels wide for anything that makes you scroll sideways</li>"
            values={{ li }}
          />
        </ul>
        <p>
          <FormattedMessage
            id="about.accessibility.testingNotYet"
            defaultMessage="These checks are automated. Accord has not yet been audited by an independent accessibility specialist, or tested with every screen reader: we plan to do both, and will update this statement when we have."
          />
        </p>
      </Section>

      <Section
        id="a11y-prepared"
        title={
          <FormattedMessage
            id="about.accessibility.preparedTitle"
            defaultMessage="Preparation of this accessibility statement"
          />
        }
      >
        <p>
          <FormattedMessage
            id="about.accessibility.preparedBody"
            defaultMessage="This statement was prepared on {date}. It was last reviewed on {date}. Accord was last tested on {date}, by the automated checks and browser journeys described above."
            values={{ date: formatCalendarDate(PREPARED_ON) }}
          />
        </p>
      </Section>
    </Page>
  );
}
