-- Every app process remembers a few facts for a few seconds (who a session cookie or an API key is, the company
-- settings); these triggers tell all of them (LISTEN cache_invalidation, lib/cache/table-changes.ts) when such a
-- fact may have changed, whoever writes the change. One notification per statement, naming the table: the
-- listeners drop everything they remember of it.
CREATE FUNCTION notify_cache_invalidation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cache_invalidation', TG_TABLE_NAME);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER session_ended AFTER DELETE ON "session"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_invalidation();
--> statement-breakpoint
CREATE TRIGGER user_access_changed AFTER UPDATE OF "role", "active", "name", "email" OR DELETE ON "user"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_invalidation();
--> statement-breakpoint
CREATE TRIGGER api_key_changed AFTER UPDATE OF "role", "revoked_at", "created_by" OR DELETE ON "api_key"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_invalidation();
--> statement-breakpoint
CREATE TRIGGER app_setting_changed AFTER INSERT OR UPDATE OR DELETE ON "app_setting"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_invalidation();
