import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { z } from 'zod';
import {
  createApiTokenBody,
  type ApiToken,
  type apiTokenList,
  type createdApiToken,
} from '../../../contracts/accounts.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem, useToProblem } from '../../components/Feedback.tsx';
import { Item, ItemAction } from '../../components/Item.tsx';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';

type Created = z.infer<typeof createdApiToken>;

/** Personal API tokens: create one (its secret is shown once), see them, revoke them. */
export function ApiTokens() {
  const intl = useIntl();
  const toProblem = useToProblem();
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
    const sure = intl.formatMessage(
      {
        id: 'accounts.tokens.confirmRevoke',
        defaultMessage: 'Revoke the token “{name}”? Anything using it will stop working.',
      },
      { name: token.name },
    );
    if (!window.confirm(sure)) {
      return;
    }
    setProblem(null);
    api.delete(`/api/v1/me/tokens/${segment(token.id)}`).then(
      () => {
        if (created?.token.id === token.id) setCreated(null);
        announce(
          intl.formatMessage(
            { id: 'accounts.tokens.revoked', defaultMessage: 'The token “{name}” is revoked.' },
            { name: token.name },
          ),
        );
        heading.current?.focus();
        tokens.reload();
      },
      (error: unknown) => setProblem(toProblem(error)),
    );
  }

  return (
    <section aria-labelledby="tokens-title">
      <h2 id="tokens-title" ref={heading} tabIndex={-1}>
        <FormattedMessage id="accounts.tokens.title" defaultMessage="API tokens" />
      </h2>
      <p>
        <FormattedMessage
          id="accounts.tokens.lead"
          defaultMessage="A token lets a script or another tool use the <docs>Accord API</docs> as you. Keep it secret, like a password. Revoke it when you no longer need it."
          values={{ docs: (chunks) => <a href="/api/docs">{chunks}</a> }}
        />
      </p>

      {tokens.error ? <LoadProblem error={tokens.error} retry={tokens.reload} /> : null}
      {tokens.loading ? <Loading /> : null}
      {tokens.data && tokens.data.tokens.length === 0 ? (
        <p>
          <FormattedMessage id="accounts.tokens.none" defaultMessage="You have no tokens." />
        </p>
      ) : null}
      {tokens.data && tokens.data.tokens.length > 0 ? (
        <ul
          className="item-list"
          aria-label={intl.formatMessage({
            id: 'accounts.tokens.list',
            defaultMessage: 'Your tokens',
          })}
        >
          {tokens.data.tokens.map((token) => (
            <Item
              key={token.id}
              title={token.name}
              about={
                <FormattedMessage
                  id="accounts.tokens.about"
                  defaultMessage="Starts with <code>{prefix}</code>. Made {made}. {lastUsed, select, none {Not used yet.} other {Last used {lastUsed}.}}"
                  values={{
                    prefix: token.prefix,
                    made: formatDate(token.createdAt),
                    lastUsed: token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'none',
                    code: (chunks) => <code>{chunks}</code>,
                  }}
                />
              }
            >
              <ItemAction onClick={() => revoke(token)}>
                <FormattedMessage
                  id="accounts.tokens.revoke"
                  defaultMessage="Revoke<hidden> the token {name}</hidden>"
                  values={{
                    name: token.name,
                    hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                  }}
                />
              </ItemAction>
            </Item>
          ))}
        </ul>
      ) : null}
      <Problem error={problem} />

      <h3 id="new-token-title">
        <FormattedMessage id="accounts.tokens.new" defaultMessage="Make a new token" />
      </h3>
      <Form
        id="new-token"
        state={form}
        labels={{
          name: intl.formatMessage({ id: 'accounts.tokens.name', defaultMessage: 'Token name' }),
        }}
        onSubmit={create}
        labelledBy="new-token-title"
      >
        <TextField
          name="name"
          autoComplete="off"
          hint={intl.formatMessage({
            id: 'accounts.tokens.nameHint',
            defaultMessage:
              'So you can tell your tokens apart, for example “Monthly report script”.',
          })}
        />
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="accounts.tokens.make" defaultMessage="Make token" />
        </SubmitButton>
      </Form>

      {created ? (
        <div className="panel">
          <h3>
            <FormattedMessage id="accounts.tokens.yours" defaultMessage="Your new token" />
          </h3>
          <p>
            <FormattedMessage
              id="accounts.tokens.copyNow"
              defaultMessage="<b>Copy it now: you will not see it again.</b> Send it as <code>Authorization: Bearer</code> followed by the token."
              values={{
                b: (chunks) => <strong>{chunks}</strong>,
                code: (chunks) => <code>{chunks}</code>,
              }}
            />
          </p>
          <CopyField
            id="new-token-secret"
            label={intl.formatMessage(
              { id: 'accounts.tokens.secretLabel', defaultMessage: 'Token “{name}”' },
              { name: created.token.name },
            )}
            value={created.secret}
            copyLabel={intl.formatMessage({
              id: 'accounts.tokens.copy',
              defaultMessage: 'Copy token',
            })}
            inputRef={secretInput}
          />
        </div>
      ) : null}
    </section>
  );
}
