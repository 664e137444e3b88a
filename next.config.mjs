const production = process.env.NODE_ENV === "production";

/**
 * The Content-Security-Policy the static lesson pages allow. They are prerendered once, so there
 * is no per-request nonce: Next's inline bootstrap scripts need 'unsafe-inline' in script-src,
 * and React/Tailwind inline styles need it in style-src. Nothing is loaded from another origin.
 * The dev server evaluates code for hot reloading ('unsafe-eval') and talks over a WebSocket.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self'${production ? "" : " ws: wss:"}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or WASM-backed packages stay outside the server bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@node-rs/argon2",
    "@prisma/adapter-better-sqlite3",
    "wink-nlp",
    "wink-eng-lite-web-model",
  ],
  // The digest is read from disk at build and run time; ship it with traced output.
  outputFileTracingIncludes: { "/**": ["./content/source/**", "./app/lib/auth/common-passwords.txt"] },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // HSTS only when the request came over HTTPS (as the TLS-terminating proxy says); over
      // plain HTTP browsers ignore it anyway, and a local HTTP server must stay reachable.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      },
    ];
  },
};

export default nextConfig;
