package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.ktor.client.HttpClient
import io.ktor.client.engine.cio.CIO
import io.ktor.client.plugins.websocket.WebSockets
import io.ktor.client.plugins.websocket.cio.webSocketRawSession
import io.ktor.websocket.CloseReason
import io.ktor.websocket.Frame
import io.ktor.websocket.WebSocketSession
import io.ktor.websocket.readReason
import io.ktor.websocket.readText
import kotlinx.coroutines.withTimeout

/**
 * WebSocket framing as a client library of any kind may use it, over a raw client session that
 * shows every frame: fragmented messages and pings, and the close codes of RFC 6455 for a binary
 * message (1003) and a text message that is not UTF-8 (1007).
 */
class WebSocketFramesSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer() }
    val http = HttpClient(CIO) { install(WebSockets) }
    afterSpec {
        http.close()
        server.stop()
    }

    suspend fun WebSocketSession.nextFrame(): Frame = withTimeout(5_000) { incoming.receive() }

    suspend fun WebSocketSession.nextText(type: String): String {
        while (true) {
            val frame = nextFrame()
            if (frame is Frame.Text) frame.readText().takeIf { "\"type\":\"$type\"" in it }?.let { return it }
        }
    }

    test("a message sent in fragments is read as one message") {
        val ws = http.webSocketRawSession(host = "127.0.0.1", port = server.httpPort, path = "/ws")
        val hello = """{"type":"hello","name":"Frag","protocol":1}""".toByteArray()
        ws.outgoing.send(Frame.Text(false, hello.copyOfRange(0, 10)))
        ws.outgoing.send(Frame.Text(false, hello.copyOfRange(10, 20)))
        ws.outgoing.send(Frame.Text(true, hello.copyOfRange(20, hello.size)))
        ws.nextText("welcome") shouldContain "\"name\":\"Frag\""
        ws.outgoing.send(Frame.Text("""{"type":"ping","t":1}"""))
        ws.nextText("pong") shouldContain "\"t\":1"
        ws.outgoing.send(Frame.Close(CloseReason(CloseReason.Codes.NORMAL, "")))
    }

    test("a WebSocket ping is answered with a pong carrying its data") {
        val ws = http.webSocketRawSession(host = "127.0.0.1", port = server.httpPort, path = "/ws")
        ws.outgoing.send(Frame.Ping(byteArrayOf(4, 2)))
        val pong = ws.nextFrame()
        (pong is Frame.Pong) shouldBe true
        pong.data.toList() shouldBe listOf<Byte>(4, 2)
        ws.outgoing.send(Frame.Close(CloseReason(CloseReason.Codes.NORMAL, "")))
    }

    /** The close frame the server fails the connection with (RFC 6455 §7.1.7), skipping what came before it. */
    suspend fun WebSocketSession.closeReason(): CloseReason? {
        while (true) {
            val frame = nextFrame()
            if (frame is Frame.Close) return frame.readReason()
        }
    }

    test("a binary message fails the connection with 1003 and says why; nothing else of it is read") {
        val ws = http.webSocketRawSession(host = "127.0.0.1", port = server.httpPort, path = "/ws")
        ws.outgoing.send(Frame.Binary(true, """{"type":"hello","name":"Bin","protocol":1}""".toByteArray()))
        val reason = ws.closeReason().shouldNotBeNull()
        reason.code shouldBe CloseReason.Codes.CANNOT_ACCEPT.code
        reason.message shouldContain "text frames"
    }

    test("a text message that is not UTF-8 fails the connection with 1007, even after a good hello") {
        val ws = http.webSocketRawSession(host = "127.0.0.1", port = server.httpPort, path = "/ws")
        ws.outgoing.send(Frame.Text("""{"type":"hello","name":"Utf","protocol":1}"""))
        ws.nextText("welcome")
        ws.outgoing.send(Frame.Text(true, "{\"type\":\"chat\",\"text\":\"".toByteArray() + byteArrayOf(0xC3.toByte(), 0x28) + "\"}".toByteArray()))
        ws.closeReason().shouldNotBeNull().code shouldBe CloseReason.Codes.NOT_CONSISTENT.code
    }
})
