-- Step 4, incremental disclosure: the public pages as rendered, served from here. One script for H2 (MySQL mode) and
-- MySQL/MariaDB.

-- Every public page by its path in the site (index.html, 510824105/index.html, notices/NTC-1.html|.json|.csv): the
-- bytes served and written to the static site, their SHA-256 and content type, the notices the page links to (one id a
-- line, for the static site to follow), and which state of the ledger it shows: event_index is the global index of the
-- event store up to which the page re-renderer (processing group "disclosure-pages") had handled every event when the
-- page was rendered; renderer is the fingerprint of the rendering code and settings (a page of another renderer is
-- rendered again before it is served). Written by the re-renderer (a write never lowers event_index) and, for a page
-- not stored yet, by the first request for it. Rebuildable: resetting "disclosure-pages" empties it and replays.
CREATE TABLE public_page (
    path           VARCHAR(200) NOT NULL,
    content        LONGBLOB     NOT NULL,
    content_sha256 VARCHAR(64)  NOT NULL,
    content_type   VARCHAR(64)  NOT NULL,
    linked_notices LONGTEXT     NOT NULL,
    event_index    BIGINT       NOT NULL,
    rendered_at    DATETIME(6)  NOT NULL,
    renderer       VARCHAR(64)  NOT NULL,
    PRIMARY KEY (path)
);
