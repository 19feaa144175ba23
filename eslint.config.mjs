import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import globals from 'globals';

const codeFiles = ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'];
const operationRules = graphqlPlugin.configs['flat/operations-recommended'].rules;

/**
 * Object shapes V8 cannot share (apps/api/src). On Node 20 an object literal that begins with a
 * spread and goes on (`{ ...a, b }`, `{ ...a, ...b }`) and a getter or setter written into a
 * literal (a new closure each time) give every object built there a hidden class of its own, and
 * the scavenger then keeps what those objects lead to alive: a request's whole state was promoted
 * and left for mark-compacts to sweep (docs/performance.md, "Garbage collection and the tail").
 * Write `Object.assign({}, a, { b })`, put the spread last, or use a class.
 */
const ONE_HIDDEN_CLASS = [
  {
    selector: 'ObjectExpression:has(> SpreadElement:first-child + *)',
    message: 'A literal that begins with a spread and goes on gets a hidden class per object on Node 20: write Object.assign({}, a, { b }) or put the spread last.',
  },
  {
    selector: 'ObjectExpression > Property[kind=/^(get|set)$/]',
    message: 'A getter or setter in an object literal is a new closure and hidden class per object: declare it on a class.',
  },
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'apps/web/src/gql/**', '**/*.cjs', 'data/**'],
  },
  // JavaScript and TypeScript only: the GraphQL documents plucked out of the SPA (below) are linted
  // as virtual *.graphql files with their own parser and rules. (A config's own `files` stays.)
  ...[js.configs.recommended, ...tseslint.configs.recommended].map((config) => ({ files: codeFiles, ...config })),
  {
    files: codeFiles,
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Migration lists hold classes of any shape; TypeORM types them as Function[].
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    // Decorators read parameter and property types at run time (emitDecoratorMetadata): tell the
    // parser, so consistent-type-imports never turns an import the metadata needs into `import type`.
    files: ['apps/api/**/*.ts'],
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
  },
  {
    // config.ts is the only reader of the environment (scripts and tests set up their own).
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/config.ts.' },
      ],
    },
  },
  {
    // One owner per rule (README, Architecture): hand-written SQL lives in repositories (and db/,
    // whose helpers and migrations are SQL); a slice's services, resolvers and loaders call them.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.repository.ts', 'apps/api/src/db/**', 'apps/api/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)db/raw-sql$',
              importNames: ['rawQuery'],
              message: 'Hand-written SQL goes in a *.repository.ts of the slice that owns the table; call that function here.',
            },
          ],
        },
      ],
    },
  },
  {
    // modules/memberships owns membership rows: only it reads or writes them through the entity
    // (its repositories, loaders and unit of work); other slices call those. Naming the type is fine.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/modules/memberships/**', 'apps/api/src/db/**', 'apps/api/src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)memberships/membership\\.entity$',
              allowTypeImports: true,
              message: 'Read memberships through modules/memberships (membership.repository.ts, membership.loaders.ts) and change them through its unit of work.',
            },
          ],
        },
      ],
      // ... nor through SQL text: no INSERT, UPDATE or DELETE of membership outside its slice.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+"?membership\\b/i]',
          message: 'Only modules/memberships writes membership rows: go through its unit of work (memberships.service.ts).',
        },
        {
          selector: 'TemplateElement[value.raw=/(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+"?membership\\b/i]',
          message: 'Only modules/memberships writes membership rows: go through its unit of work (memberships.service.ts).',
        },
        ...ONE_HIDDEN_CLASS,
      ],
    },
  },
  {
    // The same shapes rule where the membership rule above does not apply (one list per file).
    files: ['apps/api/src/modules/memberships/**/*.ts', 'apps/api/src/db/**/*.ts'],
    ignores: ['apps/api/src/**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...ONE_HIDDEN_CLASS] },
  },
  {
    files: ['apps/web/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The SPA renders what a viewer may do from the server's viewerCan / viewerAbilities only
      // (issue 16): an access level compared in the client re-derives the rule and drifts from it
      // (with adminBypass off an admin edits without WRITE). The level is for display.
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression > MemberExpression[property.name='viewerLevel']",
          message: 'Decide abilities from viewerCan (Resource.viewerCan.edit / own), not by comparing viewerLevel.',
        },
      ],
    },
  },
  {
    // The SPA writes its documents as `graphql(`...`)` calls (codegen's client preset): the processor
    // plucks each one out as a virtual `<file>/<n>_document.graphql` block for the config below; the
    // file itself is still linted as TypeScript by the configs above.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    processor: graphqlPlugin.processor,
  },
  {
    // Every document checked against the committed schema, with the other documents of the SPA as
    // siblings (fragments spread across files, names unique across the app) — what codegen reads.
    files: ['apps/web/src/**/*.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: {
        graphQLConfig: {
          schema: [
            'apps/api/schema.graphql',
            // Apollo Client's own directive (the client strips it before sending; see codegen.ts).
            'directive @unmask(mode: String) on FRAGMENT_SPREAD',
          ],
          documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
        },
      },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      // graphql-js validation (known fields, types, arguments, fragments; variables defined and used;
      // unique names), plus no-anonymous-operations, no-deprecated, no-unused-fragments and
      // require-selections (id, so the cache can normalize every object it can).
      ...operationRules,
      '@graphql-eslint/naming-convention': [
        'error',
        {
          // The preset's names for variables and operations...
          ...operationRules['@graphql-eslint/naming-convention'][1],
          // ...but each component declares its own fragment, named `Component_prop` (GroupRow_group).
          FragmentDefinition: { requiredPattern: /^[A-Z][A-Za-z0-9]*_[a-z][A-Za-z0-9]*$/ },
        },
      ],
    },
  },
);
