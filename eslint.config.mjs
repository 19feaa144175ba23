import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'apps/web/src/gql/**', '**/*.cjs', 'data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
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
      ],
    },
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
);
