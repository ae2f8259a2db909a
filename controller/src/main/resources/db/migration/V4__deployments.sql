-- Deployments (Flynn's columns) with their status stored, so the deploy worker can pick pending
-- ones and resume running ones after a restart. rollback_error is set once a deployment failed and
-- its rollback began: a restarted worker then finishes the rollback instead of going forward.

CREATE TABLE deployments (
  deployment_id     uuid PRIMARY KEY,
  app_id            uuid NOT NULL REFERENCES apps (app_id),
  old_release_id    uuid REFERENCES releases (release_id),
  new_release_id    uuid NOT NULL REFERENCES releases (release_id),
  strategy          text NOT NULL,
  status            text NOT NULL CHECK (status IN ('pending', 'running', 'complete', 'failed')),
  processes         jsonb,
  tags              jsonb,
  deploy_timeout    integer NOT NULL,
  deploy_batch_size integer,
  type              text NOT NULL CHECK (type IN ('code', 'config')),
  rollback_error    text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  finished_at       timestamptz
);
CREATE INDEX ON deployments (app_id, created_at);

-- One deployment in progress per app (Flynn's isolate_deploys).
CREATE UNIQUE INDEX isolate_deploys ON deployments (app_id) WHERE status IN ('pending', 'running');
