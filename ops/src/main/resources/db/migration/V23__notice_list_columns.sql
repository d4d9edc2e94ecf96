-- The township's and village's pages list their notices (the newest on the page, the rest on the pages by year)
-- without reading each notice's published bytes: a list shows a notice's title, kind, date and period, and the
-- period was held only inside the bytes. It is kept beside them now. One script for H2 (MySQL mode) and
-- MySQL/MariaDB.
--
-- As in V11, the read model is rebuilt from the events rather than filled from the bytes here (SQL cannot read the
-- JSON the same way on both databases): its rows and its processor's token are removed, and the processing group
-- "notices" replays every event when the ledger starts. The pages are rebuilt likewise (group "disclosure-pages";
-- a page asked for before is rendered on request), so that no stored page lists notices of the old read model.
DELETE FROM notice_objection_view;
DELETE FROM notice_appropriation;
DELETE FROM notice_view;
DELETE FROM public_page;
DELETE FROM token_entry WHERE processor_name IN ('notices', 'disclosure-pages');

-- the first and last day of the notice's period (公示期), as its published content states them
ALTER TABLE notice_view ADD COLUMN period_start DATE NOT NULL;
ALTER TABLE notice_view ADD COLUMN period_end DATE NOT NULL;
