import { defineConfig } from "drizzle-kit";

/** `npm run db:generate`: compares src/feedback/schema.ts with the migrations so far and writes the next one. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/feedback/schema.ts",
  out: "./src/feedback/migrations",
});
