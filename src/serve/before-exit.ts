/**
 * Work the Next.js server must finish before it exits (the feedback write queue): registered by
 * the code that owns it, run by src/front/next-child.ts when the front says "stop" (shutdown.ts).
 * The list lives on globalThis because next-child.cjs and the Next.js server are bundled apart.
 */
type Hook = () => Promise<void>;

const KEY = Symbol.for("paizhang-kb.before-exit");

function hooks(): Set<Hook> {
  const holder = globalThis as { [KEY]?: Set<Hook> };
  holder[KEY] ??= new Set();
  return holder[KEY];
}

export function beforeExit(hook: Hook): void {
  hooks().add(hook);
}

/** Runs every hook at once and resolves when all have settled, or after `deadlineMs`, whichever is first. */
export async function runBeforeExit(deadlineMs: number): Promise<void> {
  const running = [...hooks()].map((hook) =>
    hook().catch((error: unknown) => console.error(`排障知识库: before exit: ${error instanceof Error ? error.message : String(error)}`)),
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, deadlineMs);
  });
  await Promise.race([Promise.all(running), deadline]);
  clearTimeout(timer);
}
