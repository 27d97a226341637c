package dev.partyline.server.store

import com.zaxxer.hikari.HikariConfig
import com.zaxxer.hikari.HikariDataSource
import dev.partyline.server.base.ServerConfig
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.async
import kotlinx.coroutines.cancel
import kotlinx.coroutines.withTimeout
import org.flywaydb.core.Flyway
import org.jdbi.v3.core.Handle
import org.jdbi.v3.core.Jdbi
import org.jdbi.v3.core.JdbiException
import org.slf4j.LoggerFactory
import java.nio.file.Files
import java.nio.file.Path
import java.sql.SQLException
import java.sql.SQLTransientConnectionException

/**
 * The database every store shares: a connection pool (HikariCP), the schema migrated by Flyway
 * when it opens, and [transaction], which runs SQL (through Jdbi) on threads of its own with a
 * deadline, so no caller ever waits on the database longer than [timeoutMillis].
 *
 * Embedded by default (SQLite in a directory); PostgreSQL when given a [DatabaseUrl]. Both get
 * the same migrations and the same SQL; [kind] says which (`sqlite`, `postgresql`).
 */
class Database private constructor(private val pool: HikariDataSource, val kind: String, private val timeoutMillis: Long) : AutoCloseable {
    private val jdbi: Jdbi = Jdbi.create(pool)
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO.limitedParallelism(pool.maximumPoolSize))

    /**
     * Runs [block] in one transaction and returns its result. A database that is down, or slower
     * than the deadline, fails with [StoreUnavailable]; the call then goes on alone until JDBC's
     * own timeouts end it, and its transaction commits only if it finishes.
     */
    suspend fun <T> transaction(block: (Handle) -> T): T {
        val call = scope.async { jdbi.inTransaction<T, Exception> { block(it) } }
        return try {
            withTimeout(timeoutMillis) { call.await() }
        } catch (e: TimeoutCancellationException) {
            throw StoreUnavailable("the database did not answer within $timeoutMillis ms", e)
        } catch (e: JdbiException) {
            if (generateSequence<Throwable>(e) { it.cause }.any { it is SQLException && isConnectionFailure(it) }) {
                throw StoreUnavailable("the database cannot be reached", e)
            }
            throw e
        }
    }

    /** Whether the database answers a trivial query now, within the deadline. */
    suspend fun answers(): Boolean = runCatching { transaction { it.createQuery("SELECT 1").mapTo(Int::class.java).one() } }.isSuccess

    override fun close() {
        scope.cancel()
        pool.close()
    }

    companion object {
        /** The database [config] names: PostgreSQL at its `databaseUrl`, else the embedded one in its `dataDir`. */
        fun open(config: ServerConfig): Database =
            config.databaseUrl?.let { postgres(DatabaseUrl.parse(it), config.storeTimeoutMillis) } ?: embedded(Path.of(config.dataDir), config.storeTimeoutMillis)

        private val log = LoggerFactory.getLogger(Database::class.java)
        private const val SQLITE_FILE = "partyline.db"
        private const val POSTGRES_POOL = 10
        private const val STATEMENT_SECONDS = 30

        /** The embedded database in [dataDir], created with its schema on first open. */
        fun embedded(dataDir: Path, timeoutMillis: Long): Database {
            Files.createDirectories(dataDir)
            val file = dataDir.resolve(SQLITE_FILE).toAbsolutePath()
            val config = HikariConfig().apply {
                jdbcUrl = "jdbc:sqlite:$file"
                // One connection: SQLite writes one at a time anyway, and a single writer never meets SQLITE_BUSY.
                maximumPoolSize = 1
                addDataSourceProperty("journal_mode", "WAL")
                addDataSourceProperty("foreign_keys", "true")
                addDataSourceProperty("busy_timeout", timeoutMillis.toString())
            }
            return open(config, "sqlite", "embedded SQLite at $file", timeoutMillis)
        }

        /** The PostgreSQL database at [url]; its schema is brought up to date on open. */
        fun postgres(url: DatabaseUrl, timeoutMillis: Long): Database {
            val config = HikariConfig().apply {
                jdbcUrl = url.jdbcUrl
                username = url.user
                password = url.password
                maximumPoolSize = POSTGRES_POOL
                addDataSourceProperty("connectTimeout", (timeoutMillis / 1000).coerceAtLeast(1).toString())
                addDataSourceProperty("socketTimeout", STATEMENT_SECONDS.toString())
            }
            return open(config, "postgresql", "PostgreSQL at $url", timeoutMillis)
        }

        private fun open(config: HikariConfig, kind: String, description: String, timeoutMillis: Long): Database {
            config.connectionTimeout = timeoutMillis.coerceAtLeast(250)
            config.poolName = "partyline-store"
            val pool = try {
                HikariDataSource(config)
            } catch (e: Exception) {
                throw StoreUnavailable("cannot open the $description: ${e.cause?.message ?: e.message}", e)
            }
            try {
                val migrated = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate()
                log.info("store: {}, schema version {} ({} migrations applied now)", description, migrated.targetSchemaVersion ?: migrated.initialSchemaVersion, migrated.migrationsExecuted)
            } catch (e: Exception) {
                pool.close()
                throw StoreUnavailable("cannot migrate the $description: ${e.message}", e)
            }
            return Database(pool, kind, timeoutMillis)
        }

        /**
         * A failure of the database rather than of the statement: SQLState class 08 (connection
         * exception), 57P (the server shutting down or restarting), 3D000 (the database gone), or
         * no connection free in the pool in time.
         */
        private fun isConnectionFailure(e: SQLException): Boolean {
            val state = e.sqlState.orEmpty()
            return state.startsWith("08") || state.startsWith("57P") || state == "3D000" || e is SQLTransientConnectionException
        }
    }
}
