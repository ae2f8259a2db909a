-- Per-route HTTP -> HTTPS redirect (not in Flynn's router): the router answers plain-HTTP
-- requests on such a route with a 308 to the same URL over https.
ALTER TABLE http_routes ADD COLUMN https_redirect boolean NOT NULL DEFAULT false;
