using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DialogueTracker.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// What SQLite's migrations do in raw SQL, done the PostgreSQL way (docs/decisions/0008):
    /// <list type="bullet">
    /// <item>Search: <c>SearchDocuments</c> holds one row per round, statement, topic, source and concern (ids as on SQLite:
    /// record id × 4 + type, a concern minus its id), kept by row triggers so every writer updates it, soft-deleted records
    /// left out. Its <c>SearchVector</c> is a generated tsvector (with &lt; and &amp; swapped for private-use characters, so the
    /// parser never takes record text for HTML tags or entities) (title A, topic names B, body D) with a GIN index, over the
    /// text search configuration <c>dialoguetracker</c>: the simple parser's words through <c>unaccent</c> (which folds
    /// every Vietnamese mark, đ→d included) and lower-cased. <c>SearchIndexVersion</c> moves with every change.</item>
    /// <item>Foreign keys DEFERRABLE (checked at once unless a transaction defers them), so the importer may write topic
    /// links before their statement, as on SQLite.</item>
    /// <item>A NOTIFY on <c>dialoguetracker_records</c> after every write to a record table, which each app instance
    /// listens for to evict its output cache (<see cref="Web.Data.Postgres.PostgresChangeMonitor"/>).</item>
    /// <item>The lists' date-order indexes (the DateOrderIndexes migration on SQLite).</item>
    /// </list>
    /// The SQL is written out here, not shared with app code, so this migration stays what it was when applied.
    /// </summary>
    public partial class InitialCreate
    {
        private static readonly string[] RecordTables =
        [
            "Mechanisms", "RoundSeries", "Rounds", "RoundTopics", "Statements", "StatementTopics", "Topics", "Sources", "Citations",
            "Concerns", "ConcernTopics", "ConcernMentions", "ConcernStatusChanges", "Revisions",
        ];

        private static void CreateSearchAndNotifications(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH CONFIGURATION public.dialoguetracker (COPY = pg_catalog.simple);
                ALTER TEXT SEARCH CONFIGURATION public.dialoguetracker
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "SearchDocuments" (
                    "Id" bigint NOT NULL PRIMARY KEY,
                    "Type" varchar(32) NOT NULL,
                    "RecordId" integer NOT NULL,
                    "Slug" varchar(100) NULL,
                    "Party" varchar(32) NULL,
                    "MechanismId" integer NULL,
                    "Year" integer NULL,
                    "DateEarliest" date NULL,
                    "Date" varchar(64) NULL,
                    "Label" text NOT NULL,
                    "Title" text NOT NULL,
                    "Body" text NULL,
                    "Topics" text NULL,
                    "SearchVector" tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('public.dialoguetracker', translate("Title", '<&', E'\uE000\uE001')), 'A')
                        || setweight(to_tsvector('public.dialoguetracker', translate(coalesce("Topics", ''), '<&', E'\uE000\uE001')), 'B')
                        || setweight(to_tsvector('public.dialoguetracker', translate(coalesce("Body", ''), '<&', E'\uE000\uE001')), 'D')) STORED
                );
                CREATE INDEX "IX_SearchDocuments_SearchVector" ON "SearchDocuments" USING GIN ("SearchVector");
                CREATE TABLE "SearchDocumentTopics" (
                    "TopicId" integer NOT NULL,
                    "DocumentId" bigint NOT NULL,
                    PRIMARY KEY ("TopicId", "DocumentId")
                );
                CREATE INDEX "IX_SearchDocumentTopics_DocumentId" ON "SearchDocumentTopics" ("DocumentId", "TopicId");
                CREATE TABLE "SearchIndexVersion" ("Id" integer NOT NULL PRIMARY KEY CHECK ("Id" = 1), "Version" bigint NOT NULL);
                INSERT INTO "SearchIndexVersion" ("Id", "Version") VALUES (1, 0);

                -- Once per transaction: its changes become visible together at the commit, so one new version covers
                -- them all; updating the row for every statement of a large import would pile up row versions.
                CREATE FUNCTION dt_search_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('dialoguetracker.search_version_bumped', true) IS DISTINCT FROM txid_current()::text THEN
                        UPDATE "SearchIndexVersion" SET "Version" = "Version" + 1;
                        PERFORM set_config('dialoguetracker.search_version_bumped', txid_current()::text, true);
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "SearchDocuments_Version" AFTER INSERT OR UPDATE OR DELETE ON "SearchDocuments"
                    FOR EACH STATEMENT EXECUTE FUNCTION dt_search_version();
                """);

            // One function per kind of record (re)writes the documents of the given records from their current rows.
            migrationBuilder.Sql(Documents("dt_statement_documents", 1, """
                INSERT INTO "SearchDocumentTopics" ("TopicId", "DocumentId")
                SELECT l."TopicsId", l."StatementsId"::bigint * 4 + 1 FROM "StatementTopics" l WHERE l."StatementsId" = ANY (ids);
                """, $"""
                SELECT s."Id"::bigint * 4 + 1, 'statement', s."Id", NULL, s."Party", r."MechanismId", extract(year FROM s."DateEarliest")::integer,
                    s."DateEarliest", s."Date", s."TitleEn",
                    {Lines("s.\"TitleEn\"", "s.\"TitleVi\"")},
                    {Lines("s.\"Speaker\"", "s.\"SpeakerRole\"", "s.\"PartyName\"", "s.\"Occasion\"", "s.\"InResponseTo\"", "s.\"SummaryEn\"", "s.\"SummaryVi\"", "s.\"Quote\"")},
                    {TopicNames("StatementTopics", "StatementsId", "s.\"Id\"")}
                FROM "Statements" s LEFT JOIN "Rounds" r ON r."Id" = s."RoundId"
                WHERE s."Id" = ANY (ids) AND s."DeletedAt" IS NULL
                """));
            migrationBuilder.Sql(Documents("dt_round_documents", 0, """
                INSERT INTO "SearchDocumentTopics" ("TopicId", "DocumentId")
                SELECT l."TopicsId", l."RoundsId"::bigint * 4 FROM "RoundTopics" l WHERE l."RoundsId" = ANY (ids);
                """, $"""
                SELECT r."Id"::bigint * 4, 'round', r."Id", NULL, NULL, r."MechanismId", extract(year FROM r."DateEarliest")::integer,
                    r."DateEarliest", r."Date", r."TitleEn",
                    {Lines("r.\"TitleEn\"", "r.\"TitleVi\"")},
                    {Lines("r.\"Place\"", "r.\"SummaryEn\"", "r.\"SummaryVi\"")},
                    {TopicNames("RoundTopics", "RoundsId", "r.\"Id\"")}
                FROM "Rounds" r
                WHERE r."Id" = ANY (ids) AND r."DeletedAt" IS NULL
                """));
            migrationBuilder.Sql(Documents("dt_topic_documents", 2, """
                INSERT INTO "SearchDocumentTopics" ("TopicId", "DocumentId")
                SELECT t."Id", t."Id"::bigint * 4 + 2 FROM "Topics" t WHERE t."Id" = ANY (ids);
                """, $"""
                SELECT t."Id"::bigint * 4 + 2, 'topic', t."Id", t."Slug", NULL, NULL, NULL, NULL, NULL, t."NameEn",
                    {Lines("t.\"NameEn\"", "t.\"NameVi\"")},
                    {Lines("t.\"DescriptionEn\"", "t.\"DescriptionVi\"")},
                    NULL
                FROM "Topics" t
                WHERE t."Id" = ANY (ids) AND t."DeletedAt" IS NULL
                """));
            // A source's date is EDTF text (2020, 2020-02, 2021?-06-24, a/b): its earliest day is the first end without
            // qualifiers, padded to a whole day; anything else is left undated rather than failing the write.
            const string plain = """replace(replace(replace(rtrim(split_part(o."PublishedOn", '/', 1)), '?', ''), '~', ''), '%', '')""";
            migrationBuilder.Sql(Documents("dt_source_documents", 3, "", $"""
                SELECT o."Id"::bigint * 4 + 3, 'source', o."Id", NULL, NULL, NULL,
                    CASE WHEN {plain} ~ '^[0-9]{"{4}"}' THEN substr({plain}, 1, 4)::integer END,
                    CASE WHEN {plain} ~ '^[0-9]{"{4}"}$' THEN ({plain} || '-01-01')::date
                         WHEN {plain} ~ '^[0-9]{"{4}"}-[0-9]{"{2}"}$' THEN ({plain} || '-01')::date
                         WHEN {plain} ~ '^[0-9]{"{4}"}-[0-9]{"{2}"}-[0-9]{"{2}"}$' THEN {plain}::date END,
                    o."PublishedOn",
                    coalesce(o."Title", o."Key"),
                    coalesce(o."Title", o."Key"),
                    {Lines("o.\"Publisher\"", "o.\"Notes\"")},
                    NULL
                FROM "Sources" o
                WHERE o."Id" = ANY (ids) AND o."DeletedAt" IS NULL
                """));
            // Concerns' documents have ids of their own: minus the concern's id.
            migrationBuilder.Sql("""
                CREATE FUNCTION dt_concern_documents(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM "SearchDocumentTopics" WHERE "DocumentId" = ANY (SELECT -i::bigint FROM unnest(ids) i);
                    INSERT INTO "SearchDocumentTopics" ("TopicId", "DocumentId")
                    SELECT l."TopicsId", -l."ConcernsId"::bigint FROM "ConcernTopics" l WHERE l."ConcernsId" = ANY (ids);
                    DELETE FROM "SearchDocuments" WHERE "Id" = ANY (SELECT -i::bigint FROM unnest(ids) i);
                    INSERT INTO "SearchDocuments" ("Id", "Type", "RecordId", "Slug", "Party", "MechanismId", "Year", "DateEarliest", "Date", "Label", "Title", "Body", "Topics")
                """ + $"""
                    SELECT -c."Id"::bigint, 'concern', c."Id", NULL, c."RaisedBy", NULL, NULL, NULL, NULL, c."TitleEn",
                        {Lines("c.\"TitleEn\"", "c.\"TitleVi\"")},
                        {Lines("c.\"SummaryEn\"", "c.\"SummaryVi\"",
                            $"(SELECT string_agg({Lines("m.\"SummaryEn\"", "m.\"SummaryVi\"", "m.\"Quote\"")}, E'\\n' ORDER BY m.\"Id\") FROM \"ConcernMentions\" m WHERE m.\"ConcernId\" = c.\"Id\")")},
                        {TopicNames("ConcernTopics", "ConcernsId", "c.\"Id\"")}
                    FROM "Concerns" c
                    WHERE c."Id" = ANY (ids) AND c."DeletedAt" IS NULL;
                END $$;
                """);

            // The triggers: each write to a record, or to its links, rewrites the documents it shows in.
            migrationBuilder.Sql("""
                CREATE FUNCTION dt_statements_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM dt_statement_documents(ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD."Id" ELSE NEW."Id" END]);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Statements_Search" AFTER INSERT OR UPDATE OR DELETE ON "Statements" FOR EACH ROW EXECUTE FUNCTION dt_statements_search();

                -- The importer links a new statement to its topics before inserting it (foreign keys deferred): its
                -- own insert then writes its document, links included, once.
                CREATE FUNCTION dt_statement_topics_search() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE statement integer := CASE WHEN TG_OP = 'DELETE' THEN OLD."StatementsId" ELSE NEW."StatementsId" END;
                BEGIN
                    IF TG_OP = 'DELETE' OR EXISTS (SELECT 1 FROM "Statements" WHERE "Id" = statement) THEN
                        PERFORM dt_statement_documents(ARRAY[statement]);
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "StatementTopics_Search" AFTER INSERT OR DELETE ON "StatementTopics" FOR EACH ROW EXECUTE FUNCTION dt_statement_topics_search();

                -- A round moved to another mechanism moves its statements' documents too.
                CREATE FUNCTION dt_rounds_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM dt_round_documents(ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD."Id" ELSE NEW."Id" END]);
                    IF TG_OP = 'UPDATE' AND OLD."MechanismId" IS DISTINCT FROM NEW."MechanismId" THEN
                        PERFORM dt_statement_documents(ARRAY(SELECT "Id" FROM "Statements" WHERE "RoundId" = NEW."Id"));
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Rounds_Search" AFTER INSERT OR UPDATE OR DELETE ON "Rounds" FOR EACH ROW EXECUTE FUNCTION dt_rounds_search();

                CREATE FUNCTION dt_round_topics_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM dt_round_documents(ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD."RoundsId" ELSE NEW."RoundsId" END]);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "RoundTopics_Search" AFTER INSERT OR DELETE ON "RoundTopics" FOR EACH ROW EXECUTE FUNCTION dt_round_topics_search();

                -- A topic's names are part of every document that carries it.
                CREATE FUNCTION dt_topics_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM dt_topic_documents(ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD."Id" ELSE NEW."Id" END]);
                    IF TG_OP = 'UPDATE' AND (OLD."NameEn" IS DISTINCT FROM NEW."NameEn" OR OLD."NameVi" IS DISTINCT FROM NEW."NameVi") THEN
                        PERFORM dt_statement_documents(ARRAY(SELECT "StatementsId" FROM "StatementTopics" WHERE "TopicsId" = NEW."Id"));
                        PERFORM dt_round_documents(ARRAY(SELECT "RoundsId" FROM "RoundTopics" WHERE "TopicsId" = NEW."Id"));
                        PERFORM dt_concern_documents(ARRAY(SELECT "ConcernsId" FROM "ConcernTopics" WHERE "TopicsId" = NEW."Id"));
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Topics_Search" AFTER INSERT OR UPDATE OR DELETE ON "Topics" FOR EACH ROW EXECUTE FUNCTION dt_topics_search();

                CREATE FUNCTION dt_sources_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM dt_source_documents(ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD."Id" ELSE NEW."Id" END]);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Sources_Search" AFTER INSERT OR UPDATE OR DELETE ON "Sources" FOR EACH ROW EXECUTE FUNCTION dt_sources_search();

                CREATE FUNCTION dt_concerns_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM dt_concern_documents(ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD."Id" ELSE NEW."Id" END]);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Concerns_Search" AFTER INSERT OR UPDATE OR DELETE ON "Concerns" FOR EACH ROW EXECUTE FUNCTION dt_concerns_search();

                CREATE FUNCTION dt_concern_topics_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM dt_concern_documents(ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD."ConcernsId" ELSE NEW."ConcernsId" END]);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "ConcernTopics_Search" AFTER INSERT OR DELETE ON "ConcernTopics" FOR EACH ROW EXECUTE FUNCTION dt_concern_topics_search();

                CREATE FUNCTION dt_concern_mentions_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM dt_concern_documents(ARRAY[NEW."ConcernId"]);
                    ELSIF TG_OP = 'DELETE' THEN
                        PERFORM dt_concern_documents(ARRAY[OLD."ConcernId"]);
                    ELSIF ROW(OLD."SummaryEn", OLD."SummaryVi", OLD."Quote", OLD."ConcernId") IS DISTINCT FROM ROW(NEW."SummaryEn", NEW."SummaryVi", NEW."Quote", NEW."ConcernId") THEN
                        PERFORM dt_concern_documents(ARRAY[OLD."ConcernId", NEW."ConcernId"]);
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "ConcernMentions_Search" AFTER INSERT OR UPDATE OR DELETE ON "ConcernMentions" FOR EACH ROW EXECUTE FUNCTION dt_concern_mentions_search();
                """);

            migrationBuilder.Sql("""
                CREATE FUNCTION dt_notify_records_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- Delivered at the commit, once per transaction however many rows it wrote.
                    PERFORM pg_notify('dialoguetracker_records', '');
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in RecordTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_Notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"
                        FOR EACH STATEMENT EXECUTE FUNCTION dt_notify_records_changed();
                    """);
            }

            migrationBuilder.Sql("""
                DO $$
                DECLARE c record;
                BEGIN
                    FOR c IN SELECT conrelid::regclass AS tbl, conname FROM pg_constraint
                             WHERE contype = 'f' AND connamespace = current_schema()::regnamespace LOOP
                        EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE', c.tbl, c.conname);
                    END LOOP;
                END $$;
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Statements_DateOrder" ON "Statements" (("DateEarliest" IS NULL), "DateEarliest", "DateLatest", "Id") WHERE "DeletedAt" IS NULL;
                CREATE INDEX "IX_Rounds_DateOrder" ON "Rounds" (("DateEarliest" IS NULL), "DateEarliest", "DateLatest", "Id") WHERE "DeletedAt" IS NULL;
                """);
        }

        private static void DropSearchAndNotifications(MigrationBuilder migrationBuilder)
        {
            foreach (var table in RecordTables)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_Notify\" ON \"{table}\";");
            }

            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS dt_notify_records_changed() CASCADE;
                DROP FUNCTION IF EXISTS dt_statements_search(), dt_statement_topics_search(), dt_rounds_search(), dt_round_topics_search(),
                    dt_topics_search(), dt_sources_search(), dt_concerns_search(), dt_concern_topics_search(), dt_concern_mentions_search() CASCADE;
                DROP FUNCTION IF EXISTS dt_statement_documents(integer[]), dt_round_documents(integer[]), dt_topic_documents(integer[]),
                    dt_source_documents(integer[]), dt_concern_documents(integer[]);
                DROP TABLE IF EXISTS "SearchDocuments", "SearchDocumentTopics", "SearchIndexVersion";
                DROP FUNCTION IF EXISTS dt_search_version();
                DROP TEXT SEARCH CONFIGURATION IF EXISTS public.dialoguetracker;
                """);
        }

        /// <summary>A function that rewrites the documents (id × 4 + <paramref name="offset"/>) of the records with the given ids.</summary>
        private static string Documents(string name, int offset, string topicLinks, string select) => $$"""
            CREATE FUNCTION {{name}}(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                DELETE FROM "SearchDocumentTopics" WHERE "DocumentId" = ANY (SELECT i::bigint * 4 + {{offset}} FROM unnest(ids) i);
                {{topicLinks}}
                DELETE FROM "SearchDocuments" WHERE "Id" = ANY (SELECT i::bigint * 4 + {{offset}} FROM unnest(ids) i);
                INSERT INTO "SearchDocuments" ("Id", "Type", "RecordId", "Slug", "Party", "MechanismId", "Year", "DateEarliest", "Date", "Label", "Title", "Body", "Topics")
                {{select}};
            END $$;
            """;

        // The non-empty parts, one a line; null when all are empty.
        private static string Lines(params string[] parts) => $"nullif(concat_ws(E'\\n', {string.Join(", ", parts)}), '')";

        private static string TopicNames(string linkTable, string recordColumn, string recordId) =>
            $"(SELECT string_agg(t.\"NameEn\" || E'\\n' || t.\"NameVi\", E'\\n' ORDER BY t.\"Id\") FROM \"{linkTable}\" l JOIN \"Topics\" t ON t.\"Id\" = l.\"TopicsId\" WHERE l.\"{recordColumn}\" = {recordId})";
    }
}
