-- Persistent volumes of jobs (Flynn's ct.Volume): written by the scheduler, which places them;
-- decommissioned when their app is deleted, destroyed once their host has removed them.
CREATE TABLE volumes (
  volume_id         text PRIMARY KEY,
  host_id           text NOT NULL,
  type              text NOT NULL DEFAULT 'data',
  state             text NOT NULL CHECK (state IN ('pending', 'created', 'destroyed')),
  app_id            uuid REFERENCES apps (app_id),
  release_id        uuid REFERENCES releases (release_id),
  job_id            text,
  job_type          text,
  path              text,
  delete_on_stop    boolean NOT NULL DEFAULT false,
  meta              jsonb,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  decommissioned_at timestamptz
);
CREATE INDEX ON volumes (app_id);
