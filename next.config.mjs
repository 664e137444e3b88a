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
  outputFileTracingIncludes: { "/**": ["./content/source/**"] },
};

export default nextConfig;
