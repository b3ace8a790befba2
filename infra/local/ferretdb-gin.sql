-- GIN indexes for FerretDB's tables, made in the same transaction as the table or index they serve.
--
-- FerretDB 1.24 pushes an equality on a top-level field (on _id too) down to PostgreSQL as
-- `_jsonb->'f' @> '"v"'`, which its own btree indexes on `(_jsonb->'f')` cannot serve (FerretDB
-- issue #4646): without a GIN index on the same expression even a find by _id scans the table.
-- The services mirror their indexes as GIN now and then (libs/platform ferretdb-gin-indexes.ts),
-- but a collection first written mid-season was scanned until the next look: in a 1,000-candidate
-- season the jury's burst read 3.1 million rows in 33 s through such tables. This trigger gives
-- every new FerretDB table a GIN index on _id, and every btree FerretDB builds on top-level fields
-- a GIN twin, named as ferretdb-gin-indexes.ts names them (so either finds the other's in place).
-- Run by up.sh as the superuser, in FerretDB's database; running it again changes nothing.

CREATE OR REPLACE FUNCTION admissions_gin_index_name(tbl text, field text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT left(tbl, 32) || '_' || left(regexp_replace(lower(field), '[^a-z0-9]+', '_', 'g'), 16) || '_gin_' ||
         left(encode(sha256(convert_to(tbl, 'UTF8') || '\x00'::bytea || convert_to(field, 'UTF8')), 'hex'), 8)
$$;

-- A collection's table holds each document in one jsonb column, _jsonb; FerretDB's catalogue
-- (_ferretdb_database_metadata) is read by its own means.
CREATE OR REPLACE FUNCTION admissions_is_collection(tbl regclass) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = tbl AND attname = '_jsonb')
     AND NOT EXISTS (SELECT 1 FROM pg_class WHERE oid = tbl AND relname LIKE '\_ferretdb\_%')
$$;

CREATE OR REPLACE FUNCTION admissions_gin_for_ferretdb() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  command record;
  tbl regclass;
  field text;
BEGIN
  FOR command IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
    IF command.command_tag = 'CREATE TABLE' AND command.object_type = 'table' THEN
      tbl := command.objid;
      CONTINUE WHEN NOT admissions_is_collection(tbl);
      PERFORM admissions_create_gin(tbl, '_id');
    ELSIF command.command_tag = 'CREATE INDEX' AND command.object_type = 'index' THEN
      SELECT indrelid INTO tbl FROM pg_index WHERE indexrelid = command.objid;
      CONTINUE WHEN NOT admissions_is_collection(tbl) OR pg_get_indexdef(command.objid) NOT LIKE '%USING btree%';
      FOR field IN
        -- A top-level field only, `(_jsonb -> 'f'::text)`: FerretDB pushes no dotted path down
        -- (`(_jsonb -> 'f'::text) -> 'g'::text`), so an index on one would only cost writes.
        SELECT replace(m[1], '''''', '''')
          FROM regexp_matches(pg_get_indexdef(command.objid), '_jsonb -> ''((?:[^'']|'''')+)''::text\)(?! ->)', 'g') AS m
      LOOP
        PERFORM admissions_create_gin(tbl, field);
      END LOOP;
    END IF;
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION admissions_create_gin(tbl regclass, field text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  schema_name text;
  table_name text;
BEGIN
  SELECT n.nspname, c.relname INTO schema_name, table_name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = tbl;
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin ((_jsonb->%L))',
                 admissions_gin_index_name(table_name, field), schema_name, table_name, field);
END
$$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = 'admissions_gin_for_ferretdb') THEN
    CREATE EVENT TRIGGER admissions_gin_for_ferretdb ON ddl_command_end
      WHEN TAG IN ('CREATE TABLE', 'CREATE INDEX')
      EXECUTE FUNCTION admissions_gin_for_ferretdb();
  END IF;
END
$$;
