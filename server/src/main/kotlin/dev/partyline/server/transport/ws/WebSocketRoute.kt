package dev.partyline.server.transport.ws

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.session.Credentials
import dev.partyline.server.store.AccountStore
import dev.partyline.server.transport.ChannelAdmission
import dev.partyline.server.transport.ConnectionRunner
import dev.partyline.server.transport.Transport
import dev.partyline.shared.protocol.Inbound
import io.ktor.server.application.Application
import io.ktor.http.HttpHeaders
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.createRouteScopedPlugin
import io.ktor.server.application.install
import io.ktor.server.response.respondText
import io.ktor.server.plugins.origin
import io.ktor.server.routing.Route
import io.ktor.server.routing.route
import io.ktor.server.websocket.WebSocketServerSession
import io.ktor.server.websocket.WebSockets
import io.ktor.server.websocket.webSocketRaw
import io.ktor.websocket.CloseReason
import io.ktor.websocket.Frame
import io.ktor.websocket.close
import io.ktor.websocket.readReason
import kotlinx.coroutines.cancel
import kotlinx.coroutines.withTimeoutOrNull

/** Installs Ktor's WebSockets with our bounds: no deflate, frames and frame queues bounded, our own heartbeat. */
fun Application.installWebSockets(config: ServerConfig) {
    install(WebSockets) {
        pingPeriodMillis = 0
        // Frames a little over our limit reach us and get a `too_large` goodbye; far larger ones are cut by Ktor.
        maxFrameSize = config.maxLineBytes * 4L
        masking = false
        // Bounded, so a client that floods waits on TCP and one that does not read backs up into its
        // outbox, which drops it; and a write to a connection whose writer has died fails at once.
        channels {
            incoming = bounded(FRAME_QUEUE)
            outgoing = bounded(FRAME_QUEUE)
        }
    }
}

/**
 * `GET /ws`: one JSON message per text frame, run by the same [ConnectionRunner] as TCP. An
 * upgrade from a page of a foreign origin is refused with 403 before it completes.
 */
fun Route.gameSocket(config: ServerConfig, runner: ConnectionRunner) {
    route("/ws") {
        install(OriginCheck) { policy = OriginPolicy(config.allowedOrigins) }
        webSocketRaw {
            val address = call.request.origin.remoteAddress
            val credentials = Credentials(sessionCookie = call.request.cookies[AccountStore.SESSION_COOKIE])
            runner.run(address, address, FrameTransport(this, config.maxLineBytes), credentials) { ChannelAdmission.admitted(call) }
        }
    }
}

/** The configuration of [OriginCheck]. */
class OriginCheckConfig {
    var policy = OriginPolicy(emptyList())
}

private val OriginCheck = createRouteScopedPlugin("OriginCheck", ::OriginCheckConfig) {
    val policy = pluginConfig.policy
    onCall { call ->
        val origin = call.request.headers[HttpHeaders.Origin]
        if (!policy.permits(origin, call.request.headers[HttpHeaders.Host])) {
            call.respondText("WebSocket connections from ${origin?.take(100)} are not allowed", status = HttpStatusCode.Forbidden)
        }
    }
}

/**
 * Text messages over a raw WebSocket session: no session layer of Ktor's in between (its
 * default session adds two coroutines and two channels per connection, and a hop per message),
 * so pings are answered, a close ends the reading and fragmented messages are joined here. A
 * binary message fails the connection with 1003, a text message that is not UTF-8 with 1007.
 */
private class FrameTransport(private val session: WebSocketServerSession, maxBytes: Int) : Transport {
    override val kind = "ws"
    private val assembly = MessageAssembly(maxBytes)

    override suspend fun read(onFrame: suspend (Inbound) -> Boolean) {
        for (frame in session.incoming) {
            when (frame) {
                is Frame.Close -> { // the closing handshake: answer with the client's own code
                    session.outgoing.trySend(Frame.Close(frame.readReason() ?: NORMAL_CLOSE))
                    return
                }
                is Frame.Ping -> session.outgoing.send(Frame.Pong(frame.data))
                is Frame.Binary -> return fail(CloseReason(CloseReason.Codes.CANNOT_ACCEPT, "Partyline takes text frames: one JSON message each"))
                else -> when (val message = assembly.add(frame)) {
                    null -> Unit
                    Inbound.BadUtf8 -> return fail(CloseReason(CloseReason.Codes.NOT_CONSISTENT, "a text message must be UTF-8"))
                    else -> if (!onFrame(message)) return
                }
            }
        }
    }

    /** Fails the connection as RFC 6455 asks: a close frame with [reason], and no more reading. */
    private fun fail(reason: CloseReason) {
        session.outgoing.trySend(Frame.Close(reason))
    }

    override suspend fun write(text: String) = session.outgoing.send(Frame.Text(text))

    /**
     * Nothing to do: Ktor's writer flushes whenever its queue runs dry. (Its `flush()` would wait
     * forever when the peer vanishes while the request is queued: the writer dies without
     * answering it.)
     */
    override suspend fun flush() = Unit

    /**
     * Sends the close frame, for a moment at most, then ends Ktor's reader and writer, which
     * closes the socket even if the peer has vanished or stopped reading.
     */
    override suspend fun close() {
        withTimeoutOrNull(CLOSE_MILLIS) { session.close(NORMAL_CLOSE) }
        session.cancel()
    }
}

private const val CLOSE_MILLIS = 1000L
private const val FRAME_QUEUE = 16

private val NORMAL_CLOSE = CloseReason(CloseReason.Codes.NORMAL, "")
