package dev.partyline.server.session

import dev.partyline.server.Clock
import dev.partyline.server.ServerConfig
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.delay

/**
 * Keeps every connection's heartbeat with one coroutine for the whole server rather than a timer
 * per connection: a few times per ping interval (at most once a second) it pings clients that
 * have gone silent and closes those silent for the idle timeout. An idle server wakes once a
 * second, whatever the number of connections.
 */
class Heartbeat(private val config: ServerConfig, private val clock: Clock) {
    private val arrivals = Channel<Connection>(Channel.UNLIMITED)

    /** How often connections are checked. */
    val periodMillis: Long = (config.pingIntervalMillis / 5).coerceIn(10, 1000)

    /** Starts watching [connection] until it ends. */
    fun watch(connection: Connection) {
        arrivals.trySend(connection)
    }

    /** Runs until cancelled. The list of connections is owned by this loop alone. */
    suspend fun run() {
        val watched = ArrayList<Connection>()
        while (true) {
            delay(periodMillis)
            while (true) watched += arrivals.tryReceive().getOrNull() ?: break
            val now = clock.now()
            watched.removeIf { !it.beat(now) }
        }
    }
}
