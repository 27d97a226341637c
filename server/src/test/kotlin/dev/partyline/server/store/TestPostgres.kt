package dev.partyline.server.store

import java.sql.DriverManager

/**
 * A real PostgreSQL server for the store specs: the one `PARTYLINE_TEST_DATABASE_URL` names
 * (`postgresql://user:password@host:port/db`, a user who may create databases), or else a
 * throwaway one this JVM starts from Debian's `postgresql` binaries on a temporary directory and
 * a free port ([PostgresCluster]), and stops when it exits. Each [freshDatabase] is a new, empty database on it.
 */
object TestPostgres {
    private val admin: DatabaseUrl by lazy { System.getenv(ENV)?.let(DatabaseUrl::parse) ?: startThrowaway() }
    private var databases = 0

    /** The URL of a new, empty database, as `--database-url` takes it. */
    @Synchronized
    fun freshDatabase(): String {
        val name = "partyline_${ProcessHandle.current().pid()}_${++databases}"
        DriverManager.getConnection(admin.jdbcUrl, admin.user, admin.password).use { it.createStatement().execute("CREATE DATABASE $name") }
        val base = admin.jdbcUrl.removePrefix("jdbc:").substringBeforeLast('/')
        val credentials = admin.user?.let { user -> user + (admin.password?.let { ":$it" } ?: "") + "@" }.orEmpty()
        return base.replaceFirst("postgresql://", "postgresql://$credentials") + "/" + name
    }

    /** Drops the database at [url] (made by [freshDatabase]) with its connections: to a server using it, the database has gone away. */
    fun dropDatabase(url: String) {
        val name = url.substringAfterLast('/')
        DriverManager.getConnection(admin.jdbcUrl, admin.user, admin.password).use { it.createStatement().execute("DROP DATABASE $name WITH (FORCE)") }
    }

    private fun startThrowaway(): DatabaseUrl = DatabaseUrl.parse(PostgresCluster.create().url)

    private const val ENV = "PARTYLINE_TEST_DATABASE_URL"
}
