package dev.partyline.server.transport.ws

import io.netty.buffer.ByteBuf
import io.netty.buffer.ByteBufAllocator
import io.netty.buffer.ByteBufUtil
import io.netty.channel.Channel
import io.netty.util.concurrent.FastThreadLocal

/**
 * Whole WebSocket text frames (header and UTF-8 payload, unmasked as a server's are), encoded
 * once per event loop: a room's event is one `String` offered to each member, so the members on
 * one loop share its frame instead of each encoding it. Holds the latest [SLOTS] frames of up to
 * [KEPT_BYTES], each in the slot of its text's identity; a frame's buffer is released when another
 * takes its slot. Owned by one event loop's thread ([on]).
 */
internal class SharedFrames(private val alloc: ByteBufAllocator) {
    private val texts = arrayOfNulls<String>(SLOTS)
    private val frames = arrayOfNulls<ByteBuf>(SLOTS)

    /** A frame carrying [text], the caller's to write (and so release). */
    fun frame(text: String): ByteBuf {
        val slot = System.identityHashCode(text) and (SLOTS - 1)
        val known = frames[slot]
        if (known != null && texts[slot] === text) return known.retainedDuplicate()
        val made = encode(alloc, text)
        if (made.readableBytes() > KEPT_BYTES) return made // too big to keep: written once, then freed
        known?.release()
        texts[slot] = text
        frames[slot] = made
        return made.retainedDuplicate()
    }

    /** Lets go of every frame held, as the loop's thread ends. */
    fun releaseAll() {
        frames.forEach { it?.release() }
        frames.fill(null)
        texts.fill(null)
    }

    companion object {
        /** A power of two: enough for the distinct events one loop writes between two members of a room. */
        const val SLOTS = 256

        /** The largest frame kept, so that what a loop holds stays under [SLOTS] × 16 KiB. */
        const val KEPT_BYTES = 16 * 1024
        private const val HEADER_MAX = 10
        private const val FIN_TEXT = 0x81
        private const val LENGTH_16 = 126
        private const val LENGTH_64 = 127

        private val perLoop = object : FastThreadLocal<SharedFrames>() {
            override fun initialValue() = SharedFrames(ByteBufAllocator.DEFAULT)

            override fun onRemoval(value: SharedFrames) = value.releaseAll()
        }

        /** A frame carrying [text] for [channel]: its loop's shared one when called there, else one of its own. */
        fun on(channel: Channel, text: String): ByteBuf =
            if (channel.eventLoop().inEventLoop()) perLoop.get().frame(text) else encode(channel.alloc(), text)

        /** One unfragmented text frame carrying [text]. */
        fun encode(alloc: ByteBufAllocator, text: String): ByteBuf {
            val length = ByteBufUtil.utf8Bytes(text)
            val buffer = alloc.buffer(HEADER_MAX + length)
            buffer.writeByte(FIN_TEXT)
            when {
                length < LENGTH_16 -> buffer.writeByte(length)
                length <= 0xFFFF -> buffer.writeByte(LENGTH_16).writeShort(length)
                else -> buffer.writeByte(LENGTH_64).writeLong(length.toLong())
            }
            ByteBufUtil.reserveAndWriteUtf8(buffer, text, length)
            return buffer
        }
    }
}
