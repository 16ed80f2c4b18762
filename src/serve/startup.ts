/**
 * Start-up checks of the Next.js server (instrumentation.ts): refuse to serve with an invalid
 * configuration or with content that does not build. A production server with broken content
 * stops with the same compiler-style list `npm run content:check` prints (file:line:column) and
 * exit code 1 — the front then stops too — instead of answering 500 later; `next dev` prints the
 * list and goes on, so that an author can fix the file and reload.
 */
export async function checkAtStartup(): Promise<void> {
  const { configWarnings, readEnv } = await import("@/config/env");
  const result = readEnv();
  if (!result.ok) {
    console.error(`排障知识库 cannot start. ${result.message}`);
    process.exit(1);
  }
  for (const warning of configWarnings()) console.warn(`排障知识库: ${warning}`);
  // Build the search index, start its workers and build the wizards now, not on the first visitor's request.
  const [{ warmSearch }, { getWizardGraph }] = await Promise.all([import("@/search/server"), import("@/wizard/server")]);
  try {
    await Promise.all([warmSearch(), getWizardGraph()]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (process.env.NODE_ENV === "development") {
      console.error(`排障知识库: the content does not build; pages that need it will fail until it is fixed.\n${message}`);
      return;
    }
    console.error(`排障知识库 cannot start: the content does not build.\n${message}`);
    process.exit(1);
  }
}
