package dev.partyline.shared.protocol

/** Protocol limits shared by server and clients; the server's config can override each. */
object Limits {
    const val PROTOCOL_VERSION = 1
    const val MAX_LINE_BYTES = 8 * 1024
    const val MAX_NAME_CHARS = 24
    const val MAX_CHAT_CHARS = 280
    const val MAX_ID_CHARS = 64
    const val MAX_TYPED_ANSWER_CHARS = 200

    /** How deep a message may nest objects and arrays; the deepest real one (`create` with questions) needs 5. */
    const val MAX_NESTING = 16

    /** The largest whole number every JSON client reads exactly (2^53 − 1, JavaScript's safe integer); seeds stay within it. */
    const val MAX_EXACT_NUMBER = 9_007_199_254_740_991L
}
