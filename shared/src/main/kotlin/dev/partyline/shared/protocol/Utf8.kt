package dev.partyline.shared.protocol

import java.nio.ByteBuffer
import java.nio.charset.CharacterCodingException
import java.nio.charset.CodingErrorAction

/** Strict UTF-8 decoding: invalid bytes are an error, never silently replaced. */
object Utf8 {
    private val decoder = ThreadLocal.withInitial {
        Charsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
    }

    fun decodeOrNull(bytes: ByteArray, offset: Int = 0, length: Int = bytes.size): String? = try {
        decoder.get().decode(ByteBuffer.wrap(bytes, offset, length)).toString()
    } catch (_: CharacterCodingException) {
        null
    }
}
