-- An objection dismissed as a duplicate of another (重复异议) names the original in the notices read model, so that the
-- officers' list and the public page can say so. Filled by the processing group "notices" from
-- ObjectionDismissedAsDuplicateEvent; NULL for every other objection.
ALTER TABLE notice_objection_view ADD COLUMN duplicate_of VARCHAR(64);
