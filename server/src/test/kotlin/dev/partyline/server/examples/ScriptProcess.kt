package dev.partyline.server.examples

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.future.await
import kotlinx.coroutines.withTimeout
import java.io.File
import java.util.concurrent.ConcurrentLinkedQueue
import kotlin.concurrent.thread

/**
 * A program run as a child process from the repository root, as a reader of the docs would run
 * it. It may be told lines on its standard input; its output (stdout and stderr together) arrives line by line; every wait is bounded,
 * [terminate] asks it to stop (SIGTERM), and [close] kills it (SIGKILL) if it is still running.
 */
class ScriptProcess(vararg command: String) : AutoCloseable {
    private val process = ProcessBuilder(*command).directory(File("..")).redirectErrorStream(true).start()
    private val lines = Channel<String>(Channel.UNLIMITED)
    private val outputEnded = CompletableDeferred<Unit>()

    /** Every line printed so far. */
    val output = ConcurrentLinkedQueue<String>()

    init {
        thread(isDaemon = true, name = "output of ${command.joinToString(" ")}") {
            process.inputStream.bufferedReader().forEachLine { output += it; lines.trySend(it) }
            lines.close()
            outputEnded.complete(Unit)
        }
    }

    /** Writes [line] to the program's standard input. */
    fun tell(line: String) {
        process.outputStream.write((line + "\n").toByteArray())
        process.outputStream.flush()
    }

    /** The next printed line for which [where] holds, within [timeoutMs]. */
    suspend fun awaitLine(timeoutMs: Long = 5000, where: (String) -> Boolean): String = withTimeout(timeoutMs) {
        for (line in lines) if (where(line)) return@withTimeout line
        error("the process ended without printing such a line; it printed:\n${output.joinToString("\n")}")
    }

    /** The exit code, once the process has ended and all its output is read, within [timeoutMs]. */
    suspend fun awaitExit(timeoutMs: Long = 5000): Int = withTimeout(timeoutMs) {
        val code = process.onExit().await().exitValue()
        outputEnded.await()
        code
    }

    /** Asks the process to stop, as `kill` (SIGTERM) does. */
    fun terminate() {
        process.destroy()
    }

    override fun close() {
        process.destroyForcibly()
    }
}
