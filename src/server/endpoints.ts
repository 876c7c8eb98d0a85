/**
 * One way to declare an operation of the API, so that each module's routes
 * read as a table keyed by operationId: method and URL, who may call it (the
 * action of access.ts its use case checks first), summary, the schemas of its
 * input and answers, and what it runs.
 *
 * The path parameters, the query and the fields of a JSON object body arrive
 * as one typed input. Any other body (a file, a union of shapes), or an object
 * body with a field named like a path parameter or a query field (approving a
 * meeting's notes names the approving meeting), arrives whole as `input.body`,
 * so no body field can shadow an id from the path.
 *
 * The access action is published in the OpenAPI document as `x-access`, where
 * the access-matrix test and API readers find it. Plain Fastify remains for
 * the odd ones that hold the connection themselves (the live-update stream).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Action, Actor } from './access.ts';
import type { Deps } from './deps.ts';
import { errors } from './http.ts';

/**
 * Who may call an operation: the action of access.ts its use case checks
 * first; several when the input decides which (making a working group rather
 * than a group, leaving rather than removing someone); 'public' when anyone
 * may ask and a secret or credential in the request decides.
 */
export type Access = Action | 'public' | readonly [Action, ...Action[]];

/** Where the access action is published in the OpenAPI document. */
export const ACCESS_EXTENSION = 'x-access';

type Schema = z.ZodType;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type SuccessStatus = 200 | 201 | 202;
type Responses = Partial<Record<SuccessStatus, Schema>> & { 503?: Schema };

type Fields<S> = S extends Schema ? z.output<S> : unknown;
type BodyFields<S, Named> = S extends z.ZodObject
  ? [keyof z.output<S> & Named] extends [never]
    ? z.output<S>
    : { body: z.output<S> }
  : S extends Schema
    ? { body: z.output<S> }
    : unknown;

/** Path parameters, query and body, as one value. */
export type Input<P, Q, B> = Fields<P> &
  Fields<Q> &
  BodyFields<B, keyof Fields<P> | keyof Fields<Q>>;

type Part<S, K extends string> = S extends { [P in K]: infer T } ? T : undefined;

/**
 * A use case's input, written from the schemas its operation's row declares:
 * `UseCaseInput<{ params: typeof c.notesParams; body: typeof c.updateNotesBody }>`
 * is what `op` hands the use case for those schemas, so tsc proves the row
 * and the use case agree, and no use case restates a contract by hand.
 */
export type UseCaseInput<S extends { params?: Schema; query?: Schema; body?: Schema }> = Input<
  Part<S, 'params'>,
  Part<S, 'query'>,
  Part<S, 'body'>
>;

/**
 * The schema a row declares for a part of its input; never when it declares
 * none (a row that leaves a part out has it inferred as undefined, or as any
 * schema at all).
 */
type Declared<S> = [Exclude<S, undefined>] extends [never]
  ? never
  : [Schema] extends [Exclude<S, undefined>]
    ? never
    : Exclude<S, undefined>;
type Sent<S> = [Declared<S>] extends [never] ? unknown : z.input<Declared<S>>;
type SentBody<S, Named> = [Declared<S>] extends [never]
  ? unknown
  : Declared<S> extends z.ZodObject
    ? [keyof z.output<Declared<S>> & Named] extends [never]
      ? z.input<Declared<S>>
      : { body: z.input<Declared<S>> }
    : { body: z.input<Declared<S>> };

/**
 * What a client sends an operation, as one value shaped like its use case's
 * input: path parameters, query and body fields (or `body` whole), before the
 * schemas' defaults and trimming apply.
 */
export type Request<E extends AnyEndpoint> = Sent<E['params']> &
  Sent<E['query']> &
  SentBody<E['body'], keyof Sent<E['params']> | keyof Sent<E['query']>>;

/** What an operation answers when it succeeds: its success schemas' output, as the client reads it. */
export type Reply<E extends AnyEndpoint> = {
  [S in keyof E['response'] & SuccessStatus]: z.output<Declared<E['response'][S]>>;
}[keyof E['response'] & SuccessStatus];

/** What an operation runs with besides its input. */
export type Scope = {
  deps: Deps;
  actor: Actor;
  /** For the few that need the connection itself (cookies, the client's address). */
  request: FastifyRequest;
  reply: FastifyReply;
};

type Answer<R extends Responses> = {
  [S in keyof R & SuccessStatus]: R[S] extends Schema ? z.input<R[S]> : never;
}[keyof R & SuccessStatus];

export type Endpoint<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  R extends Responses,
> = {
  /** The method and URL, as in "PATCH /api/v1/groups/:groupId". */
  route: `${Method} /${string}`;
  access: Access;
  summary: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The media types the body may come in, when it is not JSON. */
  consumes?: string[];
  /** The largest body accepted, when it is not the server's default. */
  bodyLimit?: number;
  /**
   * The success answers. The operation answers with the lowest status unless
   * its run sends another itself through `reply` (and returns the reply).
   */
  response: R;
  /** Leave out the error answers (only a liveness probe, which always answers). */
  noErrors?: true;
  run: (input: Input<P, Q, B>, scope: Scope) => Promise<Answer<R> | FastifyReply>;
};

/**
 * Any operation, whatever its schemas: what registering needs to know. Its
 * `run` takes an input of a type only the row itself knows (`never` here), so
 * that every row fits while keeping its own types.
 */
export type AnyEndpoint = Omit<
  Endpoint<Schema | undefined, Schema | undefined, Schema | undefined, Responses>,
  'run'
> & { run: (input: never, scope: Scope) => Promise<unknown> };

/** A module's operations, by operationId. */
export type Table = Readonly<Record<string, AnyEndpoint>>;

/** Declares one operation (the identity, for its types to be inferred from its schemas). */
export function endpoint<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Responses = Responses,
>(declared: Endpoint<P, Q, B, R>): Endpoint<P, Q, B, R> {
  return declared;
}

/** An operation's input and answers: its schemas, and how its body arrives when it is not JSON. */
type Io<P, Q, B, R extends Responses> = Pick<
  Endpoint<P & Schema, Q & Schema, B & Schema, R>,
  'consumes' | 'bodyLimit' | 'noErrors'
> & { params?: P; query?: Q; body?: B; response: R };

/**
 * Declares one operation as a row of its module's table: method and URL, who
 * may call it, the use case it runs, its input and answers, and its summary.
 */
export function op<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Responses = Responses,
>(
  route: Endpoint<P, Q, B, R>['route'],
  access: Access,
  run: Endpoint<P, Q, B, R>['run'],
  io: Io<P, Q, B, R>,
  summary: string,
): Endpoint<P, Q, B, R> {
  return endpoint<P, Q, B, R>({ route, access, summary, ...io, run } as Endpoint<P, Q, B, R>);
}

/** The `{ ok: true }` answer of an operation that has nothing else to say. */
export const OK = { ok: true } as const;

/** A use case whose answer is named in an object: `answerAs('people', list)` answers `{ people }`. */
export function answerAs<K extends string, I, S, T>(
  key: K,
  useCase: (input: I, scope: S) => Promise<T>,
): (input: I, scope: S) => Promise<Record<K, T>> {
  return async (input, scope) => ({ [key]: await useCase(input, scope) }) as Record<K, T>;
}

/** A use case that answers nothing, answering `{ ok: true }`. */
export function done<I, S>(
  useCase: (input: I, scope: S) => Promise<unknown>,
): (input: I, scope: S) => Promise<typeof OK> {
  return async (input, scope) => {
    await useCase(input, scope);
    return OK;
  };
}

function keysOf(schema: Schema | undefined): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function successStatus(operationId: string, declared: AnyEndpoint): number {
  const statuses = Object.keys(declared.response)
    .map(Number)
    .filter((status) => status >= 200 && status < 300);
  if (statuses.length === 0) throw new Error(`${operationId} declares no success answer`);
  return Math.min(...statuses);
}

/** Registers a table of operations, all under one tag. */
export function registerEndpoints(
  app: FastifyInstance,
  deps: Deps,
  tag: string,
  table: Table,
): void {
  for (const [operationId, declared] of Object.entries(table)) {
    const [method, url] = declared.route.split(' ') as [Method, string];
    const named = new Set([...keysOf(declared.params), ...keysOf(declared.query)]);
    const bodyIsFields =
      declared.body instanceof z.ZodObject && !keysOf(declared.body).some((k) => named.has(k));
    const status = successStatus(operationId, declared);

    app.route({
      method,
      url,
      ...(declared.bodyLimit ? { bodyLimit: declared.bodyLimit } : {}),
      schema: {
        operationId,
        tags: [tag],
        summary: declared.summary,
        [ACCESS_EXTENSION]: declared.access,
        ...(declared.params ? { params: declared.params } : {}),
        ...(declared.query ? { querystring: declared.query } : {}),
        ...(declared.consumes ? { consumes: declared.consumes } : {}),
        ...(declared.body ? { body: declared.body } : {}),
        response: { ...declared.response, ...(declared.noErrors ? {} : errors) },
      },
      handler: async (request, reply) => {
        // Only what is declared: an undeclared query never reaches a use case.
        const input = {
          ...(declared.params ? (request.params as object) : {}),
          ...(declared.query ? (request.query as object) : {}),
          ...(bodyIsFields
            ? (request.body as object)
            : declared.body
              ? { body: request.body }
              : {}),
        } as never;
        const answer = await declared.run(input, {
          deps,
          actor: request.actor,
          request,
          reply,
        });
        if (answer === reply) return reply;
        return reply.status(status).send(answer);
      },
    });
  }
}

/** A module's operations under its tag, and how to register them; the table keeps each row's types. */
export type Routes<T extends Table = Table> = ((app: FastifyInstance, deps: Deps) => void) & {
  tag: string;
  table: T;
};

/** A module's routes as a table: its operations, all under the module's tag. */
export function routes<T extends Table>(tag: string, table: T): Routes<T> {
  const register = (app: FastifyInstance, deps: Deps): void =>
    registerEndpoints(app, deps, tag, table);
  return Object.assign(register, { tag, table });
}
