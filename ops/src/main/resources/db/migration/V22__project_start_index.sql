-- The county's pages by year (docs/api.md, "Public pages"): one year's projects are those starting in it, read along
-- this index in the pages' order (start date, then id), so a year costs the same however many years came before.
CREATE INDEX idx_project_view_start ON project_view (start_date, project_id);
