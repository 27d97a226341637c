package dev.partyline.shared.protocol

/** What framing hands up from a line or a frame: a text, or a framing fault. */
sealed interface Inbound {
    data class Text(val text: String) : Inbound
    /** A line or frame over the size limit; the connection will be closed. */
    data object TooLarge : Inbound
    /** A line or frame that is not valid UTF-8; refused, the connection goes on. */
    data object BadUtf8 : Inbound
}
