package dev.partyline.shared.protocol

/** What a display name may be, for a person's `hello` and a host's `add_bot` alike. */
object PlayerNames {
    /** [raw] trimmed, or null unless that is 1 to [Limits.MAX_NAME_CHARS] characters without control or bidirectional characters. */
    fun clean(raw: String?): String? {
        val name = raw?.trim().orEmpty()
        val valid = name.isNotEmpty() && name.length <= Limits.MAX_NAME_CHARS && PlainText.isClean(name)
        return name.takeIf { valid }
    }

    /** The refusal text of a bad name. */
    const val RULE = "a name is 1 to ${Limits.MAX_NAME_CHARS} characters, without control characters"
}
