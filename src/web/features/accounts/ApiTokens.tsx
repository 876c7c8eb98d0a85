import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import {
  createApiTokenBody,
  type ApiToken,
  type apiTokenList,
  type createdApiToken,
} from '../../../contracts/accounts.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';

type Created = z.infer<typeof createdApiToken>;

/** Personal API tokens: create one (its secret is shown once), see them, revoke them. */
export function ApiTokens() {
  const tokens = useResource<z.infer<typeof apiTokenList>>('/api/v1/me/tokens');
  const form = useFormState();
  const announce = useAnnounce();
  const [created, setCreated] = useState<Created | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const secretInput = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (created) secretInput.current?.focus();
  }, [created]);

  async function create(values: FormValues, formElement: HTMLFormElement) {
    const body = validate(createApiTokenBody, values);
    setCreated(await api.post<Created>('/api/v1/me/tokens', body));
    formElement.reset();
    tokens.reload();
  }

  function revoke(token: ApiToken) {
    if (!window.confirm(`Revoke the token "${token.name}"? Anything using it will stop working.`)) {
      return;
    }
    setProblem(null);
    api.delete(`/api/v1/me/tokens/${segment(token.id)}`).then(
      () => {
        if (created?.token.id === token.id) setCreated(null);
        announce(`The token "${token.name}" is revoked.`);
        heading.current?.focus();
        tokens.reload();
      },
      (error: unknown) =>
        setProblem(
          error instanceof ApiError ? error : new ApiError(0, 'unexpected', 'Please try again.'),
        ),
    );
  }

  return (
    <section aria-labelledby="tokens-title">
      <h2 id="tokens-title" ref={heading} tabIndex={-1}>
        API tokens
      </h2>
      <p>
        A token lets a script or another tool use the <a href="/api/docs">Accord API</a> as you.
        Keep it secret, like a password. Revoke it when you no longer need it.
      </p>

      {tokens.error ? <LoadProblem error={tokens.error} retry={tokens.reload} /> : null}
      {tokens.loading ? <Loading /> : null}
      {tokens.data && tokens.data.tokens.length === 0 ? <p>You have no tokens.</p> : null}
      {tokens.data && tokens.data.tokens.length > 0 ? (
        <ul className="item-list" aria-label="Your tokens">
          {tokens.data.tokens.map((token) => (
            <li key={token.id} className="item">
              <div className="item-main">
                <p className="item-title">{token.name}</p>
                <p className="muted">
                  Starts with <code>{token.prefix}</code>. Made {formatDate(token.createdAt)}.{' '}
                  {token.lastUsedAt
                    ? `Last used ${formatDateTime(token.lastUsedAt)}.`
                    : 'Not used yet.'}
                </p>
              </div>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => revoke(token)}
              >
                Revoke<span className="visually-hidden"> the token {token.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Problem error={problem} />

      <h3 id="new-token-title">Make a new token</h3>
      <Form
        id="new-token"
        state={form}
        labels={{ name: 'Token name' }}
        onSubmit={create}
        labelledBy="new-token-title"
      >
        <TextField
          name="name"
          autoComplete="off"
          hint="So you can tell your tokens apart, for example “Monthly report script”."
        />
        <SubmitButton busy={form.busy}>Make token</SubmitButton>
      </Form>

      {created ? (
        <div className="panel">
          <h3>Your new token</h3>
          <p>
            <strong>Copy it now: you will not see it again.</strong> Send it as{' '}
            <code>Authorization: Bearer</code> followed by the token.
          </p>
          <CopyField
            id="new-token-secret"
            label={`Token “${created.token.name}”`}
            value={created.secret}
            copyLabel="Copy token"
            inputRef={secretInput}
          />
        </div>
      ) : null}
    </section>
  );
}
