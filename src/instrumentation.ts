/** Runs once when the server starts: refuse to serve with an invalid configuration. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { readEnv } = await import("./config/env");
  const result = readEnv();
  if (!result.ok) {
    console.error(`排障知识库 cannot start. ${result.message}`);
    process.exit(1);
  }
  // Build the search index, start its workers and build the wizards now, not on the first visitor's request.
  const [{ warmSearch }, { getWizardGraph }] = await Promise.all([import("./search/server"), import("./wizard/server")]);
  await Promise.all([warmSearch(), getWizardGraph()]).catch((error: unknown) => {
    console.error("排障知识库: content could not be loaded at start-up", error);
  });
}
