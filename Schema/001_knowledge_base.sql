-- graphperm knowledge base, schema version 3 (PRAGMA user_version = 3).
-- Files in this folder are applied in name order, in one transaction, to a new database: the tables first;
-- 002 indexes the grants once they are inserted, 003 adds the other indexes and views once every fact is
-- (faster than indexing row by row). Every table can be read with the sqlite3 shell; the views join the names in.

-- The three permission types, in Microsoft's table order.
CREATE TABLE scheme (
    id         INTEGER PRIMARY KEY,          -- 1 DelegatedWork, 2 DelegatedPersonal, 3 Application
    name       TEXT NOT NULL UNIQUE,         -- DelegatedWork | DelegatedPersonal | Application
    docs_label TEXT NOT NULL                 -- "Delegated (work or school account)" ...
);

-- One row per permission name, from any input file. The name is split per Microsoft's pattern
-- {resource}.{operation}.{constraint}.
CREATE TABLE permission (
    id              INTEGER PRIMARY KEY,     -- those that can have grants first, then the others; each group in kibali order
    name            TEXT NOT NULL UNIQUE,    -- Mail.Read, User.ReadWrite.All, offline_access
    resource        TEXT NOT NULL,           -- Mail
    operation       TEXT,                    -- Read (NULL when the name has no '.')
    name_constraint TEXT,                    -- All, OwnedBy, Selected ... (NULL when absent)
    kibali_rank     INTEGER NOT NULL         -- position in Microsoft's name order (ICU collation)
);

-- A permission as it exists in one scheme: its ID and consent texts.
CREATE TABLE permission_scheme (
    permission_id          INTEGER NOT NULL REFERENCES permission (id),
    scheme_id              INTEGER NOT NULL REFERENCES scheme (id),
    guid                   TEXT,             -- lower-case GUID (appRole id or oauth2PermissionScope id)
    admin_display_name     TEXT,
    admin_description      TEXT,
    user_display_name      TEXT,
    user_description       TEXT,
    requires_admin_consent INTEGER,          -- 0/1, NULL when no file says
    privilege_level        INTEGER,          -- 1 (low) to 5 (high), as the permissions document gives it
    is_enabled             INTEGER,
    is_hidden              INTEGER,
    environment            TEXT,             -- provisioningInfo's environment list, e.g. "public;FairFax"
    resource_app_id        TEXT,             -- provisioningInfo's resourceAppId when not empty
    tier                   INTEGER,          -- risk tier 0-2 (Data/tiers.json); delegated: when an admin signs in
    tier_for_user          INTEGER,          -- risk tier when a user without an admin role signs in
    tier_basis             TEXT,             -- explicit | rule | default
    tier_source            TEXT,             -- the rule's id, the permission's name (explicit) or default
    PRIMARY KEY (permission_id, scheme_id)
) WITHOUT ROWID;

-- Path templates exactly as Microsoft writes them, with the key the matcher compares.
CREATE TABLE path_template (
    id        INTEGER PRIMARY KEY,
    template  TEXT NOT NULL,                 -- /users/{id}/messages (each once: the loader makes them distinct)
    match_key TEXT NOT NULL                  -- /users/{}/messages (lower case, parameters unnamed)
);

-- Which permission, in which scheme, allows which HTTP method on which template.
CREATE TABLE grants (
    id            INTEGER PRIMARY KEY,
    permission_id INTEGER NOT NULL REFERENCES permission (id),
    scheme_id     INTEGER NOT NULL REFERENCES scheme (id),
    method        TEXT NOT NULL,             -- GET POST PUT PATCH DELETE
    template_id   INTEGER NOT NULL REFERENCES path_template (id),
    is_least      INTEGER NOT NULL,          -- 1 when the document marks it least privileged (least=...)
    also_requires TEXT NOT NULL DEFAULT '',  -- AlsoRequires=... partners, comma-separated; any one of them
    claim_order   INTEGER NOT NULL,          -- Microsoft's index order: (permission_id - 1) * 1000 + pathSet index
    source        TEXT NOT NULL              -- document | security-table
);

-- The Graph Security API authorization table (Permission | Entity | Supported requests).
CREATE TABLE security_entity (
    id              INTEGER PRIMARY KEY,     -- the row's place in the table
    permission_name TEXT NOT NULL,
    entity          TEXT NOT NULL,           -- alerts, secureScores, tiIndicator ...
    resource_path   TEXT NOT NULL,           -- /security/alerts
    methods         TEXT NOT NULL,           -- space-separated: GET POST PATCH
    is_preview      INTEGER NOT NULL,
    doc_link        TEXT NOT NULL
);

-- Microsoft Entra built-in roles (the wids claim holds their role template IDs); security_api is the place of the
-- three that the Security API accepts for delegated tokens in Microsoft's authorization table (1-3), NULL for the others.
CREATE TABLE admin_role (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    role_template_id TEXT NOT NULL UNIQUE,
    security_api     INTEGER                -- 1-3, or NULL
);

-- Each file that went into this knowledge base.
CREATE TABLE provenance (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,                 -- permissions-document | provisioning-info | permission-descriptions | service-principal | security-entities | admin-roles
    path      TEXT NOT NULL,
    size      INTEGER NOT NULL,              -- bytes
    sha256    TEXT NOT NULL,
    loaded_at TEXT NOT NULL                  -- ISO 8601, UTC
);

-- Conflicts noticed while merging the files (two IDs for one name and scheme, duplicate entries ...).
CREATE TABLE load_warning (
    id      INTEGER PRIMARY KEY,
    message TEXT NOT NULL
);
