package dev.partyline.server.bot

import io.ktor.client.HttpClient
import io.ktor.client.engine.cio.CIO
import io.ktor.client.plugins.websocket.WebSockets
import io.ktor.network.selector.SelectorManager
import kotlinx.coroutines.Dispatchers

/**
 * Opens one [BotLink] per bot to the server of some [BotSettings]: raw TCP, or a WebSocket at
 * `ws://HOST:HTTP_PORT/ws` with [BotSettings.webSocket]. Owns what the links share (a selector,
 * an HTTP client) until [close].
 */
class BotConnector private constructor(private val open: suspend () -> BotLink, private val release: () -> Unit) : AutoCloseable {
    suspend fun connect(): BotLink = open()

    override fun close() = release()

    companion object {
        fun of(settings: BotSettings): BotConnector = if (settings.webSocket) {
            val http = HttpClient(CIO) { install(WebSockets) { maxFrameSize = settings.maxLineBytes.toLong() } }
            val url = "ws://${settings.host}:${settings.httpPort}/ws"
            BotConnector({ WebSocketLink.connect(http, url) }, http::close)
        } else {
            val selector = SelectorManager(Dispatchers.IO)
            BotConnector({ LineSocket.connect(selector, settings.host, settings.tcpPort, settings.maxLineBytes) }, selector::close)
        }
    }
}
