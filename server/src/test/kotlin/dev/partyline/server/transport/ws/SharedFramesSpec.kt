package dev.partyline.server.transport.ws

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeSameInstanceAs
import io.netty.buffer.ByteBuf
import io.netty.buffer.UnpooledByteBufAllocator
import io.netty.channel.embedded.EmbeddedChannel
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig

/** Text frames encoded once and shared: what a client's decoder reads, and who holds the buffers. */
class SharedFramesSpec : FunSpec({
    val alloc = UnpooledByteBufAllocator(false)

    /** What a client reads from [frame]: Netty's own decoder, expecting the unmasked frames a server sends. */
    fun read(frame: ByteBuf): TextWebSocketFrame {
        val client = EmbeddedChannel(WebSocket08FrameDecoder(WebSocketDecoderConfig.newBuilder().expectMaskedFrames(false).maxFramePayloadLength(1 shl 20).build()))
        client.writeInbound(frame)
        val read = client.readInbound<TextWebSocketFrame>()
        client.finishAndReleaseAll()
        return read
    }

    test("a frame carries its text whole, at every length form's edge, counted in UTF-8 bytes") {
        for (length in listOf(0, 1, 125, 126, 127, 65_535, 65_536, 70_000)) {
            val text = "é".repeat(length / 2) + "x".repeat(length % 2) // 2 bytes per é
            val frame = read(SharedFrames.encode(alloc, text))
            frame.isFinalFragment shouldBe true
            frame.text() shouldBe text
            frame.release()
        }
    }

    test("the same text is encoded once: every member's frame is a view of one buffer, freed when its slot is taken or the loop ends") {
        val frames = SharedFrames(alloc)
        val event = """{"type":"chat","text":"hi"}"""
        val first = frames.frame(event)
        val second = frames.frame(event)
        first.unwrap() shouldBeSameInstanceAs second.unwrap()
        read(first).text() shouldBe event
        read(second).text() shouldBe event
        val shared = second.unwrap()
        shared.refCnt() shouldBe 1 // the loop's own hold, once both writes released theirs

        val rival = generateSequence { String(event.toCharArray()) } // equal texts, other identities
            .first { System.identityHashCode(it) and (SharedFrames.SLOTS - 1) == System.identityHashCode(event) and (SharedFrames.SLOTS - 1) }
        val other = frames.frame(rival)
        shared.refCnt() shouldBe 0
        read(other).text() shouldBe event

        val kept = frames.frame(event).also { it.release() }.unwrap()
        frames.releaseAll()
        kept.refCnt() shouldBe 0
    }

    test("a frame over the kept size is encoded for its member alone, not kept") {
        val frames = SharedFrames(alloc)
        val big = "x".repeat(SharedFrames.KEPT_BYTES)
        val first = frames.frame(big)
        val second = frames.frame(big)
        first.refCnt() shouldBe 1
        second.refCnt() shouldBe 1
        (first === second) shouldBe false
        read(first).text() shouldBe big
        second.release()
    }
})
