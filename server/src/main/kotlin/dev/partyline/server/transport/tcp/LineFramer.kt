package dev.partyline.server.transport.tcp

import dev.partyline.server.transport.Inbound
import dev.partyline.server.transport.Utf8

/**
 * Splits a TCP byte stream into lines ended by `\n` (a `\r` before it is dropped). A line may
 * hold at most [maxBytes] bytes without its line ending; a longer one is [Inbound.TooLarge],
 * after which the framer yields nothing more. Blank lines are skipped.
 */
class LineFramer(private val maxBytes: Int) {
    private val buffer = ByteArray(maxBytes + 1)
    private var length = 0
    private var broken = false

    fun feed(bytes: ByteArray, count: Int): List<Inbound> {
        if (broken) return emptyList()
        val out = ArrayList<Inbound>(2)
        for (i in 0 until count) {
            val b = bytes[i]
            if (b == NEWLINE) {
                val end = if (length > 0 && buffer[length - 1] == CR) length - 1 else length
                if (end > maxBytes) return tooLarge(out)
                if (end > 0) out += Utf8.decodeOrNull(buffer, 0, end)?.let { Inbound.Text(it) } ?: Inbound.BadUtf8
                length = 0
            } else {
                if (length == buffer.size) return tooLarge(out)
                buffer[length++] = b
            }
        }
        return out
    }

    private fun tooLarge(out: MutableList<Inbound>): List<Inbound> {
        broken = true
        out += Inbound.TooLarge
        return out
    }

    private companion object {
        const val NEWLINE = '\n'.code.toByte()
        const val CR = '\r'.code.toByte()
    }
}
