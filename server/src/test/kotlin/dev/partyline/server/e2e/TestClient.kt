package dev.partyline.server.e2e

import io.ktor.client.HttpClient
import io.ktor.client.engine.cio.CIO
import io.ktor.client.plugins.websocket.WebSockets
import io.ktor.client.plugins.websocket.webSocketSession
import io.ktor.network.selector.SelectorManager
import io.ktor.network.sockets.Socket
import io.ktor.network.sockets.SocketOptions
import io.ktor.network.sockets.aSocket
import io.ktor.network.sockets.openReadChannel
import io.ktor.network.sockets.openWriteChannel
import io.ktor.utils.io.readLine
import io.ktor.utils.io.writeFully
import io.ktor.utils.io.writeStringUtf8
import io.ktor.websocket.Frame
import io.ktor.websocket.WebSocketSession
import io.ktor.websocket.close
import io.ktor.websocket.readText
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.launch
import kotlinx.coroutines.withTimeout
import kotlinx.coroutines.withTimeoutOrNull
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import java.util.concurrent.ConcurrentLinkedQueue

/**
 * A protocol client for end-to-end specs, over TCP or WebSocket. It records every line it
 * receives (for the hidden-information checks) and lets a spec await a message by type, always
 * with a bounded timeout.
 */
abstract class TestClient(val label: String) : AutoCloseable {
    protected val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
    private val inbox = Channel<JsonObject>(Channel.UNLIMITED)

    /** Every text received, in order. */
    val recorded = ConcurrentLinkedQueue<String>()

    /** Set when the server closed the connection. */
    @Volatile
    var closedByServer = false
        protected set

    abstract suspend fun sendRaw(text: String)

    /** Sends [bytes] as they are, valid UTF-8 or not: as one line over TCP, as one text frame over WebSocket. */
    abstract suspend fun sendBytes(bytes: ByteArray)

    suspend fun send(json: String) = sendRaw(json)

    protected fun received(text: String) {
        recorded += text
        inbox.trySend(Json.parseToJsonElement(text).jsonObject)
    }

    protected fun ended() {
        closedByServer = true
        inbox.close()
    }

    /** The next message of [type] (others are skipped), within [timeoutMs]. */
    suspend fun expect(type: String, timeoutMs: Long = 5000, where: (JsonObject) -> Boolean = { true }): JsonObject =
        withTimeout(timeoutMs) {
            while (true) {
                val message = inbox.receive()
                if (message.type == type && where(message)) return@withTimeout message
            }
            @Suppress("UNREACHABLE_CODE")
            error("unreachable")
        }

    /** The very next message that is not a ping, within [timeoutMs]. */
    suspend fun next(timeoutMs: Long = 5000): JsonObject = withTimeout(timeoutMs) {
        var message = inbox.receive()
        while (message.type == "ping") message = inbox.receive()
        message
    }

    /** Waits until the server closes the connection, within [timeoutMs]. */
    suspend fun awaitClosed(timeoutMs: Long = 5000) = withTimeout(timeoutMs) {
        for (ignored in inbox) Unit
    }

    /** Says hello as [name]; returns the `welcome`. */
    suspend fun hello(name: String, bot: Boolean = false): JsonObject {
        send("""{"type":"hello","name":"$name","protocol":1,"bot":$bot}""")
        return expect("welcome")
    }

    override fun close() {
        scope.cancel()
    }

    companion object {
        private val selector = SelectorManager(Dispatchers.IO)
        private val http = HttpClient(CIO) { install(WebSockets) }

        suspend fun tcp(port: Int, label: String = "tcp"): TestClient = TcpTestClient(connectTcp(port), label).also { it.start() }

        /** A TCP connection to [port] on loopback, with [options]. */
        suspend fun connectTcp(port: Int, options: SocketOptions.TCPClientSocketOptions.() -> Unit = {}): Socket =
            aSocket(selector).tcp().connect("127.0.0.1", port, options)

        suspend fun ws(port: Int, label: String = "ws"): TestClient =
            WsTestClient(http.webSocketSession("ws://127.0.0.1:$port/ws"), label).also { it.start() }
    }
}

val JsonObject.type: String get() = this["type"]!!.jsonPrimitive.content

fun JsonObject.str(key: String): String = this[key]!!.jsonPrimitive.content

fun JsonObject.int(key: String): Int = this[key]!!.jsonPrimitive.content.toInt()

fun JsonObject.long(key: String): Long = this[key]!!.jsonPrimitive.content.toLong()

private val NEWLINE = byteArrayOf('\n'.code.toByte())

// region docs:test-tcp-client
private class TcpTestClient(private val socket: Socket, label: String) : TestClient(label) {
    private val input = socket.openReadChannel()
    private val output = socket.openWriteChannel(autoFlush = true)

    fun start() {
        scope.launch {
            try {
                while (true) received(input.readLine() ?: break)
            } catch (_: Exception) {
            } finally {
                ended()
            }
        }
    }

    override suspend fun sendRaw(text: String) {
        output.writeStringUtf8(text + "\n")
    }

    override suspend fun sendBytes(bytes: ByteArray) {
        output.writeFully(bytes + NEWLINE)
    }

    /** Drops the connection without a goodbye, like a phone losing its network. */
    override fun close() {
        socket.close()
        super.close()
    }
}
// endregion

private class WsTestClient(private val session: WebSocketSession, label: String) : TestClient(label) {
    fun start() {
        scope.launch {
            try {
                for (frame in session.incoming) if (frame is Frame.Text) received(frame.readText())
            } catch (_: Exception) {
            } finally {
                ended()
            }
        }
    }

    override suspend fun sendRaw(text: String) = session.send(Frame.Text(text))

    override suspend fun sendBytes(bytes: ByteArray) = session.send(Frame.Text(true, bytes))

    /** Sends a close frame (within a second), then stops reading: the server sees the drop at once. */
    override fun close() {
        scope.launch { withTimeoutOrNull(1_000) { runCatching { session.close() } } }
            .invokeOnCompletion { super.close() }
    }
}
