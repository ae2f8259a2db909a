-- The controller's state: apps, artifacts, releases, formations, scale requests, jobs and the
-- event log every change writes in the same transaction.

CREATE TABLE apps (
  app_id         uuid PRIMARY KEY,
  name           text NOT NULL,
  meta           jsonb NOT NULL DEFAULT '{}',
  strategy       text NOT NULL,
  release_id     uuid,
  deploy_timeout integer NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  deleted_at     timestamptz
);
CREATE UNIQUE INDEX apps_name_idx ON apps (name) WHERE deleted_at IS NULL;

CREATE TABLE artifacts (
  artifact_id        uuid PRIMARY KEY,
  type               text NOT NULL,
  uri                text NOT NULL,
  meta               jsonb,
  manifest           jsonb,
  hashes             jsonb,
  size               bigint,
  layer_url_template text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (type, uri)
);

CREATE TABLE releases (
  release_id uuid PRIMARY KEY,
  app_id     uuid REFERENCES apps (app_id),
  env        jsonb,
  meta       jsonb,
  processes  jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON releases (app_id);

CREATE TABLE release_artifacts (
  release_id  uuid NOT NULL REFERENCES releases (release_id),
  artifact_id uuid NOT NULL REFERENCES artifacts (artifact_id),
  index       integer NOT NULL,
  PRIMARY KEY (release_id, index)
);

ALTER TABLE apps ADD FOREIGN KEY (release_id) REFERENCES releases (release_id);

CREATE TABLE formations (
  app_id     uuid NOT NULL REFERENCES apps (app_id),
  release_id uuid NOT NULL REFERENCES releases (release_id),
  processes  jsonb,
  tags       jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (app_id, release_id)
);
CREATE INDEX ON formations (updated_at);

CREATE TABLE scale_requests (
  scale_request_id uuid PRIMARY KEY,
  app_id           uuid NOT NULL REFERENCES apps (app_id),
  release_id       uuid NOT NULL REFERENCES releases (release_id),
  state            text NOT NULL CHECK (state IN ('pending', 'cancelled', 'complete')),
  old_processes    jsonb,
  new_processes    jsonb,
  old_tags         jsonb,
  new_tags         jsonb,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON scale_requests (app_id, release_id) WHERE state = 'pending';

CREATE TABLE jobs (
  job_uuid     text PRIMARY KEY,
  job_id       text,
  host_id      text,
  app_id       uuid NOT NULL REFERENCES apps (app_id),
  release_id   uuid REFERENCES releases (release_id),
  process_type text,
  state        text NOT NULL
               CHECK (state IN ('pending', 'blocked', 'starting', 'up', 'stopping', 'down', 'crashed', 'failed')),
  args         jsonb,
  volumes      jsonb,
  meta         jsonb,
  exit_status  integer,
  host_error   text,
  run_at       timestamptz,
  restarts     integer,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON jobs (job_id);
CREATE INDEX ON jobs (app_id);
CREATE INDEX ON jobs (state) WHERE state IN ('pending', 'starting', 'up');

CREATE TABLE events (
  event_id    bigserial PRIMARY KEY,
  app_id      uuid REFERENCES apps (app_id),
  object_type text NOT NULL,
  object_id   text NOT NULL,
  unique_id   text UNIQUE,
  data        jsonb,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON events (app_id, event_id);
CREATE INDEX ON events (object_type, event_id);

-- Listeners are told the new event id once the inserting transaction commits (NOTIFY is
-- delivered at commit), so a stream never reads a row that is not yet visible.
CREATE FUNCTION notify_event() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('events', NEW.event_id::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER notify_event AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION notify_event();

