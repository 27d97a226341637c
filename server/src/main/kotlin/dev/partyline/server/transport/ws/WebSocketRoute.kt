package dev.partyline.server.transport.ws

import dev.partyline.server.ServerConfig
import dev.partyline.server.transport.ConnectionRunner
import dev.partyline.server.transport.Inbound
import dev.partyline.server.transport.Transport
import dev.partyline.server.transport.Utf8
import io.ktor.server.application.Application
import io.ktor.http.HttpHeaders
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.createRouteScopedPlugin
import io.ktor.server.application.install
import io.ktor.server.response.respondText
import io.ktor.server.plugins.origin
import io.ktor.server.routing.Route
import io.ktor.server.routing.route
import io.ktor.server.websocket.DefaultWebSocketServerSession
import io.ktor.server.websocket.WebSockets
import io.ktor.server.websocket.webSocket
import io.ktor.websocket.CloseReason
import io.ktor.websocket.Frame
import io.ktor.websocket.close
import io.ktor.websocket.readBytes

/** Installs Ktor's WebSockets with our bounds: no deflate, frames bounded, our own heartbeat. */
fun Application.installWebSockets(config: ServerConfig) {
    install(WebSockets) {
        pingPeriodMillis = 0
        // Frames a little over our limit reach us and get a `too_large` goodbye; far larger ones are cut by Ktor.
        maxFrameSize = config.maxLineBytes * 4L
        masking = false
    }
}

/**
 * `GET /ws`: one JSON message per text frame, run by the same [ConnectionRunner] as TCP. An
 * upgrade from a page of a foreign origin is refused with 403 before it completes.
 */
fun Route.gameSocket(config: ServerConfig, runner: ConnectionRunner) {
    route("/ws") {
        install(OriginCheck) { policy = OriginPolicy(config.allowedOrigins) }
        webSocket {
            runner.run(call.request.origin.remoteAddress, FrameTransport(this, config.maxLineBytes))
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

/** Text frames over a WebSocket. */
private class FrameTransport(private val session: DefaultWebSocketServerSession, private val maxBytes: Int) : Transport {
    override val kind = "ws"

    override suspend fun read(onFrame: suspend (Inbound) -> Boolean) {
        for (frame in session.incoming) {
            if (frame !is Frame.Text) continue
            val bytes = frame.readBytes()
            val inbound = when {
                bytes.size > maxBytes -> Inbound.TooLarge
                else -> Utf8.decodeOrNull(bytes)?.let { Inbound.Text(it) } ?: Inbound.BadUtf8
            }
            if (!onFrame(inbound)) return
        }
    }

    override suspend fun write(text: String) = session.outgoing.send(Frame.Text(text))

    override suspend fun flush() = session.flush()

    override suspend fun close() = session.close(CloseReason(CloseReason.Codes.NORMAL, ""))
}
