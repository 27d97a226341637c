package dev.partyline.server.transport.ws

import dev.partyline.shared.protocol.Inbound
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.netty.buffer.Unpooled
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame

/** Joining fragmented WebSocket messages, frame by frame, as Netty's decoder hands them over. */
class MessageAssemblySpec : FunSpec({
    fun first(bytes: ByteArray, fin: Boolean = true) = TextWebSocketFrame(fin, 0, Unpooled.wrappedBuffer(bytes))
    fun next(bytes: ByteArray, fin: Boolean) = ContinuationWebSocketFrame(fin, 0, Unpooled.wrappedBuffer(bytes))
    fun text(s: String) = first(s.toByteArray())

    test("an unfragmented text frame is one message") {
        MessageAssembly(100).add(text("""{"type":"ping"}""")) shouldBe Inbound.Text("""{"type":"ping"}""")
    }

    test("fragments are joined into one message when the last arrives, even when a character is split between them") {
        val assembly = MessageAssembly(100)
        val bytes = """{"t":"é"}""".toByteArray()
        val split = bytes.indexOf(0xC3.toByte()) + 1 // between the two bytes of é
        assembly.add(first(bytes.copyOfRange(0, split), fin = false)) shouldBe null
        assembly.add(next(bytes.copyOfRange(split, bytes.size), fin = true)) shouldBe Inbound.Text("""{"t":"é"}""")
        assembly.add(text("next")) shouldBe Inbound.Text("next")
    }

    test("fragments over the limit are refused as soon as they pass it, counted in bytes") {
        val assembly = MessageAssembly(10)
        assembly.add(first("12345".toByteArray(), fin = false)) shouldBe null
        assembly.add(next("12345".toByteArray(), fin = false)) shouldBe null
        assembly.add(next("1".toByteArray(), fin = false)) shouldBe Inbound.TooLarge
        MessageAssembly(10).add(text("12345678901")) shouldBe Inbound.TooLarge
    }

    test("bytes that are not UTF-8 are refused once the message is whole") {
        val assembly = MessageAssembly(100)
        assembly.add(first(byteArrayOf(0x7B), fin = false)) shouldBe null
        assembly.add(next(byteArrayOf(0xC3.toByte()), fin = true)) shouldBe Inbound.BadUtf8
        assembly.add(text("ok")) shouldBe Inbound.Text("ok")
    }
})
