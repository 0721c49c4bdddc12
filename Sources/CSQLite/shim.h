#include <sqlite3.h>

/// Turns off double-quoted string literals on `db` (a double-quoted word is then always a name, never text).
/// sqlite3_db_config is variadic, which Swift cannot call.
static inline void graphperm_sqlite_disable_dqs(sqlite3 *db) {
#ifdef SQLITE_DBCONFIG_DQS_DML
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, (void *)0);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, (void *)0);
#endif
}
