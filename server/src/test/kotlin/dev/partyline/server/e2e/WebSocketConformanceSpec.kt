package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import dev.partyline.shared.protocol.Limits
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import java.io.DataInputStream
import java.io.EOFException
import java.net.Socket
import java.net.SocketException
import java.util.Base64
import kotlin.random.Random

/**
 * RFC 6455 §5 over a bare socket, with frames no client library will send: each fault fails the
 * connection with a close frame of the right code, and then the server closes the socket. A good
 * frame on the same kind of connection still gets its answer, so each case isolates its fault.
 */
class WebSocketConformanceSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer(ServerConfig()) }
    afterSpec { server.stop() }

    fun open() = RawFrames.connect(server.httpPort)
    val hello = """{"type":"hello","name":"Rfc","protocol":1}""".toByteArray()

    test("a masked text frame is answered: the baseline the cases below break one rule of") {
        open().use { ws ->
            ws.send(RawFrames.TEXT, hello)
            ws.nextText() shouldContain "\"type\":\"welcome\""
        }
    }

    test("an unmasked client frame fails the connection with 1002") {
        open().use { ws ->
            ws.send(RawFrames.TEXT, hello, masked = false)
            ws.closeCode() shouldBe 1002
        }
    }

    test("reserved bits set, with no extension agreed, fail the connection with 1002") {
        for (rsv in listOf(0x40, 0x20, 0x10)) open().use { ws ->
            ws.send(RawFrames.TEXT, hello, rsv = rsv)
            ws.closeCode() shouldBe 1002
        }
    }

    test("reserved opcodes, data and control alike, fail the connection with 1002") {
        for (opcode in listOf(0x3, 0x7, 0xB, 0xF)) open().use { ws ->
            ws.send(opcode, hello)
            ws.closeCode() shouldBe 1002
        }
    }

    test("a fragmented control frame, or one over 125 bytes, fails the connection with 1002") {
        open().use { ws ->
            ws.send(RawFrames.PING, byteArrayOf(1), fin = false)
            ws.closeCode() shouldBe 1002
        }
        open().use { ws ->
            ws.send(RawFrames.PING, ByteArray(126))
            ws.closeCode() shouldBe 1002
        }
    }

    test("a continuation with no message begun, or a new message before the last one ended, fails with 1002") {
        open().use { ws ->
            ws.send(RawFrames.CONTINUATION, hello)
            ws.closeCode() shouldBe 1002
        }
        open().use { ws ->
            ws.send(RawFrames.TEXT, hello.copyOf(5), fin = false)
            ws.send(RawFrames.TEXT, hello)
            ws.closeCode() shouldBe 1002
        }
    }

    test("a frame far over the message limit fails the connection with 1009, before its payload is read") {
        open().use { ws ->
            ws.sendHeaderOnly(RawFrames.TEXT, Limits.MAX_LINE_BYTES * 8L)
            ws.closeCode() shouldBe 1009
        }
    }

    test("the client's close is answered with its own code, and the server closes the socket") {
        open().use { ws ->
            ws.send(RawFrames.CLOSE, byteArrayOf(0x0F, 0xA0.toByte())) // 4000
            ws.closeCode() shouldBe 4000
        }
    }
})

/** A WebSocket client on a blocking socket that writes frames byte by byte as told, with a 5 s read timeout. */
private class RawFrames private constructor(private val socket: Socket) : AutoCloseable {
    private val input = DataInputStream(socket.getInputStream().buffered())
    private val output = socket.getOutputStream()

    fun send(opcode: Int, payload: ByteArray, fin: Boolean = true, rsv: Int = 0, masked: Boolean = true) {
        val key = Random.nextBytes(4)
        output.write(header(opcode, payload.size.toLong(), fin, rsv, masked) + (if (masked) key else ByteArray(0)))
        output.write(if (masked) ByteArray(payload.size) { (payload[it].toInt() xor key[it % 4].toInt()).toByte() } else payload)
        output.flush()
    }

    /** A masked frame's header and mask for [length] bytes, and none of them. */
    fun sendHeaderOnly(opcode: Int, length: Long) {
        output.write(header(opcode, length, fin = true, rsv = 0, masked = true) + Random.nextBytes(4))
        output.flush()
    }

    private fun header(opcode: Int, length: Long, fin: Boolean, rsv: Int, masked: Boolean): ByteArray {
        val first = (if (fin) 0x80 else 0) or rsv or opcode
        val mask = if (masked) 0x80 else 0
        return when {
            length < 126 -> byteArrayOf(first.toByte(), (mask or length.toInt()).toByte())
            length < 65536 -> byteArrayOf(first.toByte(), (mask or 126).toByte(), (length shr 8).toByte(), length.toByte())
            else -> byteArrayOf(first.toByte(), (mask or 127).toByte()) + ByteArray(8) { (length shr (56 - 8 * it)).toByte() }
        }
    }

    /** The next frame from the server, as its opcode and payload. */
    private fun nextFrame(): Pair<Int, ByteArray> {
        val first = input.readUnsignedByte()
        val second = input.readUnsignedByte()
        check(second and 0x80 == 0) { "a server frame must not be masked" }
        val length = when (val short = second and 0x7F) {
            126 -> input.readUnsignedShort().toLong()
            127 -> input.readLong()
            else -> short.toLong()
        }
        return (first and 0x0F) to ByteArray(length.toInt()).also { input.readFully(it) }
    }

    fun nextText(): String {
        while (true) {
            val (opcode, payload) = nextFrame()
            if (opcode == TEXT) return payload.decodeToString()
        }
    }

    /** The code of the server's close frame, skipping what comes before it, once the server has also closed the socket. */
    fun closeCode(): Int {
        while (true) {
            val (opcode, payload) = nextFrame()
            if (opcode != CLOSE) continue
            val code = ((payload[0].toInt() and 0xFF) shl 8) or (payload[1].toInt() and 0xFF)
            val end = runCatching { input.readByte() }.exceptionOrNull()
            check(end is EOFException || end is SocketException) { "the socket is still open after the close frame: $end" }
            return code
        }
    }

    override fun close() = socket.close()

    companion object {
        const val CONTINUATION = 0x0
        const val TEXT = 0x1
        const val CLOSE = 0x8
        const val PING = 0x9

        fun connect(port: Int): RawFrames {
            val socket = Socket("127.0.0.1", port).apply { soTimeout = 5_000 }
            val key = Base64.getEncoder().encodeToString(Random.nextBytes(16))
            socket.getOutputStream().write(
                ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:$port\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                    "Sec-WebSocket-Key: $key\r\nSec-WebSocket-Version: 13\r\n\r\n").toByteArray(),
            )
            return RawFrames(socket).also { ws ->
                val head = generateSequence { ws.readLine().takeIf { it.isNotEmpty() } }.toList()
                head.first() shouldStartWith "HTTP/1.1 101"
            }
        }
    }

    private fun readLine(): String = buildString {
        while (true) {
            when (val b = input.readUnsignedByte()) {
                '\n'.code -> return toString().trimEnd('\r')
                else -> append(b.toChar())
            }
        }
    }
}
