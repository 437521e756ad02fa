// The rules live in tools/lint, the workspace whose TypeScript 6.0 typescript-eslint needs.
export { default } from './tools/lint/eslint.config.mjs';
