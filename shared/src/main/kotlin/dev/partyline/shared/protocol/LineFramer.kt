package dev.partyline.shared.protocol


/**
 * Splits a TCP byte stream into lines ended by `\n` (a `\r` before it is dropped). A line may
 * hold at most [maxBytes] bytes without its line ending; a longer one is [Inbound.TooLarge],
 * after which the framer yields nothing more. Blank lines are skipped. It holds memory only for a
 * line that has not ended yet, so an idle connection costs nothing here.
 */
class LineFramer(private val maxBytes: Int) {
    private var buffer = EMPTY
    private var length = 0
    private var broken = false

    // region docs:line-feed
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
                if (length == maxBytes + 1) return tooLarge(out)
                if (length == buffer.size) buffer = buffer.copyOf(minOf(maxOf(buffer.size * 2, FIRST_BYTES), maxBytes + 1))
                buffer[length++] = b
            }
        }
        if (length == 0) buffer = EMPTY
        return out
    }
    // endregion

    private fun tooLarge(out: MutableList<Inbound>): List<Inbound> {
        broken = true
        out += Inbound.TooLarge
        return out
    }

    private companion object {
        const val NEWLINE = '\n'.code.toByte()
        const val CR = '\r'.code.toByte()
        const val FIRST_BYTES = 256
        val EMPTY = ByteArray(0)
    }
}
