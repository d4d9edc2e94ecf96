-- Step 5 (issue 11, item 2): a notice's pages come from the bytes its publication event recorded. Revision 2 of
-- NoticePublishedEvent holds the notice's canonical JSON as published (and the names of its kind and level it was
-- published with); the notices read model keeps those bytes instead of a JSON copy of the content, and reads the
-- content back from them, so no page of a notice can differ from what was hashed. One script for H2 (MySQL mode)
-- and MySQL/MariaDB.
--
-- The read model is rebuilt from the events: its rows and its processor's tokens are removed, and the processing
-- group "notices" replays every event when the ledger starts (older publication events are read through the
-- upcaster from revision 1, which renders their JSON again and accepts it only if it hashes to the recorded SHA-256).
-- The public pages are rebuilt the same way (group "disclosure-pages"; a page asked for before is rendered on
-- request), so that no stored page shows a notice of the old read model.
DELETE FROM notice_objection_view;
DELETE FROM notice_appropriation;
DELETE FROM notice_view;
DELETE FROM public_page;
DELETE FROM token_entry WHERE processor_name IN ('notices', 'disclosure-pages');

ALTER TABLE notice_view DROP COLUMN content_json;
-- the notice exactly as published: its canonical JSON (UTF-8), whose SHA-256 is content_sha256
ALTER TABLE notice_view ADD COLUMN published_json LONGBLOB NOT NULL;
-- the names of its kind (资金分配公告, …) and level (县, 乡镇, 村) it was published with
ALTER TABLE notice_view ADD COLUMN kind_name VARCHAR(100) NOT NULL;
ALTER TABLE notice_view ADD COLUMN level_name VARCHAR(32) NOT NULL;
