package dev.partyline.server.transport.ws

import dev.partyline.shared.protocol.Inbound
import dev.partyline.shared.protocol.Utf8
import io.netty.buffer.ByteBuf
import io.netty.buffer.ByteBufUtil
import io.netty.handler.codec.http.websocketx.WebSocketFrame
import java.io.ByteArrayOutputStream

/**
 * Joins the frames of one WebSocket text message (RFC 6455 §5.4: a message may come as a text
 * frame that is not final, then continuation frames up to a final one; Netty's decoder has
 * checked that order). An unfragmented message costs nothing extra; a message over [maxBytes] is
 * refused as soon as its fragments pass the limit.
 */
internal class MessageAssembly(private val maxBytes: Int) {
    private var fragments: ByteArrayOutputStream? = null

    /** The message [frame] (a text or continuation frame) completes, or null while the message goes on. */
    fun add(frame: WebSocketFrame): Inbound? {
        val data = frame.content()
        val started = fragments
        if (frame.isFinalFragment && started == null) return decode(data)
        val joined = started ?: ByteArrayOutputStream().also { fragments = it }
        if (joined.size() + data.readableBytes() > maxBytes) return Inbound.TooLarge
        data.readBytes(joined, data.readableBytes())
        if (!frame.isFinalFragment) return null
        fragments = null
        return decode(joined.toByteArray())
    }

    private fun decode(data: ByteBuf): Inbound =
        if (data.readableBytes() > maxBytes) Inbound.TooLarge else decode(ByteBufUtil.getBytes(data))

    private fun decode(bytes: ByteArray): Inbound = when {
        bytes.size > maxBytes -> Inbound.TooLarge
        else -> Utf8.decodeOrNull(bytes, 0, bytes.size)?.let { Inbound.Text(it) } ?: Inbound.BadUtf8
    }
}
