import js from '@eslint/js';
import appsync from '@aws-appsync/eslint-plugin';
import tseslint from 'typescript-eslint';

// What AppSync's APPSYNC_JS runtime rejects but the plugin does not catch.
const appSyncRuntimeTraps = [
  { selector: 'ThrowStatement', message: 'APPSYNC_JS has no throw: use util.error().' },
  { selector: "NewExpression[callee.name='Date']", message: 'APPSYNC_JS has no Date: use util.time.' },
  { selector: "CallExpression[callee.object.name='Date']", message: 'APPSYNC_JS has no Date: use util.time.' },
  { selector: 'Literal[regex]', message: 'APPSYNC_JS has no regex literals: use util.matches().' },
  { selector: "NewExpression[callee.name='RegExp']", message: 'APPSYNC_JS has no RegExp: use util.matches().' },
  { selector: "Identifier[name='Promise']", message: 'APPSYNC_JS has no Promise.' },
];

// One import style: relative imports name the TypeScript file itself (tsx, esbuild and tsc all resolve it).
const oneImportStyle = {
  selector: "ImportDeclaration[source.value=/^\\.{1,2}\\/.*\\.js$/], ImportExpression[source.value=/^\\.{1,2}\\/.*\\.js$/]",
  message: "Import the .ts file: relative imports end in '.ts' in this project.",
};

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'cdk.out/', '.local/', 'schema/generated/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', oneImportStyle],
    },
  },
  {
    files: ['resolvers/**/*.ts'],
    ...appsync.configs.recommended,
    languageOptions: {
      ...appsync.configs.recommended.languageOptions,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['resolvers/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', oneImportStyle, ...appSyncRuntimeTraps] },
  },
);
