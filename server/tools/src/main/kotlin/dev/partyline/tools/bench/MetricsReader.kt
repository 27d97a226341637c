package dev.partyline.tools.bench

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.future.await
import kotlinx.coroutines.withContext
import java.io.File
import java.net.InetAddress
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.TimeUnit

/**
 * Reads the server's figures from `http://HOST:HTTP_PORT/metrics` and, when the server runs on
 * this machine, asks its JVM for a full collection (`jcmd PID GC.run`) so heap figures are taken
 * after one. Each failure becomes a note instead of an error: a bench still runs without metrics.
 */
class MetricsReader(private val settings: BenchSettings, private val notes: MutableList<String>) {
    private val client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
    private val uri = URI("http://${settings.host}:${settings.httpPort}/metrics")
    private var warned = false

    /** One scrape, or null (with a note, once) when `/metrics` cannot be read. */
    suspend fun read(): ServerSample? = try {
        val request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build()
        val response = client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).await()
        if (response.statusCode() != 200) throw BenchFailure("HTTP ${response.statusCode()}")
        ServerSample.parse(response.body())
    } catch (e: Exception) {
        if (!warned) notes += "server /metrics unavailable ($uri: ${e.message ?: e::class.simpleName}); server figures left out"
        warned = true
        null
    }

    /** Runs `jcmd PID GC.run` against a local server; returns false (with a note, once) when it cannot. */
    suspend fun collectGarbage(pid: Long?): Boolean = withContext(Dispatchers.IO) {
        val why = when {
            pid == null -> "the server reports no process_id"
            !InetAddress.getByName(settings.host).isLoopbackAddress -> "the server is not on this machine"
            jcmd() == null -> "jcmd is not available"
            else -> null
        }
        if (why != null) {
            if (!gcWarned) notes += "no forced GC before memory readings: $why"
            gcWarned = true
            return@withContext false
        }
        val process = ProcessBuilder(jcmd(), pid.toString(), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
        val done = process.waitFor(60, TimeUnit.SECONDS)
        if (!done) process.destroy()
        done && process.exitValue() == 0
    }

    private var gcWarned = false

    private fun jcmd(): String? {
        val beside = File(System.getProperty("java.home"), "bin/jcmd")
        if (beside.canExecute()) return beside.path
        return System.getenv("PATH").orEmpty().split(File.pathSeparator).map { File(it, "jcmd") }.firstOrNull { it.canExecute() }?.path
    }
}
