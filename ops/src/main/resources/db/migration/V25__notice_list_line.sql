-- Step 8, notice lists that name what differs: a list of notices shows, beside each title, the township, village,
-- project and amount the notice states (NoticeListLine), so that a village's twenty grant lists read as twenty
-- different lines. They were held only inside the published bytes; they are kept beside them now. One script for H2
-- (MySQL mode) and MySQL/MariaDB. Each is NULL when the notice does not state it (a county allocation names no
-- village).
--
-- As in V11 and V23, the read model is rebuilt from the events rather than filled from the bytes here (SQL cannot
-- read the JSON the same way on both databases): its rows and its processor's token are removed, and the processing
-- group "notices" replays every event when the ledger starts, filling the new columns from each notice's published
-- content. The pages are rebuilt likewise (group "disclosure-pages"), so that no stored page lists notices without
-- them.
DELETE FROM notice_objection_view;
DELETE FROM notice_appropriation;
DELETE FROM notice_view;
DELETE FROM public_page_pending;
DELETE FROM public_page;
DELETE FROM token_entry WHERE processor_name IN ('notices', 'disclosure-pages');

ALTER TABLE notice_view ADD COLUMN list_township VARCHAR(100);
ALTER TABLE notice_view ADD COLUMN list_village VARCHAR(100);
ALTER TABLE notice_view ADD COLUMN list_project VARCHAR(100);
ALTER TABLE notice_view ADD COLUMN list_amount VARCHAR(100);
