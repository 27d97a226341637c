package dev.partyline.server.reliability

/**
 * Where a bad input is sent from: the sending connection's state and role. Rooms are those of
 * [CorpusWorld]: a quiz in its lobby, a quiz under way (its host does not play), a finished
 * quiz, and a memory game under way in turns with the host on turn.
 */
enum class Place(val room: CorpusWorld.Room?) {
    /** Connected, no `hello` yet. */
    FRESH(null),
    /** Welcomed, in no room. */
    LOBBY(null),
    QUIZ_LOBBY_HOST(CorpusWorld.Room.QUIZ_LOBBY),
    QUIZ_LOBBY_PLAYER(CorpusWorld.Room.QUIZ_LOBBY),
    QUIZ_LOBBY_SPECTATOR(CorpusWorld.Room.QUIZ_LOBBY),
    PLAYING_HOST(CorpusWorld.Room.QUIZ_PLAYING),
    /** A player who has not answered the open question. */
    PLAYING_PLAYER(CorpusWorld.Room.QUIZ_PLAYING),
    /** A player who has answered the open question. */
    PLAYING_ANSWERED(CorpusWorld.Room.QUIZ_PLAYING),
    PLAYING_SPECTATOR(CorpusWorld.Room.QUIZ_PLAYING),
    OVER_HOST(CorpusWorld.Room.QUIZ_OVER),
    OVER_PLAYER(CorpusWorld.Room.QUIZ_OVER),
    /** The memory host, on turn. */
    MEMORY_HOST(CorpusWorld.Room.MEMORY_PLAYING),
    /** A memory player, not on turn. */
    MEMORY_PLAYER(CorpusWorld.Room.MEMORY_PLAYING),
    MEMORY_SPECTATOR(CorpusWorld.Room.MEMORY_PLAYING),
}

/**
 * One line or frame that the server must refuse: sent from [place], it must get exactly one
 * `error` with [code] (carrying `"re"` equal to the JSON text [re] when the input has a readable
 * id) and change nothing; [closes] inputs are also followed by `goodbye` and a close.
 */
class BadInput(
    val category: String,
    val place: Place,
    val bytes: ByteArray,
    val code: String,
    val re: String? = null,
    val closes: Boolean = false,
) {
    /** The input as readable text, bad bytes shown as `\xNN`, cut short for a failure message. */
    fun shown(): String {
        val text = StringBuilder()
        for (b in bytes.take(SHOWN_BYTES)) {
            val u = b.toInt() and 0xFF
            if (u in 0x20..0x7E) text.append(u.toChar()) else text.append("\\x%02X".format(u))
        }
        if (bytes.size > SHOWN_BYTES) text.append("… (${bytes.size} bytes)")
        return "[$category @ $place] $text"
    }

    private companion object {
        const val SHOWN_BYTES = 160
    }
}

/** A bad input written as text (UTF-8). */
fun bad(category: String, place: Place, text: String, code: String, re: String? = null) =
    BadInput(category, place, text.toByteArray(Charsets.UTF_8), code, re)
