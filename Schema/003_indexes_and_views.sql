-- The other indexes, and views that join the names in (applied after every fact is inserted).

CREATE INDEX permission_by_name_nocase ON permission (name COLLATE NOCASE);
CREATE INDEX permission_scheme_by_guid ON permission_scheme (guid);
-- `permissions where resource = ...` (the language compares resources without case).
CREATE INDEX permission_by_resource ON permission (resource COLLATE NOCASE);

-- Grants with names instead of IDs.
CREATE VIEW grant_detail AS
SELECT p.name AS permission, s.name AS scheme, g.method, t.template, g.is_least, g.also_requires, g.source
FROM grants g
JOIN permission p ON p.id = g.permission_id
JOIN scheme s ON s.id = g.scheme_id
JOIN path_template t ON t.id = g.template_id;

-- Permissions per scheme with names instead of IDs.
CREATE VIEW permission_detail AS
SELECT p.name, p.resource, p.operation, p.name_constraint, s.name AS scheme, ps.guid, ps.admin_display_name,
       ps.user_display_name, ps.requires_admin_consent, ps.privilege_level, ps.is_enabled, ps.is_hidden,
       ps.tier, ps.tier_for_user, ps.tier_basis, ps.tier_source
FROM permission_scheme ps
JOIN permission p ON p.id = ps.permission_id
JOIN scheme s ON s.id = ps.scheme_id;
