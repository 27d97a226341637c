package dev.partyline.server.store

import java.io.File
import java.net.ServerSocket
import java.nio.file.Files
import java.sql.DriverManager
import java.util.concurrent.TimeUnit

/**
 * A real PostgreSQL server for the store specs: the one `PARTYLINE_TEST_DATABASE_URL` names
 * (`postgresql://user:password@host:port/db`, a user who may create databases), or else a
 * throwaway one this JVM starts from Debian's `postgresql` binaries on a temporary directory and
 * a free port, and stops when it exits. Each [freshDatabase] is a new, empty database on it.
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

    private fun startThrowaway(): DatabaseUrl {
        val bin = File("/usr/lib/postgresql").listFiles()?.filter { File(it, "bin/initdb").canExecute() }?.maxByOrNull { it.name.toIntOrNull() ?: 0 }
            ?: error("the store specs need PostgreSQL: apt-get install -y postgresql (or set $ENV to a server of yours)")
        val dir = Files.createTempDirectory("partyline-pg").toFile()
        val asRoot = System.getProperty("user.name") == "root"
        if (asRoot) run(listOf("chown", "-R", "postgres", dir.path), asPostgres = false)
        val port = ServerSocket(0).use { it.localPort }
        val data = File(dir, "data").path
        run(listOf("$bin/bin/initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"), asRoot)
        val options = "-p $port -k ${dir.path} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        run(listOf("$bin/bin/pg_ctl", "-D", data, "-l", File(dir, "log").path, "-o", options, "-w", "start"), asRoot)
        Runtime.getRuntime().addShutdownHook(Thread {
            runCatching { run(listOf("$bin/bin/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"), asRoot) }
            dir.deleteRecursively()
        })
        return DatabaseUrl.parse("postgresql://postgres@127.0.0.1:$port/postgres")
    }

    private fun run(command: List<String>, asPostgres: Boolean) {
        val full = if (asPostgres) listOf("runuser", "-u", "postgres", "--") + command else command
        val process = ProcessBuilder(full).redirectErrorStream(true).start()
        val output = process.inputStream.bufferedReader().readText()
        check(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) { "${command.first()} failed: $output" }
    }

    private const val ENV = "PARTYLINE_TEST_DATABASE_URL"
}
