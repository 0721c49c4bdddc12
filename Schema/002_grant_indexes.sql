-- Indexes of the grants and their templates, applied once every grant is inserted (faster than indexing row by
-- row; the other files' facts may still be on their way).

CREATE INDEX path_template_by_match_key ON path_template (match_key);
CREATE INDEX grants_by_template ON grants (template_id);
CREATE INDEX grants_by_permission ON grants (permission_id);
