import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import formatjs from 'eslint-plugin-formatjs';
import globals from 'globals';

/** The web app reaches the server only through the API. */
const serverOnlyThroughTheApi = {
  group: ['**/server/**'],
  message: 'The web app talks to the server through src/contracts and the API only.',
};

/** The attribution check and its language model are the server's; the web asks it. */
const attributionOnTheServer = {
  group: ['**/policy/attribution/**', 'wink-*'],
  message:
    'The attribution check runs on the server (it loads wink-nlp): the web app asks POST …/notes/check.',
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'src/server/db/migrations', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [serverOnlyThroughTheApi, attributionOnTheServer],
        },
      ],
    },
  },
  {
    // A feature stands alone: it imports components, lib, i18n and contracts, never another
    // feature or the app that holds them all (features are one folder deep).
    files: ['src/web/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            serverOnlyThroughTheApi,
            attributionOnTheServer,
            {
              regex: '^\\.\\./(?!\\.)',
              message:
                'A feature does not import another feature: move what both need to components/ or lib/.',
            },
            {
              regex: '^\\.\\./\\.\\./app/',
              message: 'A feature does not import the app: the app imports features.',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared parts serve every feature, so they import none.
    files: ['src/web/{components,lib,i18n}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            serverOnlyThroughTheApi,
            attributionOnTheServer,
            {
              regex: '^\\.\\./(features|app)/',
              message: 'Components, lib and i18n do not import features or the app.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every string the web app shows comes from the message catalogue (npm run check:messages).
    files: ['src/web/**/*.tsx'],
    plugins: { formatjs },
    rules: {
      'formatjs/enforce-default-message': ['error', 'literal'],
      'formatjs/enforce-placeholders': 'error',
      'formatjs/no-literal-string-in-jsx': [
        'error',
        {
          props: {
            include: [
              [
                '*',
                '(aria-label|aria-description|alt|title|placeholder|label|hint|description|heading|legend|summary|confirmLabel|cancelLabel|message|notice)',
              ],
            ],
          },
        },
      ],
    },
  },
  {
    files: ['src/policy/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', 'node:*', 'fs', 'pg', 'drizzle-orm*'],
              message: 'Policy is pure: no I/O.',
            },
          ],
        },
      ],
    },
  },
);
