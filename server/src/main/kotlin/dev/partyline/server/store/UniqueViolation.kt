package dev.partyline.server.store

import org.sqlite.SQLiteErrorCode
import org.sqlite.SQLiteException
import java.sql.SQLException

/** Whether [e] (or a cause of it) is a unique constraint failing: PostgreSQL's SQLState 23505, SQLite's unique or primary key constraint. */
internal fun isUniqueViolation(e: Throwable): Boolean = generateSequence(e) { it.cause }.filterIsInstance<SQLException>().any {
    it.sqlState == "23505" || (it as? SQLiteException)?.resultCode in SQLITE_UNIQUE
}

private val SQLITE_UNIQUE = setOf(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE, SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)
