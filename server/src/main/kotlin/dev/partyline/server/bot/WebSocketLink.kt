package dev.partyline.server.bot

import io.ktor.client.HttpClient
import io.ktor.client.plugins.websocket.DefaultClientWebSocketSession
import io.ktor.client.plugins.websocket.webSocketSession
import io.ktor.websocket.Frame
import io.ktor.websocket.close
import io.ktor.websocket.readText

/**
 * A bot's WebSocket connection: one message per text frame each way. Frames are bounded by the
 * client's `maxFrameSize`: a larger one ends the connection, as a too-long line ends a [LineSocket].
 */
class WebSocketLink private constructor(private val session: DefaultClientWebSocketSession) : BotLink {
    override suspend fun send(text: String) = session.send(Frame.Text(text))

    override suspend fun receive(onMessage: suspend (String) -> Unit) {
        for (frame in session.incoming) if (frame is Frame.Text) onMessage(frame.readText())
    }

    override suspend fun close() = session.close()

    companion object {
        /** Opens a WebSocket to [url] (`ws://host:port/ws`) with [http], which has the WebSockets plugin. */
        suspend fun connect(http: HttpClient, url: String): WebSocketLink = WebSocketLink(http.webSocketSession(url))
    }
}
