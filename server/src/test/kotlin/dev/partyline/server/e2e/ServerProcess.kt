package dev.partyline.server.e2e

import dev.partyline.server.examples.ScriptProcess
import dev.partyline.server.store.DatabaseUrl
import java.sql.Connection
import java.sql.DriverManager

/**
 * A Partyline server run as a child process on fixed free ports and a data directory of its own
 * (and [databaseUrl], when set, for PostgreSQL), so a spec can stop it (SIGTERM) or kill it
 * (SIGKILL) and start it again on the same ports and data.
 */
class ServerProcess(private val databaseUrl: String?, private vararg val options: String) {
    val dataDir: String = TempDirs.create("partyline-data")
    val httpPort = StablePorts.free()
    val tcpPort = StablePorts.free()
    private var process: ScriptProcess? = null
    private val runs = ArrayList<ScriptProcess>()

    /** Starts the server and returns once it listens. */
    suspend fun start() {
        val java = ProcessHandle.current().info().command().orElse("java")
        val started = ScriptProcess(
            java, "-cp", System.getProperty("java.class.path"), "dev.partyline.server.MainKt",
            "--host", "127.0.0.1", "--http-port", "$httpPort", "--tcp-port", "$tcpPort", "--data-dir", dataDir,
            *(databaseUrl?.let { arrayOf("--database-url", it) } ?: emptyArray()), *options,
        )
        process = started
        runs += started
        started.awaitLine(STARTUP_MILLIS) { "listening" in it }
    }

    /** Stops it as `kill` does, and waits until it has exited. */
    suspend fun terminate() {
        process!!.terminate()
        process!!.awaitExit(STARTUP_MILLIS)
    }

    /** Kills it as `kill -9` does, and waits until it has exited. */
    suspend fun kill() {
        process!!.close()
        process!!.awaitExit(STARTUP_MILLIS)
    }

    /** The number [sql] selects from its database, read beside the running server. */
    fun count(sql: String): Long = connect().use { c ->
        c.createStatement().use { it.executeQuery(sql).use { rs -> if (rs.next()) rs.getLong(1) else 0 } }
    }

    private fun connect(): Connection {
        val url = databaseUrl?.let(DatabaseUrl::parse) ?: return DriverManager.getConnection("jdbc:sqlite:$dataDir/partyline.db")
        return DriverManager.getConnection(url.jdbcUrl, url.user, url.password)
    }

    /** Kills it if it runs, and prints what each of its runs printed, for the spec's report. */
    fun close() {
        process?.close()
        runs.forEachIndexed { i, run -> println("--- server run ${i + 1}:\n" + run.output.joinToString("\n")) }
    }

    private companion object {
        const val STARTUP_MILLIS = 30_000L
    }
}
