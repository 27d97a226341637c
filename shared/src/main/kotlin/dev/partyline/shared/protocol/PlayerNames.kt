package dev.partyline.shared.protocol

/** What a display name may be, for a person's `hello` and a host's `add_bot` alike. */
object PlayerNames {
    /** Unicode bidirectional controls, which could make a name read as someone else's. */
    private val BIDI_CONTROLS = setOf('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F')

    /** [raw] trimmed, or null unless that is 1 to [Limits.MAX_NAME_CHARS] characters without control or bidirectional characters. */
    fun clean(raw: String?): String? {
        val name = raw?.trim().orEmpty()
        val valid = name.isNotEmpty() && name.length <= Limits.MAX_NAME_CHARS && name.none { it.isISOControl() || it in BIDI_CONTROLS }
        return name.takeIf { valid }
    }

    /** The refusal text of a bad name. */
    const val RULE = "a name is 1 to ${Limits.MAX_NAME_CHARS} characters, without control characters"
}
