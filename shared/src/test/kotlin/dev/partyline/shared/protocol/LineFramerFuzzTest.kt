package dev.partyline.shared.protocol

import com.code_intelligence.jazzer.junit.FuzzTest
import java.nio.ByteBuffer
import java.nio.charset.CharacterCodingException
import java.nio.charset.CodingErrorAction
import kotlin.random.Random

/**
 * Fuzzes line framing: any bytes, cut into any chunks, come out exactly as a plain reading of
 * the whole stream says — the same lines whatever the chunks, none over the limit, nothing after
 * `TooLarge` — and the framer never throws. An input's first byte sets the limit (1 to 64), its
 * second the chunk sizes; the rest is the stream. CI runs the inputs under
 * `LineFramerFuzzTestInputs/frame`; `JAZZER_FUZZ=1` fuzzes (see docs/reliability.md).
 */
class LineFramerFuzzTest {
    @FuzzTest(maxDuration = "10m")
    fun frame(input: ByteArray) {
        if (input.size < 2) return
        val limit = (input[0].toInt() and 0x3F) + 1
        val chunks = Random(input[1].toInt())
        val stream = input.copyOfRange(2, input.size)

        val framer = LineFramer(limit)
        val out = mutableListOf<Inbound>()
        var at = 0
        while (at < stream.size) {
            val size = minOf(chunks.nextInt(1, 17), stream.size - at)
            out += framer.feed(stream.copyOfRange(at, at + size), size)
            at += size
        }

        val expected = reading(stream, limit)
        check(out == expected) { "limit $limit: framed $out, expected $expected" }
        for (frame in out) if (frame is Inbound.Text) check(frame.text.toByteArray().size <= limit && '\n' !in frame.text)
        check(Inbound.TooLarge !in out.dropLast(1)) { "something after TooLarge: $out" }
    }

    /** The lines of [stream] as the protocol defines them, read from the whole stream at once. */
    private fun reading(stream: ByteArray, limit: Int): List<Inbound> {
        val out = mutableListOf<Inbound>()
        var start = 0
        while (true) {
            val newline = (start until stream.size).firstOrNull { stream[it] == NEWLINE }
            if (newline == null) {
                // An unended line is refused once it can no longer be a line of the limit plus a CR.
                if (stream.size - start >= limit + 2) out += Inbound.TooLarge
                return out
            }
            val end = if (newline > start && stream[newline - 1] == CR) newline - 1 else newline
            if (end - start > limit) return out.also { it += Inbound.TooLarge }
            if (end > start) out += utf8(stream, start, end)?.let { Inbound.Text(it) } ?: Inbound.BadUtf8
            start = newline + 1
        }
    }

    private fun utf8(bytes: ByteArray, from: Int, to: Int): String? = try {
        Charsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes, from, to - from)).toString()
    } catch (_: CharacterCodingException) {
        null
    }

    private companion object {
        const val NEWLINE = '\n'.code.toByte()
        const val CR = '\r'.code.toByte()
    }
}
