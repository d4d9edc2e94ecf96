-- Step 7, the re-renderer at county scale: pages noted for rendering rather than rendered at once. One script for H2
-- (MySQL mode) and MySQL/MariaDB.
--
-- When the re-renderer of the public pages (processing group "disclosure-pages") is far behind the event store's head
-- (after an upgrade that rebuilds the pages, a replay, or a long stop), rendering each page once per batch of events
-- would render the same county, township and village pages thousands of times on the way. It notes them here instead
-- (in the same place in the stream, before its token moves past their events) and renders each noted page once, at the
-- head (PendingPageRenderer). A row is a page whose stored bytes do not yet show events first_event..last_event of the
-- store (global indexes); it goes once the page is stored rendered at last_event or later. Rebuildable: resetting
-- "disclosure-pages" empties it with public_page.
CREATE TABLE public_page_pending (
    path        VARCHAR(200) NOT NULL,
    first_event BIGINT       NOT NULL,
    last_event  BIGINT       NOT NULL,
    PRIMARY KEY (path)
);
