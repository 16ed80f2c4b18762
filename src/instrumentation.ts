/** Runs once when the server starts, before it answers anyone (src/serve/startup.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkAtStartup } = await import("./serve/startup");
    await checkAtStartup();
    // Open the feedback database in the background: the site serves without it.
    (await import("./feedback/server")).feedback();
  }
}
