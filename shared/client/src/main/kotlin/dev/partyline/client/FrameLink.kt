package dev.partyline.client

import io.ktor.websocket.Frame
import io.ktor.websocket.WebSocketSession
import io.ktor.websocket.close
import io.ktor.websocket.readText
import kotlinx.coroutines.cancel
import kotlinx.coroutines.withTimeoutOrNull

/** A [TextLink] over a WebSocket: one message per text frame each way. */
internal class FrameLink(private val session: WebSocketSession) : TextLink {
    override suspend fun send(text: String) = session.send(Frame.Text(text))

    override suspend fun sendBytes(bytes: ByteArray) = session.send(Frame.Text(true, bytes))

    override suspend fun receive(onText: suspend (String) -> Unit) {
        for (frame in session.incoming) if (frame is Frame.Text) onText(frame.readText())
    }

    override suspend fun close() {
        withTimeoutOrNull(CLOSE_MILLIS) { runCatching { session.close() } }
        session.cancel()
    }

    private companion object {
        const val CLOSE_MILLIS = 1000L
    }
}
