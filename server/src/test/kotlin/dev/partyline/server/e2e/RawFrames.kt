package dev.partyline.server.e2e

import io.kotest.matchers.string.shouldStartWith
import java.io.DataInputStream
import java.io.EOFException
import java.net.Socket
import java.net.SocketException
import java.util.Base64
import kotlin.random.Random

/** A WebSocket client on a blocking socket that writes frames byte by byte as told, with a 5 s read timeout. */
internal class RawFrames private constructor(private val socket: Socket) : AutoCloseable {
    private val input = DataInputStream(socket.getInputStream().buffered())
    private val output = socket.getOutputStream()

    fun send(opcode: Int, payload: ByteArray, fin: Boolean = true, rsv: Int = 0, masked: Boolean = true) {
        output.write(frame(opcode, payload, fin, rsv, masked))
        output.flush()
    }

    /** A masked frame's header and mask for [length] bytes, and none of them. */
    fun sendHeaderOnly(opcode: Int, length: Long) {
        output.write(header(opcode, length, fin = true, rsv = 0, masked = true) + Random.nextBytes(4))
        output.flush()
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

        /** A client frame of [opcode] carrying [payload]: masked with a fresh key, as a client must send it, unless told otherwise. */
        fun frame(opcode: Int, payload: ByteArray, fin: Boolean = true, rsv: Int = 0, masked: Boolean = true): ByteArray {
            val head = header(opcode, payload.size.toLong(), fin, rsv, masked)
            if (!masked) return head + payload
            val key = Random.nextBytes(4)
            return head + key + ByteArray(payload.size) { (payload[it].toInt() xor key[it % 4].toInt()).toByte() }
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
