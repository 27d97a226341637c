package dev.partyline.server.transport

import dev.partyline.server.base.Clock
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.metrics.ServerMetrics
import dev.partyline.server.room.Rooms
import dev.partyline.server.session.ClientSession
import dev.partyline.server.session.Connection
import dev.partyline.server.session.Credentials
import dev.partyline.server.session.Heartbeat
import dev.partyline.server.session.SavedQuizHosting
import dev.partyline.server.session.SessionRegistry
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.Goodbye
import dev.partyline.shared.protocol.Inbound
import dev.partyline.shared.protocol.PackSummary
import dev.partyline.shared.protocol.WireCodec
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.slf4j.LoggerFactory
import java.util.concurrent.atomic.AtomicLong

/**
 * Runs one connection of any transport: a reader that frames, stamps, rate-limits and hands
 * messages to the session; a writer that drains the outbox; and the server's [Heartbeat] watches
 * it. A connection from an address over its [ConnectionGate] allowance is turned away with
 * `rate_limited`. When the reader or the writer ends the connection ends, and the session's seat
 * waits for the grace period.
 */
class ConnectionRunner(
    private val config: ServerConfig,
    private val clock: Clock,
    private val codec: WireCodec,
    private val rooms: Rooms,
    private val sessions: SessionRegistry,
    private val serverName: String,
    private val packs: List<PackSummary>,
    private val metrics: ServerMetrics,
    private val heartbeat: Heartbeat,
    private val gate: ConnectionGate,
    private val hosting: SavedQuizHosting,
) {
    private val ids = AtomicLong()

    /**
     * Runs a connection from [remote] (as logs name it), whose IP address is [address], until it
     * ends; [credentials] it came with (a browser's cookie); [admitted] when its count against the
     * per-address cap was already taken (an HTTP connection's, for a WebSocket), else it is taken here.
     */
    suspend fun run(remote: String, address: String, transport: Transport, credentials: Credentials = Credentials.NONE, admitted: (suspend () -> Boolean)? = null) {
        val connection = Connection(ids.incrementAndGet(), remote, address, config, clock, codec, metrics)
        val session = ClientSession(connection, codec, rooms, sessions, clock, serverName, packs, hosting, credentials)
        metrics.opened(transport.kind)
        heartbeat.watch(connection)
        // region docs:connection-run
        try {
            coroutineScope {
                val writer = launch { quietly(connection, "write") { transport.drain(connection) } }
                val reader = launch {
                    if (admitted?.invoke() ?: gate.admit(address)) {
                        quietly(connection, "read") { transport.read { frame -> accept(connection, session, frame) } }
                    } else {
                        turnAway(connection)
                    }
                    connection.finish()
                }
                writer.join()
                reader.cancel()
            }
        } finally {
            withContext(NonCancellable) {
                connection.ended()
                metrics.closed(transport.kind)
                session.disconnected()
                runCatching { transport.close() }
            }
        }
        // endregion
    }

    /** Refuses a connection from an address that opened too many just now: an error, then goodbye. */
    private fun turnAway(connection: Connection) {
        metrics.connectionRefused()
        connection.sendError(ErrorCode.RATE_LIMITED, "too many new connections from your address; try again in a few seconds")
        connection.close(Goodbye(Goodbye.RATE_LIMITED, "too many new connections from your address"))
    }

    private suspend fun accept(connection: Connection, session: ClientSession, frame: Inbound): Boolean {
        val receivedAt = clock.now()
        metrics.received()
        return when (frame) {
            is Inbound.Text -> {
                if (connection.admit(receivedAt)) session.handle(frame.text, receivedAt)
                true
            }
            Inbound.BadUtf8 -> {
                if (connection.admit(receivedAt)) connection.sendError(ErrorCode.BAD_JSON, "that message is not valid UTF-8")
                true
            }
            Inbound.TooLarge -> {
                connection.sendError(ErrorCode.TOO_LARGE, "a message may hold at most ${config.maxLineBytes} bytes")
                connection.close(Goodbye(Goodbye.TOO_LARGE, "message over ${config.maxLineBytes} bytes"))
                false
            }
        }
    }

    private suspend fun quietly(connection: Connection, what: String, block: suspend () -> Unit) {
        try {
            block()
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            log.debug("connection {} ({}): {} ended: {}", connection.connectionId, connection.remote, what, e.toString())
        }
    }

    private companion object {
        val log = LoggerFactory.getLogger(ConnectionRunner::class.java)
    }
}
