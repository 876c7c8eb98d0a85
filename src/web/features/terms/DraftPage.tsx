import { useCallback, useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { adoptDraftBody } from '../../../contracts/terms.ts';
import type { Group } from '../../../contracts/groups.ts';
import type { decisionList } from '../../../contracts/decisions.ts';
import type { z } from 'zod';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Form, SelectField, SubmitButton, TextArea, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { useFormState, validate, withoutEmpty, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import { navigate } from '../../lib/router.ts';
import { DiffView } from './DiffView.tsx';
import { EditorContext, setAt, type Doc } from './editor.tsx';
import { EDIT_STEPS, fieldLabel, inputId, stepOf } from './fields.ts';
import { withKeys } from './keys.ts';
import { Markdown } from '../../components/Markdown.tsx';
import { SectionFields } from './Sections.tsx';
import {
  termsApi,
  termsPage,
  today,
  type TermsDiff,
  type TermsInForce,
  type TermsVersion,
} from './types.ts';
import './terms.css';

const STEPS = [...EDIT_STEPS.map((s) => s.title), 'See what changes', 'Adopt'];
const CHANGES = EDIT_STEPS.length;
const ADOPT = EDIT_STEPS.length + 1;

function asProblem(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', 'Please try again.');
}

/** The draft editor, for chairs: one step of sections at a time, then the changes, then adoption. */
export function DraftPage({ groupId }: { groupId: string }) {
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const draft = useResource<TermsVersion>(termsApi(groupId, '/draft'));
  const inForce = useResource<TermsInForce>(termsApi(groupId));
  const error = draft.error ?? group.error ?? inForce.error;

  if (error && ['not_found', 'forbidden', 'validation_failed'].includes(error.code)) {
    return (
      <Page title="Draft Terms of Reference">
        <p>
          {error.code === 'forbidden'
            ? 'Only the chairs can edit a draft.'
            : 'There is no draft to edit. A chair can start one from the Terms of Reference page.'}
        </p>
        <p>
          <Link to={termsPage(groupId)}>Go to the Terms of Reference</Link>
        </p>
      </Page>
    );
  }
  if (!draft.data || !group.data || !inForce.data) {
    return (
      <Page title="Draft Terms of Reference" busy={!error}>
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
      initial={draft.data.document as unknown as Doc}
      inForceNumber={inForce.data.version?.number ?? null}
    />
  );
}

type EditorProps = {
  groupId: string;
  groupName: string;
  initial: Doc;
  inForceNumber: number | null;
};

function Editor({ groupId, groupName, initial, inForceNumber }: EditorProps) {
  const announce = useAnnounce();
  const [doc, setDoc] = useState<Doc>(initial);
  const [dirty, setDirty] = useState(false);
  const [step, setStep] = useState(0);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Where focus goes after the next render: a step's heading, or a field named in the summary.
  const focusTarget = useRef<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const focusOn = (id: string) => {
    focusTarget.current = id;
    setFocusTick((n) => n + 1);
  };
  const summary = useRef<HTMLDivElement>(null);

  const change = useCallback((path: string, value: unknown) => {
    setDoc((d) => setAt(d, path, value));
    setDirty(true);
  }, []);

  useEffect(() => {
    if (!focusTarget.current) return;
    const element = document.getElementById(focusTarget.current);
    focusTarget.current = null;
    element?.focus();
    element?.scrollIntoView({ block: 'center' });
  }, [focusTick]);

  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem]);

  async function save(): Promise<boolean> {
    setBusy(true);
    try {
      const saved = await api.put<TermsVersion>(termsApi(groupId, '/draft'), {
        document: withKeys(doc),
      });
      setDoc(saved.document as unknown as Doc);
      setDirty(false);
      setProblem(null);
      announce('The draft is saved.');
      return true;
    } catch (error) {
      const p = asProblem(error);
      const fields = Object.fromEntries(
        Object.entries(p.fields).map(([k, v]) => [k.replace(/^document\./, ''), v]),
      );
      setProblem(new ApiError(p.status, p.code, p.message, fields));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function goTo(next: number) {
    if (busy) return;
    // The changes and adoption are of the saved draft: save what is typed first.
    if (next >= CHANGES && dirty && !(await save())) return;
    setStep(next);
    focusOn('draft-step-title');
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void save();
  }

  function showField(event: MouseEvent<HTMLAnchorElement>, path: string) {
    event.preventDefault();
    const at = stepOf(path);
    if (at !== null) setStep(at);
    focusOn(inputId(path));
  }

  const errors = problem?.fields ?? {};
  const sections = EDIT_STEPS[step]?.sections;

  return (
    <Page
      title="Draft Terms of Reference"
      lead={
        <p className="lead">
          For <Link to={`/groups/${segment(groupId)}`}>{groupName}</Link>.{' '}
          {inForceNumber
            ? `The group keeps working to version ${inForceNumber} until it adopts this draft.`
            : 'Nothing in the draft applies until the group adopts it.'}
        </p>
      }
    >
      <nav aria-label="Steps of the draft" className="terms-no-print">
        <ol className="terms-steps">
          {STEPS.map((title, i) => (
            <li key={title}>
              <button
                type="button"
                className="button-link"
                aria-current={i === step ? 'step' : undefined}
                onClick={() => void goTo(i)}
              >
                {i + 1}. {title}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      {problem ? (
        <div ref={summary} className="error-summary" tabIndex={-1} aria-labelledby="draft-problem">
          <h2 id="draft-problem" className="error-summary-title">
            There is a problem
          </h2>
          <p>{problem.message}</p>
          {Object.keys(errors).length ? (
            <ul>
              {Object.entries(errors).map(([path, message]) => (
                <li key={path}>
                  <a href={`#${inputId(path)}`} onClick={(e) => showField(e, path)}>
                    {fieldLabel(path)} {message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="draft-step-title" className="section">
        <h2 id="draft-step-title" tabIndex={-1}>
          Step {step + 1} of {STEPS.length}: {STEPS[step]}
        </h2>
        {sections ? (
          <form className="form" noValidate onSubmit={submit} aria-labelledby="draft-step-title">
            <EditorContext value={{ doc, errors, change }}>
              {sections.length === 1 && sections[0] ? (
                <>
                  <p className="terms-help">{sections[0].help}</p>
                  <SectionFields section={sections[0].key} />
                </>
              ) : (
                sections.map(({ key, title, help }) => (
                  <section
                    key={key}
                    className="terms-section"
                    aria-labelledby={`draft-section-${key}`}
                  >
                    <h3 id={`draft-section-${key}`}>{title}</h3>
                    <p className="terms-help">{help}</p>
                    <SectionFields section={key} />
                  </section>
                ))
              )}
            </EditorContext>
            <div className="terms-nav">
              <button type="submit" className="button" aria-disabled={busy || undefined}>
                Save
              </button>
              {step > 0 ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void goTo(step - 1)}
                >
                  Back
                </button>
              ) : null}
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void goTo(step + 1)}
              >
                Next
              </button>
            </div>
          </form>
        ) : null}
        {step === CHANGES ? (
          <>
            <Changes groupId={groupId} inForceNumber={inForceNumber} />
            <div className="terms-nav">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void goTo(step - 1)}
              >
                Back
              </button>
              <button type="button" className="button" onClick={() => void goTo(ADOPT)}>
                Next
              </button>
            </div>
          </>
        ) : null}
        {step === ADOPT ? (
          <>
            <Adopt groupId={groupId} />
            <div className="terms-nav">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void goTo(step - 1)}
              >
                Back
              </button>
            </div>
          </>
        ) : null}
      </section>
    </Page>
  );
}

function Changes({ groupId, inForceNumber }: { groupId: string; inForceNumber: number | null }) {
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
        <p>There is no version in force yet, so all of this draft is new. Here it is in full.</p>
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
      <p>What this draft changes from version {inForceNumber}, the version in force.</p>
      <DiffView
        diff={diff.data}
        fromLabel={`version ${inForceNumber}`}
        toLabel="the draft"
        headingLevel={3}
      />
    </>
  );
}

const ADOPT_LABELS = {
  adoptedOn: 'Date of the meeting that agreed it',
  decisionId: 'The decision that agreed it',
  note: 'How the group agreed it',
};

function Adopt({ groupId }: { groupId: string }) {
  const form = useFormState();
  const decisions = useResource<z.infer<typeof decisionList>>(
    `/api/v1/groups/${segment(groupId)}/decisions`,
  );
  const agreed = (decisions.data?.decisions ?? []).filter((d) => d.outcome === 'agreed');

  async function adopt(values: FormValues) {
    const body = validate(adoptDraftBody, withoutEmpty(values));
    let adopted: TermsVersion;
    try {
      adopted = await api.post<TermsVersion>(termsApi(groupId, '/draft/adopt'), body);
    } catch (error) {
      // A draft that cannot be adopted names its fields: say them in words.
      if (error instanceof ApiError) {
        const fields = Object.fromEntries(
          Object.entries(error.fields).map(([k, v]) => [
            k.startsWith('document.') ? fieldLabel(k.slice('document.'.length)) : k,
            v,
          ]),
        );
        throw new ApiError(error.status, error.code, error.message, fields);
      }
      throw error;
    }
    navigate(termsPage(groupId), {
      notice: `Version ${adopted.number} is now in force. Everyone in the group is asked to accept it.`,
    });
  }

  return (
    <>
      <p>
        Adopt the draft once the group has agreed it at a meeting. It becomes the new version in
        force, and everyone is asked to read and accept it.
      </p>
      <Form id="adopt" state={form} labels={ADOPT_LABELS} onSubmit={adopt}>
        <TextField
          name="adoptedOn"
          type="date"
          defaultValue={today()}
          hint="Written YYYY-MM-DD, such as 2026-03-10."
        />
        {agreed.length > 0 ? (
          <SelectField
            name="decisionId"
            optional
            hint="If the group agreed it through a proposal, the version links to that decision."
            options={[
              { value: '', label: 'No recorded decision' },
              ...agreed.map((d) => ({
                value: d.id,
                label: `Decision ${d.number}: ${d.title} (${d.decidedOn})`,
              })),
            ]}
          />
        ) : null}
        <TextArea
          name="note"
          optional
          hint="If you leave this empty: “Adopted by consensus at the meeting of” the date, or by the decision you chose."
        />
        <SubmitButton busy={form.busy}>Adopt this draft</SubmitButton>
      </Form>
    </>
  );
}
