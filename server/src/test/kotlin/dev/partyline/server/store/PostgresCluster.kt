package dev.partyline.server.store

import dev.partyline.server.e2e.StablePorts
import java.io.File
import java.nio.file.Files
import java.util.concurrent.TimeUnit

/**
 * A PostgreSQL server of a spec's own, from Debian's `postgresql` binaries on a temporary
 * directory and a free port, that the spec may [stop] and [start] again (a database going away
 * and coming back); stopped and deleted when the JVM exits.
 */
class PostgresCluster private constructor(private val bin: File, private val dir: File, val port: Int) {
    private val data = File(dir, "data").path
    private val asRoot = System.getProperty("user.name") == "root"

    /** Its `postgres` database, as `--database-url` takes it. */
    val url: String get() = "postgresql://postgres@127.0.0.1:$port/postgres"

    /** Starts the server; returns once it accepts connections. */
    fun start() {
        val options = "-p $port -k ${dir.path} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        run(listOf("$bin/bin/pg_ctl", "-D", data, "-l", File(dir, "log").path, "-o", options, "-w", "start"), asRoot)
    }

    /**
     * Stops the server, dropping its connections; returns once it is down. A fast (clean) stop: the
     * cluster runs without fsync, so an immediate one could lose what it had committed.
     */
    fun stop() = run(listOf("$bin/bin/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"), asRoot)

    companion object {
        /** A new cluster, started. */
        fun create(): PostgresCluster {
            val bin = File("/usr/lib/postgresql").listFiles()?.filter { File(it, "bin/initdb").canExecute() }?.maxByOrNull { it.name.toIntOrNull() ?: 0 }
                ?: error("the store specs need PostgreSQL: apt-get install -y postgresql (or set PARTYLINE_TEST_DATABASE_URL to a server of yours)")
            val dir = Files.createTempDirectory("partyline-pg").toFile()
            val cluster = PostgresCluster(bin, dir, StablePorts.free())
            if (cluster.asRoot) run(listOf("chown", "-R", "postgres", dir.path), asPostgres = false)
            run(listOf("$bin/bin/initdb", "-D", cluster.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"), cluster.asRoot)
            cluster.start()
            Runtime.getRuntime().addShutdownHook(Thread {
                runCatching { cluster.stop() }
                dir.deleteRecursively()
            })
            return cluster
        }

        private fun run(command: List<String>, asPostgres: Boolean) {
            val full = if (asPostgres) listOf("runuser", "-u", "postgres", "--") + command else command
            val process = ProcessBuilder(full).redirectErrorStream(true).start()
            val output = process.inputStream.bufferedReader().readText()
            check(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) { "${command.first()} failed: $output" }
        }
    }
}
