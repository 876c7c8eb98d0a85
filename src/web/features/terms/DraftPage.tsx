import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Group } from '../../../contracts/groups.ts';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { segment } from '../../lib/api.ts';
import { useResource } from '../../lib/resource.ts';
import { Adopt } from './AdoptStep.tsx';
import { useLeaveGuard } from '../../lib/router.ts';
import { useAutosavedDraft } from './autosave.ts';
import { Changes } from './ChangesStep.tsx';
import type { Doc } from './editor.tsx';
import { EDIT_STEPS, fieldLabel, inputId, stepOf } from './fields.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { SectionsStep } from './SectionsStep.tsx';
import { StepList, type StepStatus } from './StepList.tsx';
import { StepNav } from './StepNav.tsx';
import { termsApi, termsPage, type TermsInForce, type TermsVersion } from './types.ts';
import './terms.css';

const CHANGES = EDIT_STEPS.length;
const ADOPT = EDIT_STEPS.length + 1;
const STEP_COUNT = EDIT_STEPS.length + 2;

/** The draft editor, for chairs: one step of sections at a time, then the changes, then adoption. */
export function DraftPage({ groupId }: { groupId: string }) {
  const intl = useIntl();
  const title = intl.formatMessage({
    id: 'terms.draft.title',
    defaultMessage: 'Draft Terms of Reference',
  });
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const draft = useResource<TermsVersion>(termsApi(groupId, '/draft'));
  const inForce = useResource<TermsInForce>(termsApi(groupId));
  const error = draft.error ?? group.error ?? inForce.error;

  if (error && ['not_found', 'forbidden', 'validation_failed'].includes(error.code)) {
    return (
      <Page title={title}>
        <p>
          {error.code === 'forbidden' ? (
            <FormattedMessage
              id="terms.draft.chairsOnly"
              defaultMessage="Only the chairs can edit a draft."
            />
          ) : (
            <FormattedMessage
              id="terms.draft.none"
              defaultMessage="There is no draft to edit. A chair can start one from the Terms of Reference page."
            />
          )}
        </p>
        <p>
          <Link to={termsPage(groupId)}>
            <FormattedMessage
              id="terms.draft.goToTerms"
              defaultMessage="Go to the Terms of Reference"
            />
          </Link>
        </p>
      </Page>
    );
  }
  if (!draft.data || !group.data || !inForce.data) {
    return (
      <Page title={title} busy={!error}>
        {error ? (
          <LoadProblem
            error={error}
            retry={() => {
              draft.reload();
              group.reload();
              inForce.reload();
            }}
          />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }
  return (
    <Editor
      groupId={groupId}
      groupName={group.data.name}
      title={title}
      initial={draft.data.document as unknown as Doc}
      inForceNumber={inForce.data.version?.number ?? null}
    />
  );
}

type EditorProps = {
  groupId: string;
  groupName: string;
  title: string;
  initial: Doc;
  inForceNumber: number | null;
};

/** The steps the chair has been through, kept for the browser tab's session. */
function useVisitedSteps(groupId: string) {
  const storageKey = `accord.terms.steps.${groupId}`;
  const [visited, setVisited] = useState<Set<number>>(() => {
    try {
      const stored: unknown = JSON.parse(window.sessionStorage.getItem(storageKey) ?? '[]');
      return new Set(Array.isArray(stored) ? stored.filter((n) => typeof n === 'number') : []);
    } catch {
      return new Set();
    }
  });
  const visit = (step: number) =>
    setVisited((before) => {
      if (before.has(step)) return before;
      const after = new Set(before).add(step);
      try {
        window.sessionStorage.setItem(storageKey, JSON.stringify([...after]));
      } catch {
        // Private browsing may refuse: the list still shows for this page.
      }
      return after;
    });
  return { visited, visit };
}

function Editor({ groupId, groupName, title, initial, inForceNumber }: EditorProps) {
  const intl = useIntl();
  const { doc, dirty, problem, state, change, save } = useAutosavedDraft(groupId, initial);
  const { visited, visit } = useVisitedSteps(groupId);
  const [step, setStep] = useState(0);
  const [moving, setMoving] = useState(false);
  // The error summary shows, and takes focus, when the chair asked to save (not while typing).
  const [summaryWanted, setSummaryWanted] = useState(false);
  const [summaryTick, setSummaryTick] = useState(0);
  // Where focus goes after the next render: a step's heading, or a field named in the summary.
  const focusTarget = useRef<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const focusOn = (id: string) => {
    focusTarget.current = id;
    setFocusTick((n) => n + 1);
  };
  const summary = useRef<HTMLDivElement>(null);

  useLeaveGuard(
    dirty || state.kind === 'saving',
    intl.formatMessage({
      id: 'terms.draft.leaveQuestion',
      defaultMessage: 'Some changes to the draft are not saved yet. Leave this page and lose them?',
    }),
  );

  useEffect(() => {
    if (!focusTarget.current) return;
    const element = document.getElementById(focusTarget.current);
    focusTarget.current = null;
    element?.focus();
    element?.scrollIntoView({ block: 'center' });
  }, [focusTick]);

  useEffect(() => {
    if (summaryTick > 0) summary.current?.focus();
  }, [summaryTick]);

  // Once the draft saves, the summary has done its work: a later problem found while typing shows at its field.
  const [summaryFor, setSummaryFor] = useState(problem);
  if (summaryFor !== problem) {
    setSummaryFor(problem);
    if (!problem) setSummaryWanted(false);
  }
  const errors = problem?.fields ?? {};
  const showSummary = problem !== null && summaryWanted;

  async function saveAndSay(): Promise<boolean> {
    const ok = await save();
    setSummaryWanted(!ok);
    if (!ok) setSummaryTick((n) => n + 1);
    return ok;
  }

  async function goTo(next: number) {
    if (moving) return;
    setMoving(true);
    try {
      // Leaving a step saves it. The changes and adoption are of the saved draft: they wait for it.
      const ok = await save();
      if (next >= CHANGES && !ok) {
        setSummaryWanted(true);
        setSummaryTick((n) => n + 1);
        return;
      }
      visit(step);
      setStep(next);
      focusOn('draft-step-title');
    } finally {
      setMoving(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void saveAndSay();
  }

  function showField(event: MouseEvent<HTMLAnchorElement>, path: string) {
    event.preventDefault();
    const at = stepOf(path);
    if (at !== null && at !== step) {
      visit(step);
      setStep(at);
    }
    focusOn(inputId(path));
  }

  const titles = [
    ...EDIT_STEPS.map((s) => intl.formatMessage(s.title)),
    intl.formatMessage({ id: 'terms.draft.step.changes', defaultMessage: 'See what changes' }),
    intl.formatMessage({ id: 'terms.draft.step.adopt', defaultMessage: 'Adopt' }),
  ];
  const statuses: StepStatus[] = titles.map((_, i) => {
    if (i < CHANGES && Object.keys(errors).some((path) => stepOf(path) === i)) return 'problems';
    return visited.has(i) ? 'done' : 'not_started';
  });
  const sections = EDIT_STEPS[step]?.sections;
  const groupLink = <Link to={`/groups/${segment(groupId)}`}>{groupName}</Link>;

  return (
    <Page
      title={title}
      lead={
        <p className="lead">
          {inForceNumber ? (
            <FormattedMessage
              id="terms.draft.leadInForce"
              defaultMessage="For {group}. The group keeps working to version {number} until it adopts this draft."
              values={{ group: groupLink, number: inForceNumber }}
            />
          ) : (
            <FormattedMessage
              id="terms.draft.leadNothingInForce"
              defaultMessage="For {group}. Nothing in the draft applies until the group adopts it."
              values={{ group: groupLink }}
            />
          )}
        </p>
      }
    >
      <StepList titles={titles} statuses={statuses} current={step} onPick={(i) => void goTo(i)} />

      <SaveStatus state={state} dirty={dirty} onRetry={() => void saveAndSay()} />

      {showSummary ? (
        <div ref={summary} className="error-summary" tabIndex={-1} aria-labelledby="draft-problem">
          <h2 id="draft-problem" className="error-summary-title">
            <FormattedMessage id="terms.draft.problemTitle" defaultMessage="There is a problem" />
          </h2>
          <p>
            {problem.status === 422 ? (
              <FormattedMessage
                id="terms.draft.problemFix"
                defaultMessage="Some parts of the draft need fixing before it can be saved. Until then, your changes are kept on this page only."
              />
            ) : (
              <FormattedMessage
                id="terms.draft.problemUnreachable"
                defaultMessage="The draft could not be saved just now. Your changes are kept on this page: please try again."
              />
            )}
          </p>
          {Object.keys(errors).length ? (
            <ul>
              {Object.entries(errors).map(([path, message]) => (
                <li key={path}>
                  <a href={`#${inputId(path)}`} onClick={(e) => showField(e, path)}>
                    {fieldLabel(path, intl)} {message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="draft-step-title" className="section terms-editor">
        <h2 id="draft-step-title" tabIndex={-1}>
          <FormattedMessage
            id="terms.draft.stepHeading"
            defaultMessage="Step {number} of {count}: {title}"
            values={{ number: step + 1, count: STEP_COUNT, title: titles[step] }}
          />
        </h2>
        {sections ? (
          <SectionsStep
            sections={sections}
            editor={{ doc, errors, change }}
            saving={state.kind === 'saving'}
            onSubmit={submit}
            back={step > 0 ? () => void goTo(step - 1) : undefined}
            next={() => void goTo(step + 1)}
          />
        ) : null}
        {step === CHANGES ? (
          <>
            <Changes groupId={groupId} inForceNumber={inForceNumber} />
            <StepNav back={() => void goTo(step - 1)} next={() => void goTo(ADOPT)} nextIsMain />
          </>
        ) : null}
        {step === ADOPT ? (
          <>
            <Adopt groupId={groupId} />
            <StepNav back={() => void goTo(step - 1)} />
          </>
        ) : null}
      </section>
    </Page>
  );
}
