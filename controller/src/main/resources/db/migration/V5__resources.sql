-- Resource providers (one row per name: flynn-host registers its appliances again at each start)
-- and the resources they provisioned, linked to apps. A deleted resource keeps its row (events
-- refer to it) with deleted_at set; its app links go away.

CREATE TABLE providers (
  provider_id uuid PRIMARY KEY,
  name        text NOT NULL UNIQUE CHECK (name <> ''),
  url         text NOT NULL CHECK (url <> ''),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE resources (
  resource_id uuid PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES providers (provider_id),
  external_id text NOT NULL,
  env         jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now(),
  deleted_at  timestamptz
);
CREATE INDEX ON resources (provider_id) WHERE deleted_at IS NULL;

CREATE TABLE app_resources (
  app_id      uuid NOT NULL REFERENCES apps (app_id),
  resource_id uuid NOT NULL REFERENCES resources (resource_id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (app_id, resource_id)
);
CREATE INDEX ON app_resources (resource_id);
