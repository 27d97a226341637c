package dev.partyline.shared.protocol

/** Text that people read — names, chat lines, questions, typed answers — holds no control or bidirectional characters. */
object PlainText {
    /** Unicode bidirectional controls, which could make a text read as something else. */
    private val BIDI_CONTROLS = setOf('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F')

    fun isClean(text: String): Boolean = text.none { it.isISOControl() || it in BIDI_CONTROLS }
}
