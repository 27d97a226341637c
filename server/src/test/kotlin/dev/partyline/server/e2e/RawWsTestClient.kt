package dev.partyline.server.e2e

import dev.partyline.client.PartylineClient
import dev.partyline.client.TextLink
import io.ktor.network.sockets.Socket
import io.ktor.network.sockets.openReadChannel
import io.ktor.network.sockets.openWriteChannel
import io.ktor.utils.io.ByteReadChannel
import io.ktor.utils.io.readByte
import io.ktor.utils.io.readByteArray
import io.ktor.utils.io.readLine
import io.ktor.utils.io.readLong
import io.ktor.utils.io.readShort
import io.ktor.utils.io.writeFully
import io.ktor.utils.io.writeStringUtf8
import java.util.Base64
import kotlin.random.Random

/**
 * A WebSocket client written on a bare socket, so a spec can do what real clients do and
 * library clients will not: vanish without a close frame (a phone losing its network), reset
 * the connection, or stop halfway through a frame. [close] drops the socket as it is.
 */
class RawWsTestClient private constructor(label: String, private val link: RawWsLink) : TestClient(label, PartylineClient.over(link, TestClient.SETTINGS)) {
    /** Sends a text frame's header for [declared] bytes and only the first [sent] of them: the rest never comes. */
    suspend fun sendHalfFrame(declared: Int, sent: Int) = link.sendHalfFrame(declared, sent)

    companion object {
        /** Opens `/ws` on [port] and completes the upgrade, with a browser's [sessionCookie] if given; with [reset], [close] resets the connection. */
        suspend fun connect(port: Int, label: String = "raw-ws", reset: Boolean = false, sessionCookie: String? = null): RawWsTestClient =
            RawWsTestClient(label, RawWsLink.open(port, label, reset, sessionCookie))
    }
}

/** The frames of a [RawWsTestClient]: a [TextLink] that masks what it sends and reads the server's frames by hand. */
internal class RawWsLink(private val socket: Socket) : TextLink {
    private val input = socket.openReadChannel()
    private val output = socket.openWriteChannel(autoFlush = true)

    private suspend fun handshake(port: Int, label: String, sessionCookie: String?) {
        val key = Base64.getEncoder().encodeToString(Random.nextBytes(16))
        output.writeStringUtf8(
            "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:$port\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                "Sec-WebSocket-Key: $key\r\nSec-WebSocket-Version: 13\r\n" +
                (sessionCookie?.let { "Cookie: partyline_session=$it\r\n" } ?: "") + "\r\n",
        )
        val status = input.readLine() ?: error("$label: no answer to the upgrade")
        check(status.startsWith("HTTP/1.1 101")) { "$label: upgrade refused: $status" }
        while (!input.readLine().isNullOrEmpty()) Unit // the rest of the headers
    }

    override suspend fun receive(onText: suspend (String) -> Unit) {
        while (true) {
            val (opcode, payload) = input.readFrame()
            when (opcode) {
                TEXT -> onText(payload.decodeToString())
                CLOSE -> return
            }
        }
    }

    override suspend fun send(text: String) = sendBytes(text.encodeToByteArray())

    override suspend fun sendBytes(bytes: ByteArray) = output.writeFully(frame(bytes))

    suspend fun sendHalfFrame(declared: Int, sent: Int) {
        output.writeFully(frame(ByteArray(declared) { 'x'.code.toByte() }).copyOf(headerSize(declared) + sent))
    }

    /** Drops the connection as it is: no close frame, and a reset rather than a FIN if it was opened with `reset`. */
    override suspend fun close() = socket.close()

    companion object {
        private const val TEXT = 1
        private const val CLOSE = 8

        suspend fun open(port: Int, label: String, reset: Boolean, sessionCookie: String?): RawWsLink {
            val socket = TestClient.connectTcp(port) { if (reset) lingerSeconds = 0 }
            return RawWsLink(socket).apply {
                try {
                    handshake(port, label, sessionCookie)
                } catch (e: Exception) {
                    socket.close()
                    throw e
                }
            }
        }

        private fun headerSize(length: Int) = 2 + (if (length < 126) 0 else if (length < 65536) 2 else 8) + 4

        /** A masked text frame, as a client must send it. */
        private fun frame(payload: ByteArray): ByteArray = RawFrames.frame(TEXT, payload)

        /** One whole frame from the server (which never masks): its opcode and payload. */
        private suspend fun ByteReadChannel.readFrame(): Pair<Int, ByteArray> {
            val first = readByte().toInt()
            val length = when (val short = readByte().toInt() and 0x7f) {
                126 -> readShort().toInt() and 0xffff
                127 -> readLong().toInt()
                else -> short
            }
            return (first and 0x0f) to readByteArray(length)
        }
    }
}
