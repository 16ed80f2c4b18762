import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/config/env";
import { SEARCH_PATH } from "@/urls";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/api/", SEARCH_PATH] }],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
