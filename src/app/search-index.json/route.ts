import { forBrowser } from "@/search/build-index";
import { getSearchIndex } from "@/search/server";

// Built once at build time and served as a static file; the palette loads it on first use.
export const dynamic = "force-static";

export async function GET() {
  return Response.json(forBrowser(await getSearchIndex()), {
    headers: { "Cache-Control": "public, max-age=300, stale-while-revalidate=86400" },
  });
}
