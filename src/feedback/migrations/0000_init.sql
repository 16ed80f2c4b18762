CREATE TABLE "search_opens" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" uuid NOT NULL,
	"entry" text NOT NULL,
	"rank" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "searches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"session" text,
	"source" text NOT NULL,
	"query" text NOT NULL,
	"template" text NOT NULL,
	"confident" boolean NOT NULL,
	"shown" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"session" text,
	"entry" text NOT NULL,
	"cause" text DEFAULT '' NOT NULL,
	"helpful" boolean NOT NULL,
	"reason" text,
	CONSTRAINT "votes_reason_length" CHECK (char_length(reason) <= 500)
);
--> statement-breakpoint
CREATE TABLE "wizard_outcomes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"run" text,
	"session" text,
	"start" text NOT NULL,
	"outcome" text NOT NULL,
	"entry" text,
	"cause" text,
	"step" text NOT NULL,
	"answers" smallint NOT NULL,
	"path" text[] NOT NULL,
	CONSTRAINT "wizard_outcomes_outcome" CHECK (outcome in ('solved', 'unsolved', 'abandoned'))
);
--> statement-breakpoint
CREATE INDEX "search_opens_search" ON "search_opens" USING btree ("search");--> statement-breakpoint
CREATE INDEX "search_opens_created_at" ON "search_opens" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "searches_template" ON "searches" USING btree ("confident","template");--> statement-breakpoint
CREATE INDEX "searches_created_at" ON "searches" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "votes_session_target" ON "votes" USING btree ("session","entry","cause") WHERE session is not null;--> statement-breakpoint
CREATE INDEX "votes_entry" ON "votes" USING btree ("entry","cause");--> statement-breakpoint
CREATE INDEX "votes_created_at" ON "votes" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wizard_outcomes_run" ON "wizard_outcomes" USING btree ("run") WHERE run is not null;--> statement-breakpoint
CREATE INDEX "wizard_outcomes_entry" ON "wizard_outcomes" USING btree ("entry","cause");--> statement-breakpoint
CREATE INDEX "wizard_outcomes_created_at" ON "wizard_outcomes" USING btree ("created_at");