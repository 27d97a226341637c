package dev.partyline.client

import io.ktor.client.HttpClient
import io.ktor.client.engine.cio.CIO
import io.ktor.client.plugins.websocket.WebSockets
import io.ktor.client.plugins.websocket.webSocketSession
import io.ktor.network.selector.SelectorManager
import io.ktor.network.sockets.aSocket
import kotlinx.coroutines.Dispatchers

/**
 * Opens [TextLink]s and owns what they share: one selector for TCP, one HTTP client for
 * WebSockets, each made on first use. One per process serves any number of clients; close it when
 * they are done. A server message may hold up to [maxMessageBytes] (a snapshot of a full room
 * outgrows the 8 KiB a client may send).
 */
class Connector(private val maxMessageBytes: Int = MAX_MESSAGE_BYTES) : AutoCloseable {
    private val selector = lazy { SelectorManager(Dispatchers.IO) }
    private val http = lazy {
        HttpClient(CIO) {
            engine { // a WebSocket holds its connection for life: the engine's pool must not cap how many (it allows 100 per host)
                maxConnectionsCount = MAX_WEBSOCKETS
                endpoint.maxConnectionsPerRoute = MAX_WEBSOCKETS
            }
            install(WebSockets) { maxFrameSize = maxMessageBytes.toLong() }
        }
    }

    suspend fun open(endpoint: Endpoint): TextLink = when (endpoint) {
        is Endpoint.Tcp -> LineLink(aSocket(selector.value).tcp().connect(endpoint.host, endpoint.port), maxMessageBytes)
        is Endpoint.WebSocket -> FrameLink(http.value.webSocketSession(endpoint.url))
    }

    override fun close() {
        if (http.isInitialized()) http.value.close()
        if (selector.isInitialized()) selector.value.close()
    }

    companion object {
        const val MAX_MESSAGE_BYTES = 1024 * 1024

        /** WebSockets one connector may hold open: more than a process may have open files. */
        const val MAX_WEBSOCKETS = 1_000_000
    }
}
