package dev.partyline.server.transport.ws

import dev.partyline.shared.protocol.Inbound
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.ktor.websocket.Frame

/** Joining fragmented WebSocket messages, frame by frame. */
class MessageAssemblySpec : FunSpec({
    fun text(s: String, fin: Boolean = true) = Frame.Text(fin, s.toByteArray())

    test("an unfragmented text frame is one message") {
        MessageAssembly(100).add(text("""{"type":"ping"}""")) shouldBe Inbound.Text("""{"type":"ping"}""")
    }

    test("fragments are joined into one message when the last arrives, even when a character is split between them") {
        val assembly = MessageAssembly(100)
        val bytes = """{"t":"é"}""".toByteArray()
        val split = bytes.indexOf(0xC3.toByte()) + 1 // between the two bytes of é
        assembly.add(Frame.Text(false, bytes.copyOfRange(0, split))) shouldBe null
        assembly.add(Frame.Text(true, bytes.copyOfRange(split, bytes.size))) shouldBe Inbound.Text("""{"t":"é"}""")
        assembly.add(text("next")) shouldBe Inbound.Text("next")
    }

    test("fragments over the limit are refused as soon as they pass it, counted in bytes") {
        val assembly = MessageAssembly(10)
        assembly.add(text("12345", fin = false)) shouldBe null
        assembly.add(text("12345", fin = false)) shouldBe null
        assembly.add(text("1", fin = false)) shouldBe Inbound.TooLarge
        MessageAssembly(10).add(text("12345678901")) shouldBe Inbound.TooLarge
    }

    test("bytes that are not UTF-8 are refused once the message is whole, and binary messages are skipped") {
        val assembly = MessageAssembly(100)
        assembly.add(Frame.Text(false, byteArrayOf(0x7B))) shouldBe null
        assembly.add(Frame.Text(true, byteArrayOf(0xC3.toByte()))) shouldBe Inbound.BadUtf8
        assembly.add(Frame.Binary(false, byteArrayOf(1, 2))) shouldBe null
        assembly.add(Frame.Binary(true, byteArrayOf(3))) shouldBe null
        assembly.add(text("ok")) shouldBe Inbound.Text("ok")
    }
})
