package dev.partyline.server.e2e

import dev.partyline.server.examples.ScriptProcess
import java.net.ServerSocket
import java.sql.DriverManager

/**
 * A Partyline server run as a child process on fixed free ports and a data directory of its own,
 * so a spec can stop it (SIGTERM) or kill it (SIGKILL) and start it again on the same ports and data.
 */
class ServerProcess(private vararg val options: String) {
    val dataDir: String = TempDirs.create("partyline-data")
    val httpPort = freePort()
    val tcpPort = freePort()
    private var process: ScriptProcess? = null

    /** Starts the server and returns once it listens. */
    suspend fun start() {
        val java = ProcessHandle.current().info().command().orElse("java")
        val started = ScriptProcess(
            java, "-cp", System.getProperty("java.class.path"), "dev.partyline.server.MainKt",
            "--host", "127.0.0.1", "--http-port", "$httpPort", "--tcp-port", "$tcpPort", "--data-dir", dataDir, *options,
        )
        process = started
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

    /** The rows of [sql] (one number) in its embedded database, read beside the running server. */
    fun count(sql: String): Long = DriverManager.getConnection("jdbc:sqlite:$dataDir/partyline.db").use { c ->
        c.createStatement().use { it.executeQuery(sql).use { rs -> if (rs.next()) rs.getLong(1) else 0 } }
    }

    fun close() {
        process?.close()
    }

    private companion object {
        const val STARTUP_MILLIS = 30_000L

        fun freePort(): Int = ServerSocket(0).use { it.localPort }
    }
}
