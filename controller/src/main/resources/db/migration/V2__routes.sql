-- Routes (Flynn's router tables, merged into the controller as Flynn did in 2019) and the TLS
-- certificates they use. A certificate is its own row, shared by every route that presents it.
-- Route writes also take an advisory lock (see RouteStore), so checks that span rows (a path
-- route needs its domain's default route, the lowest free TCP port) see a stable table; the
-- unique indexes below are the last line of defence.

CREATE TABLE certificates (
  certificate_id uuid PRIMARY KEY,
  cert           text NOT NULL,
  key            text NOT NULL,
  cert_sha256    bytea NOT NULL UNIQUE,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE http_routes (
  route_id            uuid PRIMARY KEY,
  parent_ref          text NOT NULL,
  service             text NOT NULL CHECK (service <> ''),
  domain              text NOT NULL CHECK (domain <> ''),
  path                text NOT NULL DEFAULT '/' CHECK (path LIKE '/%'),
  leader              boolean NOT NULL DEFAULT false,
  sticky              boolean NOT NULL DEFAULT false,
  drain_backends      boolean NOT NULL DEFAULT true,
  disable_keep_alives boolean NOT NULL DEFAULT false,
  certificate_id      uuid REFERENCES certificates (certificate_id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (domain, path)
);
CREATE INDEX ON http_routes (parent_ref);
CREATE INDEX ON http_routes (certificate_id);

CREATE TABLE tcp_routes (
  route_id       uuid PRIMARY KEY,
  parent_ref     text NOT NULL,
  service        text NOT NULL CHECK (service <> ''),
  port           integer NOT NULL UNIQUE CHECK (port > 0 AND port < 65536),
  leader         boolean NOT NULL DEFAULT false,
  drain_backends boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON tcp_routes (parent_ref);
