package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import dev.partyline.shared.protocol.Limits
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

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
