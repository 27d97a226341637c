package dev.partyline.server.session

import dev.partyline.server.base.Clock
import dev.partyline.server.base.ServerConfig
import dev.partyline.shared.protocol.Goodbye
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.withTimeoutOrNull

/**
 * Keeps every connection's heartbeat with one coroutine for the whole server rather than a timer
 * per connection: a few times per ping interval (at most once a second) it pings clients that
 * have gone silent and closes those silent for the idle timeout. An idle server wakes once a
 * second, whatever the number of connections.
 */
class Heartbeat(private val config: ServerConfig, private val clock: Clock) {
    private val arrivals = Channel<Connection>(Channel.UNLIMITED)

    /** Set once the server is shutting down: every connection gets it as its goodbye. */
    @Volatile
    private var farewell: Goodbye? = null
    private val wake = Channel<Unit>(Channel.CONFLATED)

    /** How often connections are checked. */
    val periodMillis: Long = (config.pingIntervalMillis / 5).coerceIn(10, 1000)

    /** Starts watching [connection] until it ends. */
    fun watch(connection: Connection) {
        arrivals.trySend(connection)
    }

    /** Closes every connection, now and from now on, with [goodbye] (after what each has queued). */
    fun closeAll(goodbye: Goodbye) {
        farewell = goodbye
        wake.trySend(Unit)
    }

    /** Runs until cancelled. The list of connections is owned by this loop alone. */
    suspend fun run() {
        val watched = ArrayList<Connection>()
        while (true) {
            withTimeoutOrNull(periodMillis) { wake.receive() }
            while (true) watched += arrivals.tryReceive().getOrNull() ?: break
            val goodbye = farewell
            if (goodbye != null) watched.forEach { it.close(goodbye) }
            val now = clock.now()
            watched.removeIf { !it.beat(now) }
        }
    }
}
