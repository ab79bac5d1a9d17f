CREATE TABLE "lesson_progress" (
	"user_id" text NOT NULL,
	"module_slug" text NOT NULL,
	"lesson_slug" text NOT NULL,
	"first_opened_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"active_seconds" integer DEFAULT 0 NOT NULL,
	"last_activity_at" timestamp with time zone NOT NULL,
	"measured_by_heartbeat" boolean DEFAULT false NOT NULL,
	"module_version" text NOT NULL,
	"content_hash" text NOT NULL,
	CONSTRAINT "lesson_progress_user_id_module_slug_lesson_slug_pk" PRIMARY KEY("user_id","module_slug","lesson_slug")
);
--> statement-breakpoint
CREATE TABLE "reflections" (
	"user_id" text NOT NULL,
	"module_slug" text NOT NULL,
	"reflection_id" text NOT NULL,
	"answer" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflections_user_id_module_slug_reflection_id_pk" PRIMARY KEY("user_id","module_slug","reflection_id")
);
--> statement-breakpoint
ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lesson_progress_user_module_idx" ON "lesson_progress" USING btree ("user_id","module_slug");