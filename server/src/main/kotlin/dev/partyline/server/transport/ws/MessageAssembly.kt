package dev.partyline.server.transport.ws

import dev.partyline.shared.protocol.Inbound
import dev.partyline.shared.protocol.Utf8
import io.ktor.websocket.Frame
import java.io.ByteArrayOutputStream

/**
 * Joins the frames of one WebSocket message (RFC 6455 §5.4: a text message may come in
 * fragments, which Ktor hands over as text frames with `fin` false until the last). An
 * unfragmented message costs nothing extra; a message over [maxBytes] is refused as soon as its
 * fragments pass the limit. Binary messages are the transport's to refuse; any that reach here
 * are skipped.
 */
internal class MessageAssembly(private val maxBytes: Int) {
    private var fragments: ByteArrayOutputStream? = null

    /** The message [frame] completes, or null while a message goes on or for a binary one. */
    fun add(frame: Frame): Inbound? {
        if (frame !is Frame.Text) return null // Ktor gives a binary message's continuations the binary type too
        val started = fragments
        if (frame.fin && started == null) return decode(frame.data, frame.data.size)
        val joined = started ?: ByteArrayOutputStream().also { fragments = it }
        if (joined.size() + frame.data.size > maxBytes) return Inbound.TooLarge
        joined.write(frame.data)
        if (!frame.fin) return null
        fragments = null
        return decode(joined.toByteArray(), joined.size())
    }

    private fun decode(bytes: ByteArray, size: Int): Inbound = when {
        size > maxBytes -> Inbound.TooLarge
        else -> Utf8.decodeOrNull(bytes, 0, size)?.let { Inbound.Text(it) } ?: Inbound.BadUtf8
    }
}
