import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'db/migrations/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  {
    // Prettier (npm run format) lays code out at 120 columns; this holds the lines it cannot break: a message,
    // a class list or a URL may run on, prose and code may not.
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    // Links prefetch nothing: components/ui/link.tsx says why.
    files: ['**/*.{ts,tsx}'],
    ignores: ['components/ui/link.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'next/link', message: "Use { Link } from '@/components/ui/link' (no prefetching)." }] },
      ],
    },
  },
  {
    // lib/sql-pipeline.ts says why: Promise.all can throw a 25P02 instead of the error that aborted a transaction.
    files: ['lib/**/*.ts'],
    ignores: ['lib/sql-pipeline.ts', 'lib/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Promise', property: 'all', message: "Use allPipelined from '@/lib/sql-pipeline'." },
      ],
    },
  },
];
export default config;
