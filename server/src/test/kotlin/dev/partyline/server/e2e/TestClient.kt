package dev.partyline.server.e2e

import dev.partyline.client.ClientSettings
import dev.partyline.client.Endpoint
import dev.partyline.client.PartylineClient
import dev.partyline.client.PartylineException
import io.ktor.network.selector.SelectorManager
import io.ktor.network.sockets.Socket
import io.ktor.network.sockets.SocketOptions
import io.ktor.network.sockets.aSocket
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.launch
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonPrimitive
import java.util.concurrent.ConcurrentLinkedQueue

/**
 * A protocol client for end-to-end specs: a [PartylineClient] (over TCP, WebSocket or a spec's
 * own link) that answers nothing by itself, so a spec sees the server as it is. It records every
 * text it receives (for the hidden-information checks) and lets a spec await a message by type,
 * always with a bounded timeout.
 */
open class TestClient(val label: String, private val client: PartylineClient) : AutoCloseable {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
    private val inbox = Channel<JsonObject>(Channel.UNLIMITED)

    /** Every text received, in order. */
    val recorded = ConcurrentLinkedQueue<String>()

    /** Set when the connection ended other than by [close]: the server closed it or it dropped. */
    @Volatile
    var closedByServer = false
        private set

    init {
        scope.launch {
            client.events.collect {
                recorded += it.text
                inbox.send(it.json)
            }
            closedByServer = client.awaitEnd() != PartylineClient.CLOSED
            inbox.close()
        }
    }

    /** Sends [text]; into a connection the server has closed it goes nowhere, as into a socket, and the spec sees the close. */
    suspend fun sendRaw(text: String) = unlessClosed { client.sendText(text) }

    /** Sends [bytes] as they are, valid UTF-8 or not: as one line over TCP, as one text frame over WebSocket. */
    suspend fun sendBytes(bytes: ByteArray) = unlessClosed { client.sendBytes(bytes) }

    private suspend fun unlessClosed(send: suspend () -> Unit) {
        try {
            send()
        } catch (_: PartylineException) {
            // the server closed the connection first: what the spec awaits next tells
        }
    }

    suspend fun send(json: String) = sendRaw(json)

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

    /** Drops the connection: over TCP at once, like a phone losing its network; a WebSocket sends its close frame first. */
    override fun close() {
        client.close()
        scope.cancel()
    }

    companion object {
        /** Spec clients keep every message and answer nothing themselves; a spec resumes a session by hand. */
        val SETTINGS = ClientSettings(inboxCapacity = Channel.UNLIMITED, answerPings = false, resume = false)
        private val selector = SelectorManager(Dispatchers.IO)

        suspend fun tcp(port: Int, label: String = "tcp"): TestClient =
            TestClient(label, PartylineClient.connect(Endpoint.Tcp("127.0.0.1", port), SETTINGS))

        suspend fun ws(port: Int, label: String = "ws"): TestClient =
            TestClient(label, PartylineClient.connect(Endpoint.WebSocket("ws://127.0.0.1:$port/ws"), SETTINGS))

        /** A TCP connection to [port] on loopback, with [options]. */
        suspend fun connectTcp(port: Int, options: SocketOptions.TCPClientSocketOptions.() -> Unit = {}): Socket =
            aSocket(selector).tcp().connect("127.0.0.1", port, options)
    }
}

val JsonObject.type: String get() = this["type"]!!.jsonPrimitive.content

fun JsonObject.str(key: String): String = this[key]!!.jsonPrimitive.content

fun JsonObject.int(key: String): Int = this[key]!!.jsonPrimitive.content.toInt()

fun JsonObject.long(key: String): Long = this[key]!!.jsonPrimitive.content.toLong()
