import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/config/env";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/api/", "/search"] }],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
